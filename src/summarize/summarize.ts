// Offline extractive summarizer: split into sentences, drop what cannot be a bullet, compress
// lightly, score by position, centrality and a few surface cues, pick greedily with trigram
// blocking, and return the picks in document order. Pure and deterministic; about a
// millisecond or two per article, no network.
import { buildCandidates, type Candidate } from './build-candidates.ts';
import { LEARNED_WEIGHTS } from './learned-weights.ts';
import { scoreCandidates } from './score-sentences.ts';

/** Options of the offline summarizer. */
export interface SummarizeOptions {
  /** BCP 47 language of the text; informational — sentences are handled by their script. */
  lang?: string;
  /** Maximum number of bullets (default 3). */
  bullets?: number;
}

function trigrams(text: string): Set<string> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/** Summarizes an article's plain text into up to `bullets` extractive one-sentence bullets. */
export async function summarize(text: string, opts: SummarizeOptions = {}): Promise<string[]> {
  return summarizeSync(text, opts);
}

/** Synchronous form of `summarize`; `weights` is for the training bench only. */
export function summarizeSync(text: string, opts: SummarizeOptions = {}, weights: readonly number[] = LEARNED_WEIGHTS): string[] {
  const max = Math.max(0, Math.floor(opts.bullets ?? 3));
  if (max === 0 || typeof text !== 'string' || text.trim().length === 0) return [];
  const doc = buildCandidates(text);
  const { candidates } = doc;
  if (candidates.length === 0) return [];
  const scores = scoreCandidates(doc, weights);
  const order = candidates.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const picked: Candidate[] = [];
  const pickedTrigrams = new Set<string>();
  for (const k of order) {
    if (picked.length >= max) break;
    const c = candidates[k]!;
    // Trigram blocking: skip a sentence that repeats a phrase already picked.
    const tri = trigrams(c.text);
    let redundant = false;
    for (const t of tri) if (pickedTrigrams.has(t)) redundant = true;
    if (redundant) continue;
    picked.push(c);
    for (const t of tri) pickedTrigrams.add(t);
  }
  return picked.sort((a, b) => a.index - b.index).map((c) => c.text);
}
