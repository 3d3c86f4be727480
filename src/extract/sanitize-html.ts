// The last step of extraction: an allowlist of article markup. Everything else (scripts, styles,
// classes, ids, event handlers, embeds, forms) is dropped, and links get rel=noopener.
import sanitize from 'sanitize-html';
import type { DomDocument } from './dom/dom-document.ts';
import type { DomNode } from './dom/dom-node.ts';
import { parseHtmlFragment } from './dom/parse-html.ts';
import { VOID_ELEMENTS } from './dom/serialize.ts';

const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'figure', 'figcaption', 'img', 'a',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'br', 'hr', 'small', 'mark', 'q', 'cite', 'time', 'abbr',
];

/** Tags whose text is never article text: dropped with their content. */
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed',
  'template', 'button', 'select', 'canvas', 'video', 'audio', 'head', 'title',
];

/**
 * A URL as browsers read an attribute value: leading and trailing C0 controls and spaces dropped.
 * Not String#trim, which also drops U+00A0 and other spaces that a browser keeps, making
 * "\u00a0https:…" a relative link.
 */
const urlOf = (value: string) => value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    time: ['datetime'],
    abbr: ['title'],
    ol: ['start'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: DROP_WITH_CONTENT,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs): sanitize.Tag => {
      const href = attribs.href ?? '';
      // Relative links cannot be resolved here; the caller made URLs absolute before this step.
      if (!/^(?:https?:|mailto:)/i.test(urlOf(href))) return { tagName: 'a', attribs: {} as sanitize.Attributes };
      return { tagName, attribs: { href, rel: 'noopener noreferrer nofollow' } };
    },
    img: (tagName, attribs): sanitize.Tag => {
      const src = attribs.src ?? '';
      const out: Record<string, string> = {};
      if (/^https?:\/\//i.test(urlOf(src))) out.src = src;
      for (const k of ['alt', 'width', 'height'] as const) {
        const v = attribs[k];
        if (v !== undefined && (k === 'alt' || /^\d{1,5}$/.test(v))) out[k] = v;
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Sanitizes article HTML down to an allowlist of article markup (no scripts, styles, classes, handlers; http(s) URLs only). */
export function sanitizeHtml(html: string): string {
  // A second pass makes the output a fixed point. The first keeps the children of the tags it
  // drops, so it can write nestings the parser never builds from text (`<p><x><p>` gives
  // `<p><p></p></p>`, which reads back as three paragraphs, as in browsers); read again, the
  // output is what any reader of it sees, and sanitizing it once more changes nothing.
  return sanitize(sanitize(html, OPTIONS), OPTIONS).trim();
}

/** Start and end tags in sanitize-html's output (attribute values there have `<`, `>` and `"` escaped). */
const TAG = /<(\/?)([a-z][a-z0-9]*)[^>]*>/g;

/** True when the tree `root` holds, in order, exactly the start and end tags written in `html`: the parser closed or moved nothing. */
function sameTags(root: DomNode, html: string): boolean {
  const tree: string[] = [];
  const walk = (node: DomNode) => {
    for (let n = node.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const name = n.nodeName.toLowerCase();
      tree.push(name);
      if (VOID_ELEMENTS.has(name)) continue;
      walk(n);
      tree.push(`/${name}`);
    }
  };
  walk(root);
  let i = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) if (tree[i++] !== `${m[1]}${m[2]}`) return false;
  return i === tree.length;
}

/**
 * sanitizeHtml, and the result parsed by the extract stage's parser. The second pass of
 * sanitizeHtml only changes a first output that the parser reads into another tree than its tags
 * say (a paragraph left inside a paragraph by a dropped wrapper): when the parse of the first
 * output holds exactly its tags, that output is the answer (most pages), and its parse is kept.
 */
export function sanitizeAndParse(html: string): { html: string; document: DomDocument } {
  const once = sanitize(html, OPTIONS).trim();
  const document = parseHtmlFragment(once);
  if (sameTags(document.body as unknown as DomNode, once)) return { html: once, document };
  const twice = sanitize(once, OPTIONS).trim();
  return { html: twice, document: parseHtmlFragment(twice) };
}

