// HTML handling for feed fields: a strict article sanitizer (feed HTML is hostile input) and an
// HTML-to-plain-text reduction for titles and descriptions. Kept local to the fetch stage: stages
// do not import each other (STYLE §3), so this does not share the extract stage's sanitizer.
import sanitize from 'sanitize-html';
import { resolveUrl } from './feed-values.ts';

const ARTICLE_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark',
  'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var',
  'audio', 'video', 'wbr',
];

const ARTICLE_ATTRIBUTES: sanitize.IOptions['allowedAttributes'] = {
  a: ['href', 'title', 'hreflang', 'lang'],
  img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'lang'],
  source: ['src', 'srcset', 'type', 'media'],
  audio: ['src', 'controls'],
  video: ['src', 'poster', 'controls', 'width', 'height'],
  abbr: ['title'],
  acronym: ['title'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'headers', 'align'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'align'],
  col: ['span'],
  colgroup: ['span'],
  '*': ['dir', 'lang'],
};

// Tags whose content is never text: dropped whole rather than unwrapped.
// object/applet/embed are not listed: their children are fallback content, shown when the plugin is not.
const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head', 'noembed', 'noframes', 'xmp', 'plaintext', 'iframe'];

/**
 * A URL attribute's value made absolute against `base`; undefined when it cannot be (blank, or
 * malformed as "\\\\" or "/\\" are: a host-less scheme-relative URL). Without a base, the value as
 * written (a relative URL stays relative), or undefined when blank.
 */
function urlValue(value: string | undefined, base: string | undefined): string | undefined {
  if (base === undefined) return resolveUrl(value);
  const v = value?.trim();
  if (!v) return undefined;
  try {
    return new URL(v, base).href;
  } catch {
    return undefined;
  }
}

function resolveSrcset(srcset: string, base: string | undefined): string {
  return srcset
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && !isNonImageData(c))
    .flatMap((c) => {
      const [u, ...rest] = c.split(/\s+/);
      const url = urlValue(u, base);
      return url === undefined ? [] : [[url, ...rest].join(' ')];
    })
    .join(', ');
}

/**
 * True for a data: URL that is not an image (data:text/html…). Images may be inline data, but a
 * document is never an image's source; browsers skip whitespace and controls in the scheme.
 */
function isNonImageData(url: string): boolean {
  const u = url.replace(/[\u0000-\u0020]+/g, '');
  return /^data:/i.test(u) && !/^data:image\//i.test(u);
}

function urlTransform(base: string | undefined): sanitize.Transformer {
  return (tagName, attribs) => {
    const out: Record<string, string> = { ...attribs };
    for (const key of ['href', 'src', 'cite', 'poster']) {
      const v = out[key];
      if (v === undefined) continue;
      // With a base, a URL that does not resolve (blank, malformed) is dropped, never kept as written.
      const resolved = urlValue(v, base);
      if (resolved !== undefined) out[key] = resolved;
      else delete out[key];
    }
    if (out.src !== undefined && isNonImageData(out.src)) delete out.src;
    if (out.srcset !== undefined) out.srcset = resolveSrcset(out.srcset, base);
    return { tagName, attribs: out };
  };
}

/**
 * Escapes a declaration left unterminated at the end of a field (`<!DOCTYPE`, `<![CDATA[x`, `<?x`):
 * with no `>` after it, it cannot be markup, and an HTML parser would silently drop it as a
 * bogus comment. Unterminated tags (a truncated `<a href=...`) and comments stay hidden.
 */
export function escapeUnclosedTail(html: string): string {
  const lt = html.lastIndexOf('<');
  if (lt < 0 || html.indexOf('>', lt) >= 0) return html;
  const m = /<(?=[!?])(?!!--)[^>]*$/.exec(html.slice(html.lastIndexOf('>') + 1));
  if (!m) return html;
  const at = html.length - m[0].length;
  return `${html.slice(0, at)}&lt;${html.slice(at + 1)}`;
}

/** Sanitizes feed HTML with a strict article allowlist, resolving URLs against `base`. */
export function sanitizeFeedHtml(html: string, base?: string): string {
  const t = urlTransform(base);
  const options: sanitize.IOptions = {
    allowedTags: ARTICLE_TAGS,
    allowedAttributes: ARTICLE_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
    allowProtocolRelative: true,
    nonTextTags: NON_TEXT_TAGS,
    transformTags: { a: t, img: t, source: t, audio: t, video: t, blockquote: t, q: t, del: t, ins: t },
  };
  // Twice, so the output is a fixed point: the first pass keeps the children of the tags it
  // drops and can so write nestings the parser never builds from text (`<p><button><p>` gives
  // `<p><p></p></p>`, which reads back as three paragraphs, as in browsers).
  return sanitize(sanitize(escapeUnclosedTail(html), options), options).trim();
}

// ASCII whitespace only: U+00A0 and the typographic spaces are content, not layout.
const ASCII_WS = /[ \t\n\r\f]+/g;

// C1 controls in feed text are almost always windows-1252 bytes or `&#146;`-style references
// mis-decoded as Latin-1; HTML maps them the same way (WHATWG numeric character references).
const C1_MAP = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Replaces C1 control characters (U+0080–U+009F) with their windows-1252 meaning. */
export function fixC1(s: string): string {
  return /[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => C1_MAP[c.charCodeAt(0) - 0x80]!) : s;
}

const BLOCK_BOUNDARY = /<(?=\/?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr|dd|dt|section|article|header|footer)\b)/gi;

function unescapeBasic(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Reduces HTML to plain text: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return fixC1(html).replace(ASCII_WS, ' ').trim();
  const spaced = escapeUnclosedTail(html).replace(BLOCK_BOUNDARY, ' <');
  const stripped = sanitize(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: NON_TEXT_TAGS });
  return fixC1(unescapeBasic(stripped)).replace(ASCII_WS, ' ').trim();
}

/** Escapes plain text so it can be stored in an HTML field. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True when the string looks like it holds markup or entity references rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][^>]*>|<!--|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(s);
}

/**
 * Plain text of a feed text construct: `type` "text" is kept as is, HTML/XHTML (or markup-looking
 * text) is reduced. A construct with content that reduces to no text (an image-only title) gives
 * '' — present but empty — so it stays distinguishable from a missing element.
 */
export function textFrom(value: string | undefined, type?: string): string | undefined {
  if (value === undefined || !value.trim()) return undefined;
  const t = type?.toLowerCase();
  return t === 'text' || t === 'text/plain' || (!t && !looksLikeHtml(value))
    ? fixC1(value).replace(ASCII_WS, ' ').trim()
    : htmlToText(value);
}

/** The first non-empty value; '' when the only present values are empty; undefined when none is present. */
export function firstText(...values: readonly (string | undefined)[]): string | undefined {
  let empty: string | undefined;
  for (const v of values) {
    if (v) return v;
    if (v === '') empty = '';
  }
  return empty;
}

/**
 * Sanitized HTML of a feed content construct; plain text (`type` "text") is escaped first.
 * Content that sanitizes to nothing (only scripts, only unknown elements) gives '' (see textFrom).
 */
export function htmlFrom(value: string | undefined, type: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined || !value.trim()) return undefined;
  const t = type?.toLowerCase();
  const fixed = fixC1(value);
  return t === 'text' || t === 'text/plain' ? escapeHtml(fixed.trim()) : sanitizeFeedHtml(fixed, base);
}

/** Drops an empty summary when the entry has content: '' adds nothing next to it. */
export function summaryBeside(summary: string | undefined, contentHtml: string | undefined): string | undefined {
  return summary === '' && contentHtml ? undefined : summary;
}
