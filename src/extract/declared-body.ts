// The story's text as the page declares it in JSON-LD (`articleBody`), for pages whose HTML does
// not carry it: a page drawn by script in the browser, or one whose story sits in a component
// Readability cannot see. Only used when it holds much more than the body read from the HTML.
import { countNonSpace } from './dom-walk.ts';
import { decodeEntities } from './json-ld.ts';

/** Declared text at least this many times the characters of the body read from the HTML replaces it. */
export const DECLARED_BODY_FACTOR = 2;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A declared body as HTML paragraphs, with the characters of its text; undefined when it says nothing. */
export function declaredBodyHtml(articleBody: string): { html: string; chars: number } | undefined {
  // Some sites declare the body's HTML (entity-escaped too); it is sanitized with the rest.
  // Others write plain text, paragraphs apart by line breaks.
  const decoded = decodeEntities(articleBody);
  const marked = /<\/?(?:p|br|div|h[1-6]|ul|ol|li|blockquote)\b/i.test(decoded);
  const html = marked
    ? decoded
    : decoded
        .split(/\s*\n\s*/)
        .filter((p) => p.trim())
        .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
        .join('');
  const chars = countNonSpace(marked ? decoded.replace(/<[^>]*>/g, ' ') : decoded);
  return chars > 0 ? { html, chars } : undefined;
}
