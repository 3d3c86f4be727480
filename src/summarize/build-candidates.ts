// Turns an article's text into the sentences that may become bullets, each already compressed,
// with the content terms of the whole document for centrality. Shared by the summarizer and by
// the weight-training bench, so both see exactly the same candidates.
import { compressSentence, cutTrailingClause } from './compress-sentence.ts';
import { countKorean, countWords, DEFAULT_LIMITS, rejectSentence, sentenceScript, type LengthLimits } from './filter-sentences.ts';
import { splitSentencesWithParagraphs } from './split-sentences.ts';
import { tokenizeTerms } from './tokenize-terms.ts';

/** A sentence that may become a bullet. */
export interface Candidate {
  /** Index of the sentence in the article (0-based, all sentences counted). */
  readonly index: number;
  /** Paragraph index of the sentence. */
  readonly paragraph: number;
  /** True when the sentence opens its paragraph. */
  readonly paragraphStart: boolean;
  /** The (compressed) bullet text. */
  readonly text: string;
  /** Content terms of the original sentence. */
  readonly terms: readonly string[];
  /** Length in words; Hangul syllables / 4 for Korean, so both share one scale. */
  readonly length: number;
  /** True when the bullet is Korean. */
  readonly korean: boolean;
}

/** The candidates of one document and its term counts. */
export interface DocumentCandidates {
  readonly candidates: readonly Candidate[];
  /** Count of every content term over all sentences (rejected ones too). */
  readonly termCounts: ReadonlyMap<string, number>;
  /** Number of sentences in the article. */
  readonly sentenceCount: number;
}

function looksCased(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper > 0 && upper / (lower + 1) > 0.01;
}

function surfaceKey(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Splits, compresses and filters the sentences of a text into bullet candidates. */
export function buildCandidates(text: string, limits: LengthLimits = DEFAULT_LIMITS): DocumentCandidates {
  const cased = looksCased(text);
  const sentences = splitSentencesWithParagraphs(text);
  const termCounts = new Map<string, number>();
  const allTerms = sentences.map((s) => {
    const terms = tokenizeTerms(s.text);
    for (const t of terms) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
    return terms;
  });
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    let bullet = compressSentence(s.text, cased);
    if (rejectSentence(bullet, limits) === 'too-long') bullet = cutTrailingClause(bullet) ?? bullet;
    if (rejectSentence(bullet, limits) !== null) continue;
    const key = surfaceKey(bullet);
    if (seen.has(key)) continue; // the same sentence twice (pull quotes, repeated captions)
    seen.add(key);
    const script = sentenceScript(bullet);
    const korean = script === 'korean';
    const prev = sentences[s.index - 1];
    candidates.push({
      index: s.index,
      paragraph: s.paragraph,
      paragraphStart: prev === undefined || prev.paragraph !== s.paragraph,
      text: bullet,
      terms: allTerms[s.index] ?? [],
      // In words: about four Hangul syllables or two Chinese characters and kana make one.
      length: korean ? countKorean(bullet) / 4 : script === 'cjk' ? bullet.replace(/\s+/g, '').length / 2 : countWords(bullet),
      korean,
    });
  }
  return { candidates, termCounts, sentenceCount: sentences.length };
}
