// Per-sentence features for the learned scorer: where the sentence sits, how central it is to the
// whole document (raw term counts, no IDF), its length and surface cues — plus document-level
// features (how long the article is, how long its sentences and paragraphs are, how central its
// lead is) so the model can condition position and centrality on the document's structure
// instead of learning one outlet's lead bias. Nothing here names or detects a corpus.
import type { Candidate, DocumentCandidates } from './build-candidates.ts';

/** Names of the features, in the order `featurize` returns them. */
export const FEATURE_NAMES = [
  'bias',
  'pos1',
  'pos3',
  'rank',
  'relpos',
  'sentIndex',
  'isFirst',
  'centSqrt',
  'centMean',
  'centRank',
  'centZ',
  'leadOverlap',
  'topTerms',
  'prevOverlap',
  'len',
  'len2',
  'overLength',
  'lenVsMean',
  'quote',
  'quoteShare',
  'firstPerson',
  'pronounStart',
  'saidAttribution',
  'digits',
  'paragraphStart',
  'paragraphIndex',
  'docCandidates',
  'docSentences',
  'docMeanLength',
  'docLeadCentRank',
  'docLeadCent',
  'docCentSpread',
  'docQuoteShare',
] as const;

const QUOTE_OPEN = /^\s*(["\u201c\u2018`]|'\s)/;
const QUOTE_LONG = /["\u201c][^"\u201c\u201d]{40,}["\u201d]|``[^`']{40,}''/;
const QUOTE_CHARS = /["\u201c\u201d`]|''/g;
const FIRST_PERSON = /(^|\s)(i|we|my|our|me|us|i'm|we're|i've|we've)(\s|$|,)/i;
/** An opener that refers back to something the previous sentence said. */
export const PRONOUN_START =
  /^\s*["\u201c`']*\s*(?:he|she|it|they|his|her|their|its|them|(?:this|these|those|that)\b(?!\s+(?:year|week|month|morning|afternoon|evening|summer|winter|spring|autumn|season|time)\b))\b|^\s*(그는|그녀는|그가|그녀가|이는|이들은|이에|이를|이와|그러면서|이어)\s/i;
const SAID = /\b(said|says|told|added|according)\b|(말했|밝혔|전했|설명했)/;
const DIGITS = /\d+/g;

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
  if (n === 0) return [];
  const centSqrt = candidates.map((c) => centrality(c.terms, termCounts, 0.5));
  const centMean = candidates.map((c) => centrality(c.terms, termCounts, 1));
  const maxSqrt = Math.max(1e-9, ...centSqrt);
  const maxMean = Math.max(1e-9, ...centMean);
  const mean = centSqrt.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(centSqrt.reduce((a, b) => a + (b - mean) * (b - mean), 0) / n) || 1;
  // Rank of each candidate by centrality (0 = most central), ties broken by position.
  const byCent = candidates.map((_, k) => k).sort((a, b) => centSqrt[b]! - centSqrt[a]! || a - b);
  const centRank = new Array<number>(n);
  byCent.forEach((k, r) => (centRank[k] = r));
  const quoted = candidates.map((c): number => (QUOTE_OPEN.test(c.text) || QUOTE_LONG.test(c.text) ? 1 : 0));
  const quoteShare = candidates.map((c) => Math.min(1, (c.text.match(QUOTE_CHARS)?.length ?? 0) / 2));
  const meanLength = candidates.reduce((a, c) => a + c.length, 0) / n / 30;
  const lead = new Set(candidates[0]!.terms);
  // The ten most frequent content terms of the document: what the article is about.
  const top = new Set([...termCounts].filter(([, c]) => c > 1).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([t]) => t));
  const docFeatures = [
    Math.log1p(n),
    Math.log1p(doc.sentenceCount),
    meanLength,
    centRank[0]! / n,
    centSqrt[0]! / maxSqrt,
    sd / (mean || 1),
    quoted.reduce((a, b) => a + b, 0) / n,
  ];
  return candidates.map((c: Candidate, k) => {
    const len = c.length / 30;
    const prev = k > 0 ? candidates[k - 1]! : undefined;
    return [
      1,
      1 / (1 + k),
      1 / (1 + k / 3),
      Math.min(k, 30) / 30,
      n > 1 ? k / (n - 1) : 0,
      Math.min(c.index, 60) / 60,
      k === 0 ? 1 : 0,
      centSqrt[k]! / maxSqrt,
      centMean[k]! / maxMean,
      centRank[k]! / n,
      (centSqrt[k]! - mean) / sd,
      k === 0 ? 1 : overlap(c.terms, lead),
      top.size === 0 ? 0 : new Set(c.terms.filter((t) => top.has(t))).size / top.size,
      prev && prev.index === c.index - 1 ? overlap(c.terms, new Set(prev.terms)) : 0,
      len,
      len * len,
      len > 1 ? len - 1 : 0,
      len / (meanLength || 1),
      quoted[k]!,
      quoteShare[k]!,
      FIRST_PERSON.test(c.text) ? 1 : 0,
      PRONOUN_START.test(c.text) ? 1 : 0,
      SAID.test(c.text) ? 1 : 0,
      Math.min(3, c.text.match(DIGITS)?.length ?? 0) / 3,
      c.paragraphStart ? 1 : 0,
      Math.min(c.paragraph, 20) / 20,
      ...docFeatures,
    ];
  });
}
