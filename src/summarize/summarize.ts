// Offline extractive summarizer: split into sentences, drop what cannot be a bullet, compress
// lightly, score with a small learned model (position, centrality, length, surface cues and the
// document's structure), pick greedily with trigram blocking and no dangling pronoun openers,
// and return the picks in document order. Pure and deterministic; no network.
import { balanceQuotes } from './compress-sentence.ts';
import { buildCandidates, type DocumentCandidates } from './build-candidates.ts';
import { DEFAULT_LIMITS, type LengthLimits } from './filter-sentences.ts';
import { LEARNED_MODEL } from './learned-model.ts';
import { scoreCandidates } from './score-sentences.ts';
import { selectBullets } from './select-bullets.ts';
import type { SentenceModel } from './sentence-model.ts';

/** Options of the offline summarizer. */
export interface SummarizeOptions {
  /** BCP 47 language of the text; informational — sentences are handled by their script. */
  lang?: string;
  /** Maximum number of bullets (default 3). */
  bullets?: number;
}

/** Summarizes an article's plain text into up to `bullets` extractive one-sentence bullets. */
export async function summarize(text: string, opts: SummarizeOptions = {}): Promise<string[]> {
  return summarizeSync(text, opts);
}

/** Synchronous form of `summarize`; `model` is for the training bench only. */
export function summarizeSync(text: string, opts: SummarizeOptions = {}, model: SentenceModel = LEARNED_MODEL): string[] {
  const max = Math.max(0, Math.floor(opts.bullets ?? 3));
  if (max === 0 || typeof text !== 'string' || text.trim().length === 0) return [];
  const bullets = pick(buildCandidates(text), max, model);
  // A short Korean, Chinese or Japanese story may not hold enough sentences as long as a bullet
  // usually is (its lead, "서울 아파트 전셋값이 20주 연속 올랐다.", is shorter): then shorter
  // sentences may be bullets too.
  if (bullets.length < max && /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]/.test(text)) {
    const more = pick(buildCandidates(text, SHORT_STORY_LIMITS), max, model);
    if (more.length > bullets.length) return more;
  }
  return bullets;
}

/** Length bounds for a short story in Korean, Chinese or Japanese: shorter sentences may be bullets. */
const SHORT_STORY_LIMITS: LengthLimits = { ...DEFAULT_LIMITS, minKoreanChars: 10 };

/** The bullets picked from a document's candidates. */
function pick(doc: DocumentCandidates, max: number, model: SentenceModel): string[] {
  if (doc.candidates.length === 0) return [];
  const scores = scoreCandidates(doc, model);
  // The lede: in an article laid out in paragraphs (what the extractor gives), the first sentence
  // is a bullet whenever it can be one — news puts the main fact there, and a scorer that likes
  // quotes and colour must not leave it out. Unparagraphed text (a tokenized corpus, a feed
  // blurb) carries no layout to trust, and the scorer alone decides.
  const first = doc.candidates[0];
  const paragraphed = doc.candidates.some((c) => c.paragraph > 0);
  if (paragraphed && first && first.index === 0) scores[0] = Math.max(...scores) + 1;
  return selectBullets(doc.candidates, scores, max).map((c) => balanceQuotes(c.text));
}
