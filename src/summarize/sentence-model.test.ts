import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCandidates } from './build-candidates.ts';
import { LEARNED_MODEL } from './learned-model.ts';
import { FEATURE_NAMES, featurize } from './sentence-features.ts';
import { evaluateTree, scoreFeatures, type SentenceModel } from './sentence-model.ts';

test('should match the features the model was trained on', () => {
  assert.deepEqual(LEARNED_MODEL.featureNames, [...FEATURE_NAMES]);
  assert.equal(LEARNED_MODEL.linear.length, FEATURE_NAMES.length);
  for (const tree of LEARNED_MODEL.trees) {
    assert.equal(tree.length % 4, 0);
    for (let at = 0; at < tree.length; at += 4) assert.ok(tree[at]! < FEATURE_NAMES.length);
  }
});

test('should give one finite feature vector per candidate', () => {
  const doc = buildCandidates(
    'The council approved the budget on Monday evening after a long debate.\n\n' +
      '"It is a good day for the schools of this city," the mayor told reporters outside.\n\n' +
      'Spending on schools will rise by four percent next year, the budget says.',
  );
  const value = featurize(doc);
  assert.equal(value.length, doc.candidates.length);
  for (const x of value) {
    assert.equal(x.length, FEATURE_NAMES.length);
    for (const v of x) assert.ok(Number.isFinite(v), String(x));
  }
});

test('should walk a tree to the leaf the feature values select', () => {
  // Split on feature 1 at 0.5: left leaf 2, right: split on feature 2 at 3: leaves -1 and 7.
  const tree = [1, 0.5, 1, 2, -1, 2, 0, 0, 2, 3, 3, 4, -1, -1, 0, 0, -1, 7, 0, 0];
  const cases: { value: number[]; expected: number }[] = [
    { value: [1, 0.2, 9], expected: 2 },
    { value: [1, 0.5, 9], expected: 2 },
    { value: [1, 0.9, 3], expected: -1 },
    { value: [1, 0.9, 4], expected: 7 },
  ];
  for (const { value, expected } of cases) assert.equal(evaluateTree(tree, value), expected);
  const model: SentenceModel = { featureNames: ['bias', 'a', 'b'], linear: [0.5, 1, 0], trees: [tree] };
  assert.equal(scoreFeatures([1, 0.9, 4], model), 0.5 + 0.9 + 7);
});
