import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, splitSentencesWithParagraphs } from './split-sentences.ts';

const cases: { name: string; value: string; expected: string[] }[] = [
  {
    name: 'should not split on titles, decimals or a.m./p.m. inside a sentence',
    value: 'Mr. Smith went to Washington. He met Dr. Jones at 3.5 p.m. on Monday. The U.S. President said no.',
    expected: ['Mr. Smith went to Washington.', 'He met Dr. Jones at 3.5 p.m. on Monday.', 'The U.S. President said no.'],
  },
  {
    name: 'should not split on company abbreviations, initials or "No. 1"',
    value: 'Acme Inc. said it would close. J. K. Rowling wrote it. He was ranked No. 1 in the world.',
    expected: ['Acme Inc. said it would close.', 'J. K. Rowling wrote it.', 'He was ranked No. 1 in the world.'],
  },
  {
    name: 'should split after an abbreviation that ends a sentence before "The"',
    value: 'They moved to the U.S. The family later returned.',
    expected: ['They moved to the U.S.', 'The family later returned.'],
  },
  {
    name: 'should keep URLs and e-mail addresses whole',
    value: 'Visit www.example.com for details. Write to john.doe@example.com today! Is it true? Yes.',
    expected: ['Visit www.example.com for details.', 'Write to john.doe@example.com today!', 'Is it true?', 'Yes.'],
  },
  {
    name: 'should keep a quotation that continues with "he said" in one sentence',
    value: '"We are happy. We will win," he said. She left.',
    expected: ['"We are happy. We will win," he said.', 'She left.'],
  },
  {
    name: 'should split after a period inside closing quotes',
    value: 'He said: "China have made progress." Ireland play next.',
    expected: ['He said: "China have made progress."', 'Ireland play next.'],
  },
  {
    name: 'should split Korean endings, with and without a space after the period',
    value: '국내 연구진이 이유를 처음으로 밝혔다. 그는 떠났다.그는 돌아왔다. 정말 그럴까? 그래요. 문을 닫았습니다.',
    expected: ['국내 연구진이 이유를 처음으로 밝혔다.', '그는 떠났다.', '그는 돌아왔다.', '정말 그럴까?', '그래요.', '문을 닫았습니다.'],
  },
  {
    name: 'should not split inside a Korean quotation closed by a quotative particle',
    value: '그는 "좋다. 하지만 어렵다"고 말했다. 최 교수는 “연구로 열렸다. 상용화할 것”이라고 밝혔다.',
    expected: ['그는 "좋다. 하지만 어렵다"고 말했다.', '최 교수는 “연구로 열렸다. 상용화할 것”이라고 밝혔다.'],
  },
  {
    name: 'should split PTB-tokenised lower-case text at free-standing periods',
    value: "police searched the area on sunday . ' all i can say is we 're looking , ' he said . u.s. troops left .",
    expected: ['police searched the area on sunday .', "' all i can say is we 're looking , ' he said .", 'u.s. troops left .'],
  },
  { name: 'should return nothing for empty text', value: '  \n\n ', expected: [] },
];

for (const { name, value, expected } of cases) {
  test(name, () => {
    assert.deepEqual(splitSentences(value), expected);
  });
}

test('should number paragraphs and sentences', () => {
  const value = 'First one. Second one.\n\nThird one.';
  assert.deepEqual(splitSentencesWithParagraphs(value), [
    { text: 'First one.', paragraph: 0, index: 0 },
    { text: 'Second one.', paragraph: 0, index: 1 },
    { text: 'Third one.', paragraph: 1, index: 2 },
  ]);
});
