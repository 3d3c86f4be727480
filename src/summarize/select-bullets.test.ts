import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Candidate } from './build-candidates.ts';
import { selectBullets } from './select-bullets.ts';
import { summarize } from './summarize.ts';

function candidate(index: number, text: string): Candidate {
  return { index, paragraph: 0, paragraphStart: index === 0, text, terms: [], length: 10, korean: false };
}

const CANDIDATES = [
  candidate(0, 'The city council approved a new budget for schools on Monday.'),
  candidate(1, 'He said the vote was the hardest of his career.'),
  candidate(2, 'Spending on libraries will fall by two percent next year.'),
  candidate(3, 'Teachers welcomed the extra money for classrooms and books.'),
  candidate(4, 'The city council approved a new budget for roads as well.'),
];

const cases: { name: string; scores: number[]; max: number; expected: number[] }[] = [
  { name: 'should pick the best scores in document order', scores: [3, 0, 5, 4, 0], max: 3, expected: [0, 2, 3] },
  { name: 'should skip a pronoun opener whose previous sentence is not picked', scores: [1, 9, 5, 4, 0], max: 2, expected: [2, 3] },
  { name: 'should take a pronoun opener once the previous sentence is picked', scores: [8, 9, 5, 1, 0], max: 2, expected: [0, 1] },
  { name: 'should block a sentence repeating a phrase already picked', scores: [9, 0, 1, 2, 8], max: 2, expected: [0, 3] },
  { name: 'should give fewer bullets than asked when nothing else qualifies', scores: [0, 9, 0, 0, 0], max: 1, expected: [0] },
];

for (const { name, scores, max, expected } of cases) {
  test(name, () => {
    const value = selectBullets(CANDIDATES, scores, max).map((c) => c.index);
    assert.deepEqual(value, expected);
  });
}

test('should never open a summary with a dangling "He said"', async () => {
  const value =
    'The mayor of Springfield resigned on Friday after an inquiry into city contracts. ' +
    'Reporters gathered outside the town hall for most of the afternoon. ' +
    'He said he had done nothing wrong and would clear his name in court. ' +
    'An interim mayor will be chosen by the council within two weeks. ' +
    'The inquiry found that three contracts had been awarded without a tender.';
  const bullets = await summarize(value);
  for (const [k, b] of bullets.entries()) {
    if (!/^He /.test(b)) continue;
    assert.equal(bullets[k - 1], 'Reporters gathered outside the town hall for most of the afternoon.', b);
  }
});

test('should not leave a Korean sentence that gives the cause of the one before, or points back to it, without it', () => {
  const ko = [
    candidate(0, '서울 아파트값이 3주 연속 오름폭을 키웠다는 발표가 15일 나왔다.'),
    candidate(1, '정부의 대출 규제에도 강남권을 중심으로 매수세가 이어진 영향이다.'),
    candidate(2, '이에 따라 정부는 추가 대책을 검토하기로 했다고 관계자가 말했다.'),
    candidate(3, '전문가들은 금리 인하 기대감이 여전하다고 분석했다고 전했다.'),
  ];
  // The cause ("… 영향이다.") and the "이에 따라" sentence wait for the sentence before them.
  assert.deepEqual(selectBullets(ko, [1, 9, 8, 5], 2).map((c) => c.index), [0, 3]);
  assert.deepEqual(selectBullets(ko, [7, 9, 8, 5], 3).map((c) => c.index), [0, 1, 2]);
});
