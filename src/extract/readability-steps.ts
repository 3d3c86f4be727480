// How the extract stage sets up its Readability reader (Readability 0.6): the steps it replaces,
// each doing the work Readability's would minus what the stage does elsewhere or cheaper, and the
// body length it asks of a page.
import type { Readability } from '@mozilla/readability';

/** The steps replaced, as Readability 0.6 names them (a test checks they still exist). */
export const REPLACED_STEPS = ['_fixRelativeUris', '_isValidByline'] as const;

interface ReadabilityInternals {
  _fixRelativeUris(content: Element): void;
  _isValidByline(node: Element, matchString: string): boolean;
  readonly REGEXPS: { readonly byline: RegExp };
}

/**
 * Readability's URL pass without the URLs: rewriteBody and normalizeImages resolve every link and
 * photo against the page's real base (Readability's pass would resolve each a second time), so
 * only its other work is kept: a `javascript:` link becomes its text.
 */
function dropScriptLinks(content: Element): void {
  for (const a of Array.from(content.getElementsByTagName('a'))) {
    if (!a.getAttribute('href')?.startsWith('javascript:')) continue;
    const only = a.childNodes.length === 1 && a.firstChild!.nodeType === 3;
    const into = only ? a.ownerDocument.createTextNode(a.textContent ?? '') : a.ownerDocument.createElement('span');
    if (!only) while (a.firstChild) into.appendChild(a.firstChild);
    a.parentNode!.replaceChild(into, a);
  }
}

/**
 * Readability's byline test with the same answer, the text read last: Readability builds the text
 * of every element it walks before looking at its rel, itemprop and class, a walk of each
 * element's whole subtree (most of them are no byline).
 */
function isValidByline(this: ReadabilityInternals, node: Element, matchString: string): boolean {
  const itemprop = node.getAttribute('itemprop');
  if (!(node.getAttribute('rel') === 'author' || (itemprop && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString))) return false;
  const length = (node.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

/** Readability's default: a body of fewer characters makes it try again with looser rules, and keep the longest reading. */
const CHAR_THRESHOLD = 500;
/**
 * The same for the scripts that write a word in two or three characters (Hangul, Han, kana): a
 * short Korean story of 400 characters says what 1,000 English ones do, and with the default
 * Readability read it as too short, loosened its rules and took the page's header with it.
 */
const DENSE_CHAR_THRESHOLD = 200;
const DENSE_LANG = /^(?:ko|ja|zh|yue)(?:[-_]|$)/i;
const DENSE_CHAR = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Readability's `charThreshold` for a page in language `lang` (declared, if any) with headline `title`: lower when either is in a dense script. */
export function charThreshold(lang: string | undefined, title: string): number {
  if (lang !== undefined && DENSE_LANG.test(lang.trim())) return DENSE_CHAR_THRESHOLD;
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  const dense = title.match(DENSE_CHAR)?.length ?? 0;
  return letters > 0 && dense * 2 >= letters ? DENSE_CHAR_THRESHOLD : CHAR_THRESHOLD;
}

/** Puts the replaced steps on `reader`. */
export function adaptReader(reader: Readability<unknown>): void {
  const r = reader as unknown as ReadabilityInternals;
  r._fixRelativeUris = dropScriptLinks;
  r._isValidByline = isValidByline;
}
