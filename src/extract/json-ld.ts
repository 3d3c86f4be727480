// JSON-LD as news pages write it: lenient parsing, @graph flattening, and the few value shapes
// (author, image, publisher) the metadata reader needs.
import type { Author } from '../core/records.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** A parsed JSON value of unknown shape. */
export type Json = unknown;
/** A plain JSON object. */
export type Obj = Record<string, Json>;

/** JSON-LD @type values of an article. */
export const ARTICLE_TYPE = /(?:Article|BlogPosting|Posting|Report|Review)$/i;
/** JSON-LD @type values of pages that are not one article. */
export const NON_ARTICLE_TYPE = /^(?:WebSite|CollectionPage|SearchResultsPage|ItemList|ProfilePage|Organization|SiteNavigationElement|BreadcrumbList|WebPage)$/i;

/** True for a plain JSON object. */
export function isObj(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collapses whitespace and decodes nothing; returns undefined for empty strings. */
export function clean(v: Json): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.replace(SPACE_RUNS, ' ').trim();
  return s === '' ? undefined : s;
}

/** A "read more" link closing a blurb ("… behind the wheel and<a class="excerpt-read-more" href="…">Read More</a>"). */
const READ_MORE_LINK = /<a\b[^<>]*>\s*(?:read (?:more|on)|continue reading|more|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|더\s*보기|기사\s*더\s*보기)\s*(?:»|›|→|\.{3}|…)?\s*<\/a>/giu;
/** The attributes of a start tag. */
const ATTRS = String.raw`(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*\/?>`;
/** Tags that end a line of text (a break, a paragraph's or an item's end). */
const BREAK_TAG = new RegExp(String.raw`<(?:br|\/(?:p|div|li|h[1-6]))${ATTRS}`, 'gi');
/**
 * Start and end tags of the elements a blurb or a headline is marked up with. Named, not any word
 * in angle brackets: Korean titles of works are written "<The Palace>", "<기생충>".
 */
const TAG = new RegExp(String.raw`<\/?(?:a|abbr|b|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|li|mark|ol|p|q|s|small|span|strong|sub|sup|time|u|ul)${ATTRS}`, 'gi');

/** `s` without the markup a page's engine left in a blurb (a "Read More" link, `<p>` around a description, `<i>` in it). */
export function withoutMarkup(s: string): string {
  return s.includes('<') ? s.replace(READ_MORE_LINK, ' ').replace(BREAK_TAG, ' ').replace(TAG, '') : s;
}

/** A JSON-LD text value as text: entities decoded, spaces collapsed; undefined when empty. */
export function ldText(v: Json): string | undefined {
  const s = clean(v);
  return s === undefined ? undefined : clean(decodeEntities(s));
}

/**
 * A JSON-LD blurb as text: ldText with the markup a page's engine left in it taken out. For
 * descriptions only: a headline is kept as written, for "<" in a title may be the story's own
 * words ("How <script> tags run"), and it is escaped wherever it is shown.
 */
export function ldBlurb(v: Json): string | undefined {
  const s = clean(v);
  return s === undefined ? undefined : clean(decodeEntities(withoutMarkup(s)));
}

/** Combining marks of the accent entity names. */
const ACCENT_MARKS: Record<string, string> = { acute: '\u0301', grave: '\u0300', uml: '\u0308', circ: '\u0302', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };

/** Decodes the HTML entities metadata producers leave (or double-encode) in values: named basics and numeric references; invalid code points become U+FFFD. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e] ?? _)
    // Accented Latin letters by name ("Redacci&oacute;n", "M&uuml;ller"): the letter and its combining mark.
    .replace(/&([A-Za-z])(acute|grave|uml|circ|tilde|cedil|ring);/g, (_, c: string, mark: string) => (c + ACCENT_MARKS[mark]!).normalize('NFC'))
    .replace(/&szlig;/g, 'ß')
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      let n = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
      if (!(n > 0) || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) n = 0xfffd;
      return String.fromCodePoint(n);
    });
}

/** Parses one JSON-LD block leniently (CDATA wrappers, trailing commas, raw newlines). */
export function parseJsonLd(text: string): Json {
  const t = text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '').trim();
  try {
    return JSON.parse(t);
  } catch {
    try {
      return JSON.parse(t.replace(/,\s*([}\]])/g, '$1').replace(/[\r\n\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Flattens JSON-LD roots, arrays, @graph members and a page's main entity (a WebPage whose `mainEntity` is the Article) into a list of typed nodes. */
export function flattenLd(root: Json, out: Obj[] = [], depth = 0): Obj[] {
  if (depth > 4) return out;
  if (Array.isArray(root)) for (const r of root) flattenLd(r, out, depth + 1);
  else if (isObj(root)) {
    if (root['@type'] !== undefined) out.push(root);
    if (root['@graph'] !== undefined) flattenLd(root['@graph'], out, depth + 1);
    if (isObj(root['mainEntity']) || Array.isArray(root['mainEntity'])) flattenLd(root['mainEntity'], out, depth + 1);
  }
  return out;
}

/** The @type values of a JSON-LD node. */
export function ldTypes(n: Obj): string[] {
  const t = n['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Indexes typed JSON-LD nodes by their @id, so references ({"@id": "…#/schema/person/1"}) can be followed. */
export function indexLdIds(nodes: readonly Obj[]): Map<string, Obj> {
  const ids = new Map<string, Obj>();
  for (const n of nodes) {
    const id = clean(n['@id']);
    if (id && !ids.has(id)) ids.set(id, n);
  }
  return ids;
}

/** The full name a Person's biography opens with when its `name` is only a first name ("Nils" + "Nils Pickert ist freier Autor…" → "Nils Pickert"): SEO plugins fill `name` from the login's display name and `description` from the profile. */
function nameFromBio(name: string, bio: Json): string {
  const text = typeof bio === 'string' ? decodeEntities(bio).replace(SPACE_RUNS, ' ').trim() : '';
  if (/\s/.test(name) || !text.startsWith(name)) return name;
  // One or two capitalised words right after the first name, then anything that is not another capitalised word.
  const rest = /^((?:\s+\p{Lu}[\p{L}'’-]+){1,2})(?=$|[\s,.;:(–—-])(?!\s+\p{Lu})/u.exec(text.slice(name.length));
  return rest ? name + rest[1] : name;
}

/** Names and emails of JSON-LD author values (string, Person, array). A bare reference ({"@id": …}, as SEO plugins write @graph pages) is looked up in `ids`. */
export function ldAuthors(v: Json, ids?: ReadonlyMap<string, Obj>): Author[] {
  const out: Author[] = [];
  for (const item of Array.isArray(v) ? v : [v]) {
    const ref = isObj(item) && item.name === undefined ? clean(item['@id']) : undefined;
    const a = ref ? ids?.get(ref) : item;
    if (typeof a === 'string') {
      const name = clean(decodeEntities(a));
      if (name && !/^https?:/i.test(name)) out.push({ name });
    } else if (isObj(a)) {
      const given = clean(typeof a.name === 'string' ? decodeEntities(a.name) : undefined);
      const name = given ? nameFromBio(given, a.description) : undefined;
      const email = clean(a.email)?.replace(/^mailto:/i, '');
      if (name && !/^https?:/i.test(name)) out.push(email ? { name, email } : { name });
    }
  }
  return out;
}

/** The URL of a JSON-LD image value (string, ImageObject, array). */
export function ldImage(v: Json): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return clean(first);
  if (isObj(first)) return clean(first.url) ?? clean(first.contentUrl);
  return undefined;
}
