// The learned sentence scorer: a logistic-regression margin plus a few small boosted regression
// trees on top of it, over the features of sentence-features.ts. The numbers live in
// learned-model.ts, written by bench/summarize/train-model.mts.

/**
 * A fitted scorer. `linear` holds one weight per feature (raw, unstandardised feature values).
 * Each tree is a flat list of nodes, four numbers each: `[feature, threshold, left, right]` for
 * a split (go left when value <= threshold; children are node numbers), `[-1, value, 0, 0]` for a leaf.
 */
export interface SentenceModel {
  readonly featureNames: readonly string[];
  readonly linear: readonly number[];
  readonly trees: readonly (readonly number[])[];
}

/** Output of one tree for one feature vector. */
export function evaluateTree(tree: readonly number[], x: readonly number[]): number {
  let node = 0;
  for (;;) {
    const at = node * 4;
    const f = tree[at]!;
    if (f < 0) return tree[at + 1]!;
    node = (x[f] ?? 0) <= tree[at + 1]! ? tree[at + 2]! : tree[at + 3]!;
  }
}

/** Score (log-odds of being an oracle pick) of one feature vector; higher is better. */
export function scoreFeatures(x: readonly number[], model: SentenceModel): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * (model.linear[i] ?? 0);
  for (const tree of model.trees) s += evaluateTree(tree, x);
  return s;
}
