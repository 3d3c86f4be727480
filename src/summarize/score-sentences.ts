// Scores candidate sentences with a small linear model over general signals: position (news puts
// the key facts first), centrality (how much of the rest of the article a sentence shares terms
// with), length, and a few surface cues (quotations, first person, a pronoun needing context).
// The weights live in learned-weights.ts, fitted across three corpora by
// bench/summarize/train-weights.mts so that no single outlet's lead bias dominates.
import type { Candidate, DocumentCandidates } from './build-candidates.ts';
import { FEATURE_NAMES, LEARNED_WEIGHTS } from './learned-weights.ts';

const QUOTE_OPEN = /^\s*(["\u201c\u2018`]|'\s)/;
const QUOTE_LONG = /["\u201c][^"\u201c\u201d]{40,}["\u201d]|``[^`']{40,}''/;
const FIRST_PERSON = /(^|\s)(i|we|my|our|me|us|i'm|we're|i've|we've)(\s|$|,)/i;
const PRONOUN_START = /^(he|she|it|they|this|these|those|that|his|her|their|its|there)\s/i;
const DIGIT = /\d/;

/** Centrality of one sentence: its distinct terms weighted by how often the rest of the text uses them. */
export function centrality(terms: readonly string[], termCounts: ReadonlyMap<string, number>, lengthNorm: number): number {
  if (terms.length === 0) return 0;
  const own = new Map<string, number>();
  for (const t of terms) own.set(t, (own.get(t) ?? 0) + 1);
  let sum = 0;
  for (const [t, c] of own) {
    const rest = (termCounts.get(t) ?? 0) - c;
    if (rest > 0) sum += Math.log1p(rest);
  }
  return sum / Math.pow(terms.length, lengthNorm);
}

function overlap(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length === 0 || b.size === 0) return 0;
  const mine = new Set(a);
  let hits = 0;
  for (const t of mine) if (b.has(t)) hits++;
  return hits / Math.sqrt(mine.size * b.size);
}

/** Feature vector of every candidate, in the order of FEATURE_NAMES. */
export function featurize(doc: DocumentCandidates): number[][] {
  const { candidates, termCounts } = doc;
  const n = candidates.length;
  const centSqrt = candidates.map((c) => centrality(c.terms, termCounts, 0.5));
  const centMean = candidates.map((c) => centrality(c.terms, termCounts, 1));
  const maxSqrt = Math.max(1e-9, ...centSqrt);
  const maxMean = Math.max(1e-9, ...centMean);
  const lead = new Set(candidates[0]?.terms ?? []);
  return candidates.map((c: Candidate, k) => {
    const len = c.length / 30;
    const quote = QUOTE_OPEN.test(c.text) || QUOTE_LONG.test(c.text) ? 1 : 0;
    return [
      1,
      1 / (1 + k),
      1 / (1 + k / 3),
      n > 1 ? k / (n - 1) : 0,
      centSqrt[k]! / maxSqrt,
      centMean[k]! / maxMean,
      k === 0 ? 1 : overlap(c.terms, lead),
      len,
      len * len,
      quote,
      FIRST_PERSON.test(c.text) ? 1 : 0,
      PRONOUN_START.test(c.text) ? 1 : 0,
      DIGIT.test(c.text) ? 1 : 0,
      c.paragraphStart ? 1 : 0,
      len > 1 ? len - 1 : 0,
    ];
  });
}

/** Number of features per candidate. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Scores every candidate of a document; higher is better. */
export function scoreCandidates(doc: DocumentCandidates, weights: readonly number[] = LEARNED_WEIGHTS): number[] {
  return featurize(doc).map((f) => f.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0));
}
