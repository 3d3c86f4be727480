// Page-level metadata from JSON-LD, OpenGraph, <meta>, itemprop and <time>, read before the body
// is extracted (Readability mutates the document). Each field keeps the first trustworthy source.
import type { Author } from '../core/records.ts';
import { invertedName, splitAuthorNames } from './author-names.ts';
import { asReporterLine, chooseAuthors } from './page-authors.ts';
import { findBylineNames, type BylineEl } from './byline-finder.ts';
import { readLayout, type PartEl } from './page-parts.ts';

export { cleanAuthorName, mergeAuthors, splitAuthorNames } from './author-names.ts';
import { atShownClock, offsetOfLanguage, parseDate } from './date-parse.ts';
import type { TextWalkNode, WalkEl } from './dom-walk.ts';
import { readMarkupDates, type DateEl } from './markup-dates.ts';
import { ARTICLE_TYPE, NON_ARTICLE_TYPE, clean, decodeEntities, ldBlurb, ldText, withoutMarkup, flattenLd, indexLdIds, isObj, ldAuthors, ldImage, ldTypes, parseJsonLd, type Json, type Obj } from './json-ld.ts';

/** What the head and markup of a page say about its article. */
export interface PageMetadata {
  /** The title the page's metadata declares (JSON-LD, meta tags); not the <title> element. */
  readonly title?: string;
  /** The <title> element. */
  readonly documentTitle?: string;
  readonly siteName?: string;
  /** People named as the article's authors. */
  readonly authors: readonly Author[];
  /** The outlet named where an author should be ("Example Times", "example.com"): used only when no person is found anywhere. */
  readonly outletAuthors: readonly Author[];
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
  /** JSON-LD alternativeHeadline of the article: a sub-headline, or the headline in other words. */
  readonly alternativeHeadline?: string;
  /** CSS selectors of the parts the page declares paywalled (schema.org hasPart, isAccessibleForFree false). */
  readonly paywalledParts: readonly string[];
  /** The story's text as its JSON-LD article node declares it (articleBody), as written; not on a page that declares the article is not free. */
  readonly articleBody?: string;
}

/** Minimal element shape used here (the extract DOM's element, dom/dom-node.ts). */
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

/** Meta tags naming the author, in the order they are trusted. */
const AUTHOR_META_KEYS = ['dc:creator', 'dcterm:creator', 'dcterms:creator', 'author', 'parsely-author', 'article:author', 'byl', 'sailthru:author', 'twitter:creator:name'];

/** A day, in milliseconds. */
const DAY_MS = 86_400_000;
/** A declared description shorter than this may be a share line rather than a summary. */
const SHORT_EXCERPT_CHARS = 60;
/** Longest description taken in its place. */
const MAX_EXCERPT_CHARS = 500;

/** The title of a JSON-LD article: its headline, unless the headline is a description and `name` matches the page title. */
function ldTitle(article: Obj, documentTitle: string | undefined): string | undefined {
  const headline = ldText(article.headline);
  const name = ldText(article.name);
  if (!headline || !name || headline === name || !documentTitle) return headline ?? name;
  // Some pages put the site name or a description in one of the two: keep the one the <title> confirms.
  const h = wordOverlap(documentTitle, headline);
  const n = wordOverlap(documentTitle, name);
  return n > 0.75 && h <= 0.75 ? name : headline;
}

/** True for an element inside an item the page marks up that is no article (itemscope with another itemtype: ImageObject, VideoObject, Person); an item on <html> or <body> is the page itself. */
function describesOtherItem(el: El): boolean {
  for (let p = el.parentElement as El | null; p && p.tagName !== 'BODY' && p.tagName !== 'HTML'; p = p.parentElement as El | null) {
    if (p.getAttribute('itemscope') === null) continue;
    const type = (p.getAttribute('itemtype') ?? '').trim().replace(/^.*[/#]/, '');
    return type !== '' && !ARTICLE_TYPE.test(type) && !/^WebPage$/i.test(type);
  }
  return false;
}

/** Reads metadata from a parsed page. `ldBlocks` are the JSON-LD script bodies (scripts are stripped before parsing). */
export function readPageMetadata(doc: MetaDocument, ldBlocks: readonly string[], url?: string): PageMetadata {
  // Keys are normalised ("DC.Title" → "dc:title"); values given by `property` (RDFa, OpenGraph)
  // rank before the same key given by `name`, as in Readability, then document order.
  const byProperty = new Map<string, string>();
  const byName = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  for (const m of doc.querySelectorAll('meta')) {
    const prop = m.getAttribute('property');
    const key = (prop ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    // A <meta itemprop> inside another item (a photo's ImageObject, a video's) tells of that item, not of the page.
    if (!prop && !m.getAttribute('name') && m.getAttribute('itemprop') !== null && describesOtherItem(m)) continue;
    const content = clean(decodeEntities(m.getAttribute('content') ?? ''));
    if (!key || !content) continue;
    const into = prop ? byProperty : byName;
    for (const k of key.split(/\s+/)) {
      const nk = k.replace(/\./g, ':');
      if (!into.has(nk)) into.set(nk, content);
      // A tag repeated for each author (article:author, DC.Creator) names them all.
      else if (AUTHOR_META_KEYS.includes(nk)) repeated.set(nk, [...(repeated.get(nk) ?? [into.get(nk)!]), content]);
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
  let ldAuthor: Json | undefined;
  const ldNodes = ldBlocks.flatMap((block) => flattenLd(parseJsonLd(block)));
  const ldIds = indexLdIds(ldNodes);
  for (const n of ldNodes) {
    const types = ldTypes(n);
    if (!article && types.some((t) => ARTICLE_TYPE.test(t))) article = n;
    else if (types.some((t) => NON_ARTICLE_TYPE.test(t) && !/^WebPage$/i.test(t) && !/BreadcrumbList|Organization|SiteNavigationElement/i.test(t))) declaresNonArticle = true;
    if (!ldSite && types.includes('WebSite')) ldSite = clean(n.name);
    // Pages typed WebPage, Recipe or VideoObject date themselves too; comments and people do not date the page.
    if (!ldPublished && !types.some((t) => /Comment|Person|Organization|WebSite|Answer|Question/i.test(t))) ldPublished = clean(n.datePublished) ?? clean(n.uploadDate);
    // SEO plugins put the author on the WebPage node when they write no Article node; a page that
    // is one recipe, how-to, video or other creative work names its author on that node.
    if (ldAuthor === undefined && /^(?:WebPage|ItemPage|Recipe|HowTo|VideoObject|CreativeWork|Course|Book|Chapter|PodcastEpisode)$/i.test(types[0] ?? '')) ldAuthor = n.author ?? n.creator;
  }
  const pub = article && isObj(article.publisher) ? clean(article.publisher.name) : undefined;
  // A publisher given as a reference to an Organization node of the @graph ranks after og:site_name:
  // that node is often the company that runs the site rather than the site.
  const pubRef = article && isObj(article.publisher) && !pub ? clean(ldIds.get(clean(article.publisher['@id']) ?? '')?.name) : undefined;

  // Paywalled parts declared for search engines: the selector of each (whether the page served
  // them is the extractor's question).
  const paywalledParts = ldNodes
    .flatMap((n) => (Array.isArray(n.hasPart) ? n.hasPart : [n.hasPart]))
    .flatMap((part) => (isObj(part) && /^false$/i.test(String(part.isAccessibleForFree ?? '').trim()) ? [clean(part.cssSelector)] : []))
    .filter((sel): sel is string => !!sel);
  const ogType = get('og:type');
  const declaresArticle = article !== undefined || /article|news/i.test(ogType ?? '');
  if (ogType && /^(?:website|profile|video\.other)$/i.test(ogType) && !article) declaresNonArticle = true;

  const documentTitle = clean(doc.title);
  // Precedence as in Readability: JSON-LD, Dublin Core, OpenGraph, <meta name=title>, Twitter, Parse.ly.
  const title = (article ? ldTitle(article, documentTitle) : undefined) ?? get('dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'title', 'twitter:title', 'parsely-title');
  const siteName = pub ?? get('og:site_name') ?? pubRef ?? ldSite ?? get('application-name', 'twitter:site:name');

  // Authors: JSON-LD, then meta tags, then bylines marked up or classed in the page. A name that
  // is the outlet itself ("finanztreff.de", the site name) only counts when no person is named.
  const layout = doc.documentElement ? readLayout(doc.documentElement as unknown as PartEl, title ?? documentTitle) : undefined;
  const outlets = [siteName, pub, pubRef, ldSite, get('og:site_name'), get('application-name')];
  // Twitter card labels ("Written by" / "Verfasst von" in twitter:label1, the name in twitter:data1).
  const labelled = [1, 2].map((i) => (/^(?:written\s+by|verfasst\s+von|geschrieben\s+von|autor(?:in)?|author|escrito\s+por|écrit\s+par)$/i.test(get(`twitter:label${i}`) ?? '') ? get(`twitter:data${i}`) : undefined)).find((v) => v);
  const metaKey = AUTHOR_META_KEYS.find((k) => get(k));
  const metaAuthors = labelled ? [labelled] : metaKey ? (repeated.get(metaKey) ?? [get(metaKey)!]) : [];
  const sources: (() => Author[])[] = [
    () => ldAuthors((article ? article.author ?? article.creator : undefined) ?? ldAuthor, ldIds),
    () =>
      metaAuthors
        .filter((v) => !/^https?:/i.test(v))
        .flatMap((v) => {
          const line = asReporterLine({ name: v });
          if (line.length !== 1 || line[0]!.name !== v) return line;
          return (metaKey?.startsWith('dc') ? invertedName(v) ?? splitAuthorNames(v) : splitAuthorNames(v)).map((name) => ({ name }));
        }),
    () => findBylineNames(doc.documentElement as unknown as BylineEl, layout).map((name) => ({ name })),
  ];
  // The meta tags are read for co-authors of the JSON-LD author only when they list several names (few pages: reading them costs every page).
  const metaLists = metaAuthors.length > 1 || metaAuthors.some((v) => /[,;&·]|\s(?:and|und|et|y|e)\s/i.test(v));
  const { authors, outletAuthors } = chooseAuthors(doc, sources, outlets, url, metaLists ? 2 : 1);

  // Dates in the markup are read (one walk of the page) only when the page declares none, or
  // declares its publication time in UTC (for the clock the page prints).
  let markupDates: ReturnType<typeof readMarkupDates> | undefined;
  const markup = () => (markupDates ??= readMarkupDates(doc.documentElement as unknown as DateEl, layout));
  // A bare <meta name="date"> is whatever date the site's software keeps of the page, often its
  // last change (TYPO3, Contao): a publication date the page shows that comes a day or more before it is the story's.
  const bareDate = (date: string | undefined): string | undefined => {
    if (date === undefined) return undefined;
    const shownDate = markup().published;
    return shownDate !== undefined && Date.parse(shownDate) <= Date.parse(date) - DAY_MS ? shownDate : date;
  };
  // A creation date is the draft's: every publication date the page declares comes before it.
  // A Korean (Japanese, Chinese) page's declared time without a zone is in its country's zone, as the clock it shows.
  const pageOffset = offsetOfLanguage(doc.querySelector('html')?.getAttribute('lang'));
  const dateOpts = pageOffset ? { defaultOffset: pageOffset } : {};
  const declaredPublished =
    parseDate(clean(article?.datePublished), dateOpts) ??
    parseDate(get('article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc:date:issued', 'dc:date', 'dcterms:created', 'dcterms:date'), dateOpts) ??
    bareDate(parseDate(get('date'), dateOpts)) ??
    parseDate(get('sailthru:date', 'parsely-pub-date', 'article:published', 'published_time'), dateOpts) ??
    parseDate(ldPublished, dateOpts) ??
    parseDate(clean(article?.dateCreated), dateOpts) ??
    parseDate(findMetaValue(byProperty, byName, PUBLISHED_META_KEY), dateOpts);
  // A time declared in UTC takes the clock of the time the page prints (the reader's day).
  const shown = declaredPublished?.endsWith('Z') ? markup() : undefined;
  const publishedAt = declaredPublished ? atShownClock(declaredPublished, shown?.published, shown?.publishedZoned) : markup().published;
  const modifiedAt =
    parseDate(clean(article?.dateModified), dateOpts) ??
    parseDate(get('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms:modified', 'last-modified', 'article:updated'), dateOpts) ??
    parseDate(findMetaValue(byProperty, byName, MODIFIED_META_KEY), dateOpts) ??
    markup().modified;

  const htmlLang = doc.querySelector('html')?.getAttribute('lang') ?? doc.querySelector('html')?.getAttribute('xml:lang');
  const lang = clean(htmlLang) ?? clean(article?.inLanguage) ?? get('og:locale', 'content-language', 'language', 'dc:language');

  // The description the page shows when shared comes first: JSON-LD descriptions are often a shorter internal blurb.
  const alternativeHeadline = ldText(article?.alternativeHeadline);
  // (Descriptions lose the markup a page's engine left in them: "<p>…</p>", a "Read More" link.)
  const blurb = (v: string | undefined) => (v === undefined ? undefined : clean(withoutMarkup(v)));
  const declared = blurb(get('dc:description', 'dcterm:description', 'dcterms:description', 'og:description', 'description', 'twitter:description')) ?? ldBlurb(article?.description);
  // A share line of a few words ("There’s no going back from here.") gives way to a fuller
  // description the page also declares (its <meta name="description">, JSON-LD).
  const fuller = declared && declared.length < SHORT_EXCERPT_CHARS
    ? [blurb(get('description')), ldBlurb(article?.description), blurb(get('twitter:description'))].find((d) => d && d.length >= 2 * declared.length && d.length <= MAX_EXCERPT_CHARS)
    : undefined;
  const excerpt = fuller ?? declared;
  const canonical = clean(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? get('og:url');
  const imageUrl = get('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ?? (article ? ldImage(article.image) : undefined);

  return {
    ...(title ? { title } : {}),
    ...(documentTitle ? { documentTitle } : {}),
    ...(siteName ? { siteName } : {}),
    authors,
    outletAuthors,
    ...(publishedAt ? { publishedAt } : {}),
    ...(modifiedAt ? { modifiedAt } : {}),
    ...(lang ? { lang } : {}),
    ...(excerpt ? { excerpt } : {}),
    ...(canonical ? { canonical } : {}),
    ...(imageUrl ? { imageUrl } : {}),
    ...(alternativeHeadline ? { alternativeHeadline } : {}),
    declaresArticle,
    declaresNonArticle: declaresNonArticle && !declaresArticle,
    paywalledParts,
    // Not from a page that declares the article is not free: its text is for search engines, not for a reader.
    ...(typeof article?.articleBody === 'string' && article.articleBody.trim() && !/^false$/i.test(String(article.isAccessibleForFree ?? '').trim()) ? { articleBody: article.articleBody } : {}),
  };
}
