import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { balanceQuotes, compressSentence, cutTrailingClause } from './compress-sentence.ts';
import { rejectSentence } from './filter-sentences.ts';

const compressCases: { name: string; value: string; cased: boolean; expected: string }[] = [
  {
    name: 'should drop a CNN dateline',
    value: 'WASHINGTON (CNN) -- The Senate passed the bill on Friday after a long debate.',
    cased: true,
    expected: 'The Senate passed the bill on Friday after a long debate.',
  },
  {
    name: 'should drop a dateline of a city in capitals and its country or state',
    value: "DUBAI, United Arab Emirates — Dubai's flagship carrier finalized a deal to buy 30 jets, executives announced Wednesday.",
    cased: true,
    expected: "Dubai's flagship carrier finalized a deal to buy 30 jets, executives announced Wednesday.",
  },
  {
    name: 'should drop a dateline with a state abbreviation',
    value: 'SAN JOSE, Calif. -- The chipmaker will cut a tenth of its staff this year after its sales fell.',
    cased: true,
    expected: 'The chipmaker will cut a tenth of its staff this year after its sales fell.',
  },
  {
    name: 'should keep a sentence whose subject is a name in capitals before an aside',
    value: 'NASA, the space agency — which had planned the launch for May — delayed it again on Friday.',
    cased: true,
    expected: 'NASA, the space agency — which had planned the launch for May — delayed it again on Friday.',
  },
  {
    name: 'should drop a lower-cased PTB dateline',
    value: 'london ( cnn ) -- the bank raised its main interest rate to 5 % on thursday .',
    cased: false,
    expected: 'the bank raised its main interest rate to 5 % on thursday .',
  },
  {
    name: 'should drop a leading connective and capitalise',
    value: 'However, that is the only victory in eight attempts against the Italians.',
    cased: true,
    expected: 'That is the only victory in eight attempts against the Italians.',
  },
  {
    name: 'should drop a trailing attribution after a full clause',
    value: 'The only thing blighting business optimism this year will be the general election, BDO said.',
    cased: true,
    expected: 'The only thing blighting business optimism this year will be the general election.',
  },
  {
    name: 'should drop "according to" at the end',
    value: 'UK businesses are set to prosper during the next few months, according to a report.',
    cased: true,
    expected: 'UK businesses are set to prosper during the next few months.',
  },
  {
    name: 'should keep a quotation with its speaker',
    value: '"We are very happy with the result and the way the team played," he said.',
    cased: true,
    expected: '"We are very happy with the result and the way the team played," he said.',
  },
  {
    name: 'should drop a short aside but keep numbers and acronyms',
    value: 'Evans (left) called the office at (734) 240-7700 about the (UN) Security Council resolution.',
    cased: true,
    expected: 'Evans called the office at (734) 240-7700 about the (UN) Security Council resolution.',
  },
  {
    name: 'should drop a Korean leading connective',
    value: '하지만 전문가들은 이 정도 기술은 뇌 일부 기능에 국한된다고 설명한다.',
    cased: false,
    expected: '전문가들은 이 정도 기술은 뇌 일부 기능에 국한된다고 설명한다.',
  },
];

for (const { name, value, cased, expected } of compressCases) {
  test(name, () => {
    assert.equal(compressSentence(value, cased), expected);
  });
}

const rejectCases: { value: string; expected: string | null }[] = [
  { value: 'By John Smith.', expected: 'too-short' },
  { value: 'By Jane Carter and Tom Hill, Science Correspondents.', expected: 'boilerplate' },
  { value: 'By contrast, the Mac mini is almost disposable for most of its buyers.', expected: null },
  { value: 'Photo: A nurse prepares a measles vaccine in Bucharest on Monday morning.', expected: 'boilerplate' },
  { value: 'scroll down for video of the rescue at the beach .', expected: 'boilerplate' },
  { value: 'Read more: How vaccines work and why children need two doses.', expected: 'boilerplate' },
  { value: 'What can parents do to protect their children this winter?', expected: 'question' },
  { value: 'A nurse prepares a measles vaccine in Bucharest', expected: 'no-terminal' },
  { value: '공대 기계항공공학부 최만수 교수 연구팀과 서울대 공동 연구진.', expected: 'fragment' },
  { value: '사진=서울대 제공 연구팀이 개발한 수소 저장 소재가 실험실에서 작동하고 있다.', expected: 'boilerplate' },
  { value: '서울대 연구팀이 상온에서 작동하는 새로운 수소 저장 소재를 개발했다고 15일 밝혔다.', expected: null },
  { value: `${'word '.repeat(50)}end.`, expected: 'too-long' },
];

for (const { value, expected } of rejectCases) {
  test(`should classify "${value.slice(0, 40)}" as ${expected ?? 'a bullet'}`, () => {
    assert.equal(rejectSentence(value), expected);
  });
}

describe('cutTrailingClause', () => {
  it('should cut a trailing participial clause off a long lead', () => {
    const value = cutTrailingClause('The Harbor City Council voted 7-2 on Monday night to freeze ferry fares at $3.25 a crossing until the end of 2028, rejecting a proposal from the port authority to raise them to $3.75 next spring.');
    assert.equal(value, 'The Harbor City Council voted 7-2 on Monday night to freeze ferry fares at $3.25 a crossing until the end of 2028.');
  });
  it('should leave a sentence whose main clause would be too short', () => {
    assert.equal(cutTrailingClause('He went home, thinking about what the mayor had said at the meeting.'), undefined);
  });
});

describe('balanceQuotes', () => {
  const table: [string, string][] = [
    ['Sands said: \u201cLiverpool is a fantastic club.', 'Sands said: \u201cLiverpool is a fantastic club.\u201d'],
    ['He said \u201cyes\u201d to the plan.', 'He said \u201cyes\u201d to the plan.'],
    ["peter sands said : `` liverpool is a fantastic club .", "peter sands said : `` liverpool is a fantastic club . ''"],
    ["'ashleyout.com will join the boycott .", 'ashleyout.com will join the boycott .'],
    ["'Tis the season, he said.", "'Tis the season, he said."],
    ['The mayor said "we will rebuild.', 'The mayor said "we will rebuild."'],
    ['부동산원은 "재건축 단지 위주로 거래가 이어졌다"고 설명했다.', '부동산원은 "재건축 단지 위주로 거래가 이어졌다"고 설명했다.'],
    ['관계자는 "거래가 이뤄지고 있다"며 "기대감도 여전하다"고 말했다.', '관계자는 "거래가 이뤄지고 있다"며 "기대감도 여전하다"고 말했다.'],
    ['He called it "a turning point" and "the end of an era.', 'He called it "a turning point" and "the end of an era."'],
  ];
  for (const [value, expected] of table) {
    it(`should make ${JSON.stringify(value)} whole`, () => assert.equal(balanceQuotes(value), expected));
  }
});
