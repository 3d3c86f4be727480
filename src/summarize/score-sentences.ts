// Scores candidate sentences with the learned model: a logistic regression plus small boosted
// trees over position, centrality, length, surface cues and document-level structure (see
// sentence-features.ts). The numbers live in learned-model.ts, fitted across three corpora by
// bench/summarize/train-model.mts so that no single outlet's lead bias dominates.
import type { DocumentCandidates } from './build-candidates.ts';
import { LEARNED_MODEL } from './learned-model.ts';
import { featurize } from './sentence-features.ts';
import { scoreFeatures, type SentenceModel } from './sentence-model.ts';

export { centrality } from './sentence-features.ts';

/** Scores every candidate of a document; higher is better. */
export function scoreCandidates(doc: DocumentCandidates, model: SentenceModel = LEARNED_MODEL): number[] {
  return featurize(doc).map((x) => scoreFeatures(x, model));
}
