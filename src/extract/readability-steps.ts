// The Readability steps the extract stage replaces on its own reader (Readability 0.6), each doing
// the work Readability's would, minus what the stage does elsewhere or cheaper.
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

/** Puts the replaced steps on `reader`. */
export function adaptReader(reader: Readability<unknown>): void {
  const r = reader as unknown as ReadabilityInternals;
  r._fixRelativeUris = dropScriptLinks;
  r._isValidByline = isValidByline;
}
