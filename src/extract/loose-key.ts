// The loose forms the extract stage compares lines by (a deck repeated in the body, a caption in an
// alt text, a heading against the title): lower case, letters and digits only; or the text with its
// runs of whitespace collapsed.

/** `s` in lower case with everything but letters and digits removed. */
export function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * What `replace(SPACE_RUNS, ' ')` makes one space: a run of two or more whitespace characters, or
 * one that is not a plain space. Replacing /\s+/g gives the same string but rebuilds it at every
 * single space between two words; this leaves a line already spaced alone (2.5× faster on page text).
 */
export const SPACE_RUNS = /\s\s+|[^\S ]/g;

/** `s` with each run of whitespace made one space, trimmed (null and undefined give ""). */
export function collapseSpaces(s: string | null | undefined): string {
  return (s ?? '').replace(SPACE_RUNS, ' ').trim();
}

/** Korean, Chinese and Japanese script, whose characters each say what two or three Latin letters do. */
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** True for text in Korean, Chinese or Japanese script, which says in one character what two or three Latin letters do. */
export function isDenseScript(text: string): boolean {
  return CJK.test(text);
}

/**
 * Letters and digits a heading or a title needs before it is compared with another as a headline
 * ("방파제 예산 통과" is one at seven): eight in alphabets, four in Korean, Chinese or Japanese.
 */
export function minHeadlineChars(text: string): number {
  return isDenseScript(text) ? 4 : 8;
}
