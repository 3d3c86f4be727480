// Page-level metadata from JSON-LD, OpenGraph, <meta>, itemprop and <time>, read before the body
// is extracted (Readability mutates the document). Each field keeps the first trustworthy source.
import type { Author } from '../core/records.ts';
import { parseDate } from './date-parse.ts';
import type { TextWalkNode, WalkEl } from './dom-walk.ts';
import { readMarkupDates, type DateEl } from './markup-dates.ts';
import { ARTICLE_TYPE, NON_ARTICLE_TYPE, clean, decodeEntities, flattenLd, isObj, ldAuthors, ldImage, ldTypes, parseJsonLd, type Obj } from './json-ld.ts';

/** What the head and markup of a page say about its article. */
export interface PageMetadata {
  /** The title the page's metadata declares (JSON-LD, meta tags); not the <title> element. */
  readonly title?: string;
  /** The <title> element. */
  readonly documentTitle?: string;
  readonly siteName?: string;
  readonly authors: readonly Author[];
  readonly publishedAt?: string;
  readonly modifiedAt?: string;
  readonly lang?: string;
  readonly excerpt?: string;
  readonly canonical?: string;
  readonly imageUrl?: string;
  /** True when JSON-LD or og:type declares an article. */
  readonly declaresArticle: boolean;
  /** True when JSON-LD or og:type declares a non-article page (website, collection). */
  readonly declaresNonArticle: boolean;
}

/** Minimal element shape used here (linkedom Element). */
interface El extends WalkEl, TextWalkNode {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
/** Minimal document shape used here. */
export interface MetaDocument {
  querySelectorAll(sel: string): ArrayLike<El> & Iterable<El>;
  querySelector(sel: string): El | null;
  readonly documentElement: El | null;
  title: string;
}

/** Splits a meta author value into names ("A, B and C"), dropping URLs and "By". */
export function splitAuthorNames(value: string): string[] {
  const v = value.replace(/^\s*by\s+/i, '').trim();
  if (v === '' || /^https?:\/\//i.test(v)) return [];
  const parts = v.split(/\s*(?:,|;|\band\b|&|·|\|)\s*/i).map((p) => p.trim()).filter((p) => p !== '');
  // "Doe, Jane" style or a trailing role ("Jane Doe, Staff Writer") is not two people.
  if (parts.length === 2 && parts.every((p) => !/\s/.test(p))) return [v];
  return parts.filter((p) => p.length <= 60 && /\p{L}/u.test(p) && !/^(?:staff|staff writer|reporter|editor|correspondent)$/i.test(p));
}

/** A date written after a name in a byline ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Jane Doe January 18, 2017"). */
const TRAILING_DATE = /(?:\s+[-–—|·,]\s*|\s+)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:updated|published|posted)\b).*$/i;

/** Cleans one author name: drops "By" (and its French, Spanish, German, Dutch forms), a trailing role ("기자", "Staff Writer"), a trailing date, handles and emails. */
export function cleanAuthorName(name: string): string {
  return name
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '')
    .replace(/(?:^|\s)@\w+/g, '')
    .replace(/^\s*(?:by|par|por|von|door)\s+(?=\p{Lu})/iu, '')
    .replace(/^\s*by\s+/i, '')
    .replace(TRAILING_DATE, '')
    .replace(/\s*(?:기자|특파원|선임기자|논설위원)\s*$/, '')
    .replace(/[\s,|—–-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Merges author lists: one entry per name (case- and space-insensitive), keeping the first email and outlet seen. */
export function mergeAuthors(...lists: readonly (readonly Author[])[]): Author[] {
  const out: Author[] = [];
  const key = (n: string) => n.toLowerCase().replace(/[\s.]/g, '');
  for (const list of lists) {
    for (const raw of list) {
      const a = { ...raw, name: cleanAuthorName(raw.name) };
      if (a.name === '') continue;
      const i = out.findIndex((o) => key(o.name) === key(a.name));
      if (i === -1) out.push(a);
      else {
        const o = out[i]!;
        out[i] = { name: o.name, ...(o.email ?? a.email ? { email: o.email ?? a.email } : {}), ...(o.outlet ?? a.outlet ? { outlet: o.outlet ?? a.outlet } : {}) };
      }
    }
  }
  return out;
}

/** Meta keys that name a publication date in a vendor's own vocabulary ("shareaholic:article_published_time", "sw-pubdate", "publication_date", "uploaddate"). */
const PUBLISHED_META_KEY = /(?:^|[:_-])(?:pub|publish|published|publication|issued|release|released|created|creation|upload)[:_-]?(?:date|time|datetime|at)?$|(?:^|[:_-])(?:date|time)[:_-]?(?:published|publication|issued|created|upload)$|^uploaddate$/;
/** Meta keys that name a modification date ("article:modified_time", "dc:date:modified", "lastmod"). */
const MODIFIED_META_KEY = /(?:^|[:_-])(?:modified|updated|lastmod|last[:_-]?modified)[:_-]?(?:date|time|datetime|at)?$|(?:^|[:_-])date[:_-]?(?:modified|updated)$/;

/** The first value of a meta key matching `re`, property values first. */
function findMetaValue(byProperty: ReadonlyMap<string, string>, byName: ReadonlyMap<string, string>, re: RegExp): string | undefined {
  for (const map of [byProperty, byName]) for (const [k, v] of map) if (re.test(k)) return v;
  return undefined;
}

/** Share of the words of `b` that also occur in `a` (0…1), ignoring case and punctuation. */
function wordOverlap(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const wa = new Set(words(a));
  const wb = words(b);
  return wb.length === 0 ? 0 : wb.filter((w) => wa.has(w)).length / wb.length;
}

/** The title of a JSON-LD article: its headline, unless the headline is a description and `name` matches the page title. */
function ldTitle(article: Obj, documentTitle: string | undefined): string | undefined {
  const headline = clean(decodeEntities(clean(article.headline) ?? ''));
  const name = clean(decodeEntities(clean(article.name) ?? ''));
  if (!headline || !name || headline === name || !documentTitle) return headline ?? name;
  // Some pages put the site name or a description in one of the two: keep the one the <title> confirms.
  const h = wordOverlap(documentTitle, headline);
  const n = wordOverlap(documentTitle, name);
  return n > 0.75 && h <= 0.75 ? name : headline;
}

/** Reads metadata from a parsed page. `ldBlocks` are the JSON-LD script bodies (scripts are stripped before parsing). */
export function readPageMetadata(doc: MetaDocument, ldBlocks: readonly string[]): PageMetadata {
  // Keys are normalised ("DC.Title" → "dc:title"); values given by `property` (RDFa, OpenGraph)
  // rank before the same key given by `name`, as in Readability, then document order.
  const byProperty = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const m of doc.querySelectorAll('meta')) {
    const prop = m.getAttribute('property');
    const key = (prop ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = clean(decodeEntities(m.getAttribute('content') ?? ''));
    if (!key || !content) continue;
    const into = prop ? byProperty : byName;
    for (const k of key.split(/\s+/)) {
      const nk = k.replace(/\./g, ':');
      if (!into.has(nk)) into.set(nk, content);
    }
  }
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const v = byProperty.get(k) ?? byName.get(k);
      if (v) return v;
    }
    return undefined;
  };

  // JSON-LD: the first article-typed node wins; publisher / website nodes give the site name.
  let article: Obj | undefined;
  let declaresNonArticle = false;
  let ldSite: string | undefined;
  let ldPublished: string | undefined;
  for (const block of ldBlocks) {
    for (const n of flattenLd(parseJsonLd(block))) {
      const types = ldTypes(n);
      if (!article && types.some((t) => ARTICLE_TYPE.test(t))) article = n;
      else if (types.some((t) => NON_ARTICLE_TYPE.test(t) && !/^WebPage$/i.test(t) && !/BreadcrumbList|Organization|SiteNavigationElement/i.test(t))) declaresNonArticle = true;
      if (!ldSite && types.includes('WebSite')) ldSite = clean(n.name);
      // Pages typed WebPage, Recipe or VideoObject date themselves too; comments and people do not date the page.
      if (!ldPublished && !types.some((t) => /Comment|Person|Organization|WebSite|Answer|Question/i.test(t))) ldPublished = clean(n.datePublished) ?? clean(n.uploadDate);
    }
  }
  const pub = article && isObj(article.publisher) ? clean(article.publisher.name) : undefined;

  const ogType = get('og:type');
  const declaresArticle = article !== undefined || /article|news/i.test(ogType ?? '');
  if (ogType && /^(?:website|profile|video\.other)$/i.test(ogType) && !article) declaresNonArticle = true;

  const documentTitle = clean(doc.title);
  // Precedence as in Readability: JSON-LD, Dublin Core, OpenGraph, <meta name=title>, Twitter, Parse.ly.
  const title = (article ? ldTitle(article, documentTitle) : undefined) ?? get('dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'title', 'twitter:title', 'parsely-title');
  const siteName = pub ?? get('og:site_name') ?? ldSite ?? get('application-name', 'twitter:site:name');

  // Authors: JSON-LD, then meta tags; rel=author / itemprop on the page as the last resort.
  let authors: Author[] = article ? ldAuthors(article.author ?? article.creator) : [];
  if (authors.length === 0) {
    const metaAuthor = get('dc:creator', 'dcterm:creator', 'dcterms:creator', 'author', 'parsely-author', 'article:author', 'byl', 'sailthru:author', 'twitter:creator:name');
    if (metaAuthor && !/^https?:/i.test(metaAuthor)) authors = splitAuthorNames(metaAuthor).map((name) => ({ name }));
  }
  if (authors.length === 0) {
    const el = doc.querySelector('[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], a[rel~="author"]');
    const name = clean(el?.getAttribute('content') ?? el?.textContent);
    if (name && name.length <= 60) authors = splitAuthorNames(name).map((n) => ({ name: n }));
  }

  const markup = readMarkupDates(doc.documentElement as unknown as DateEl);
  const publishedAt =
    parseDate(clean(article?.datePublished) ?? clean(article?.dateCreated)) ??
    parseDate(get('article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc:date:issued', 'dc:date', 'dcterms:created', 'dcterms:date', 'date', 'sailthru:date', 'parsely-pub-date', 'article:published', 'published_time')) ??
    parseDate(ldPublished) ??
    parseDate(findMetaValue(byProperty, byName, PUBLISHED_META_KEY)) ??
    markup.published;
  const modifiedAt =
    parseDate(clean(article?.dateModified)) ??
    parseDate(get('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms:modified', 'last-modified', 'article:updated')) ??
    parseDate(findMetaValue(byProperty, byName, MODIFIED_META_KEY)) ??
    markup.modified;

  const htmlLang = doc.querySelector('html')?.getAttribute('lang') ?? doc.querySelector('html')?.getAttribute('xml:lang');
  const lang = clean(htmlLang) ?? clean(article?.inLanguage) ?? get('og:locale', 'content-language', 'language', 'dc:language');

  // The description the page shows when shared comes first: JSON-LD descriptions are often a shorter internal blurb.
  const excerpt = get('dc:description', 'dcterm:description', 'dcterms:description', 'og:description', 'description', 'twitter:description') ?? clean(decodeEntities(clean(article?.description) ?? ''));
  const canonical = clean(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? get('og:url');
  const imageUrl = get('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ?? (article ? ldImage(article.image) : undefined);

  return {
    ...(title ? { title } : {}),
    ...(documentTitle ? { documentTitle } : {}),
    ...(siteName ? { siteName } : {}),
    authors: mergeAuthors(authors),
    ...(publishedAt ? { publishedAt } : {}),
    ...(modifiedAt ? { modifiedAt } : {}),
    ...(lang ? { lang } : {}),
    ...(excerpt ? { excerpt } : {}),
    ...(canonical ? { canonical } : {}),
    ...(imageUrl ? { imageUrl } : {}),
    declaresArticle,
    declaresNonArticle: declaresNonArticle && !declaresArticle,
  };
}
