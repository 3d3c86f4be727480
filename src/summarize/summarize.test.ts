import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize } from './summarize.ts';
import { splitSentences } from './split-sentences.ts';

// Written for this test; not taken from any corpus.
const ENGLISH = `By Jane Carter, Science Correspondent

GENEVA (Reuters) - The World Health Organization said on Tuesday that measles cases in Europe rose to 42,000 last year, the highest level in more than a decade.

Officials blamed falling vaccination rates in several countries, where fewer than 90 percent of children now receive both doses of the vaccine. The outbreak hit Romania, Italy and Ukraine hardest, with more than 35 deaths recorded across the region.

Photo: A nurse prepares a measles vaccine in Bucharest. (Reuters/Jane Doe)

Dr. Hans Kluge, the WHO regional director, said the rise in measles cases was a warning sign for health systems across Europe. "Every death from measles is a tragedy that a vaccine could have prevented," Kluge told reporters.

What can parents do? Read more: How vaccines work.

The agency plans to send vaccination teams to the worst affected areas by March. It also urged governments to fund catch-up campaigns for children who missed their doses during the pandemic.`;

const KOREAN = `김민수 기자 = 서울대 연구팀.

서울대 화학부 연구팀이 상온에서 작동하는 새로운 수소 저장 소재를 개발했다고 15일 밝혔다.

이 소재는 기존 금속 수소화물보다 수소를 두 배 이상 저장할 수 있으며 영하 20도에서도 안정적으로 작동한다. 연구팀은 다공성 유기 골격 구조에 마그네슘 이온을 결합해 수소 저장 효율을 크게 높였다.

사진=서울대 제공

연구를 이끈 박지현 교수는 "수소 저장 소재의 상용화를 앞당길 수 있는 결과"라며 "수소 자동차 연료 탱크에 바로 적용할 수 있을 것"이라고 말했다. 이번 연구 결과는 국제 학술지 네이처 에너지에 게재됐다.

연구팀은 앞으로 대량 생산 공정을 개발해 3년 안에 수소 저장 소재를 실용화할 계획이다.`;

function assertExtractive(bullets: string[], source: string): void {
  const sentences = splitSentences(source).map((s) => s.replace(/\s+/g, ' '));
  let last = -1;
  for (const b of bullets) {
    // Every bullet is a sentence of the input (possibly with a dateline or attribution trimmed).
    const at = sentences.findIndex((s) => s.includes(b.replace(/\.$/, '')) || b.includes(s));
    assert.ok(at >= 0, `not a sentence of the input: ${b}`);
    assert.ok(at > last, `not in document order: ${b}`);
    last = at;
    assert.match(b, /[.!](["'\u201d\u2019)])*$/, `no terminal punctuation: ${b}`);
    assert.equal(b, b.replace(/\s+/g, ' ').trim());
  }
}

test('should give three extractive English bullets in document order', async () => {
  const bullets = await summarize(ENGLISH);
  assert.equal(bullets.length, 3);
  assertExtractive(bullets, ENGLISH);
  assert.ok(bullets[0]!.startsWith('The World Health Organization said'), bullets[0]);
  assert.equal(new Set(bullets).size, bullets.length);
});

test('should never choose bylines, captions, reader questions or "Read more"', async () => {
  const bullets = await summarize(ENGLISH, { bullets: 10 });
  for (const b of bullets) {
    assert.doesNotMatch(b, /^By |Photo:|Read more|What can parents do/, b);
  }
});

test('should give three extractive Korean bullets in document order', async () => {
  const bullets = await summarize(KOREAN, { lang: 'ko' });
  assert.equal(bullets.length, 3);
  assertExtractive(bullets, KOREAN);
  for (const b of bullets) {
    assert.match(b, /[\uac00-\ud7a3]/);
    assert.doesNotMatch(b, /기자 =|사진=|연구팀\.$/);
  }
  assert.ok(bullets[0]!.startsWith('서울대 화학부 연구팀이'), bullets[0]);
});

test('should give a short Korean story three bullets, its short lead among them', async () => {
  const value = [
    '서울 아파트 전셋값이 20주 연속 올랐다. 신규 입주 물량이 줄어든 가운데 매매 대신 전세를 찾는 수요가 이어진 영향이다.',
    '한국부동산원이 15일 발표한 11월 둘째 주 주간 아파트 가격 동향에 따르면 서울 아파트 전셋값은 전주 대비 0.08% 올랐다. 송파구와 성동구의 상승 폭이 컸다.',
    '부동산원 관계자는 "학군지와 역세권 대단지를 중심으로 전세 매물이 부족한 상황"이라고 설명했다.',
  ].join('\n\n');
  const bullets = await summarize(value, { lang: 'ko' });
  assert.equal(bullets.length, 3, bullets.join(' | '));
  assert.equal(bullets[0], '서울 아파트 전셋값이 20주 연속 올랐다.');
  assertExtractive(bullets, value);
});

test('should give fewer bullets for a two-sentence text', async () => {
  const value = 'The city council approved the new budget on Monday evening. Spending on schools will rise by four percent next year.';
  const bullets = await summarize(value);
  assert.deepEqual(bullets, [
    'The city council approved the new budget on Monday evening.',
    'Spending on schools will rise by four percent next year.',
  ]);
});

test('should return no bullets for empty or trivial text', async () => {
  assert.deepEqual(await summarize(''), []);
  assert.deepEqual(await summarize('   \n\n  '), []);
  assert.deepEqual(await summarize('Hello.'), []);
  assert.deepEqual(await summarize(ENGLISH, { bullets: 0 }), []);
});

test('should honour the bullet count', async () => {
  assert.equal((await summarize(ENGLISH, { bullets: 1 })).length, 1);
  assert.equal((await summarize(ENGLISH, { bullets: 5 })).length, 5);
});

test('should be deterministic', async () => {
  const a = await summarize(ENGLISH);
  const b = await summarize(ENGLISH);
  assert.deepEqual(a, b);
  assert.deepEqual(await summarize(KOREAN), await summarize(KOREAN));
});

test('should handle lower-cased tokenised text', async () => {
  const value =
    'washington ( cnn ) -- the senate passed a bill on friday that would raise the minimum wage to $ 15 an hour by 2025 . ' +
    'the measure now goes to the house , where its fate is uncertain , officials said . ' +
    'scroll down for video . ' +
    "supporters say the raise would lift millions of workers out of poverty , according to a report by the labor department .";
  const bullets = await summarize(value);
  assert.equal(bullets.length, 3);
  assert.ok(bullets[0]!.startsWith('the senate passed a bill'), bullets[0]);
  for (const b of bullets) assert.doesNotMatch(b, /scroll down|\( cnn \)/);
});

test('should open with the lede of an article laid out in paragraphs', async () => {
  // A council story whose quotes and background score higher than its lede on their own.
  const text = [
    "The Harbor City Council voted 7-2 on Monday night to freeze ferry fares at $3.25 a crossing until the end of 2028, rejecting a proposal from the port authority to raise them to $3.75 next spring.",
    "Ridership on the three cross-harbor routes reached 4.1 million trips in the 12 months to October, up 11 percent from a year earlier and the highest figure since the service was taken over by the city in 2009.",
    "“People have come back to the boats because they are reliable and they are cheap,” said Council Member Dana Ortiz, who sponsored the freeze. “A fare increase now would punish exactly the riders we spent five years winning back.”",
    "The port authority had argued that the higher fare would raise about $2.3 million a year toward the replacement of its four diesel vessels, the oldest of which entered service in 1994. Its director, Howard Kim, told the council that fuel and maintenance costs had risen 19 percent since 2024.",
    "Instead, the council directed $1.8 million from the city’s parking revenue fund to a feasibility study of an all-electric fleet, due by June 30. The two members who voted no, Alan Price and Ruth Okafor, said the city should not lock in a price for three years without knowing what new boats will cost.",
    "Monthly passes, now $89, are also covered by the freeze. Riders over 65 and students will continue to pay half fare.",
    "The freeze takes effect Jan. 1. The port authority board meets on Dec. 9 to adjust its 2027 budget."
  ].join('\n\n');
  const value = await summarize(text);
  assert.equal(value.length, 3);
  assert.match(value[0]!, /^The Harbor City Council voted 7-2 on Monday night to freeze ferry fares/);
});

test('summarize writes bullets for Japanese and Chinese, whose words are not spaced', async () => {
  const ja =
    '港湾局は来年4月から、客船の停泊料を2割引き上げると発表した。ターミナルが開業した2011年以来、初めての値上げとなる。\n\n' +
    '船会社からは、料金が上がれば寄港地を近隣の港に移す可能性があるとの声が上がっている。大手2社は来季の運航計画を見直していると明らかにした。\n\n' +
    '港湾局は、増収分を岸壁の補修と待合室の改修に充てる方針だ。';
  const zh =
    '港务局周一宣布，将从明年四月起把邮轮停泊费上调两成，这是码头自二零一一年启用以来首次涨价。\n\n' +
    '船公司担心费用上涨后，邮轮可能改靠邻近港口。两家大型船公司表示正在重新评估下一季的航行计划。\n\n' +
    '港务局说，新增收入将用于修缮码头和改造候船室，并计划在年底前公布详细方案。';
  for (const [text, name] of [[ja, 'Japanese'], [zh, 'Chinese']] as const) {
    const bullets = await summarize(text);
    assert.equal(bullets.length, 3, name);
    for (const b of bullets) {
      assert.match(b, /。$/, `${name}: ${b}`);
      assert.ok(text.includes(b), `${name}: a sentence of the text`);
    }
  }
});
