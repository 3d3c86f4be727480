// The extract stage: one HTML page → ExtractedArticle. Order matters: metadata is read first
// (Readability mutates the DOM), then junk is removed, Readability picks the body, the body is
// rewritten (photos, credits, reporter lines, boilerplate), and sanitizing is the last step.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { LedeError } from '../core/errors.ts';
import type { Author, ExtractedArticle } from '../core/records.ts';
import { detectLanguage, normalizeLanguageTag } from '../language/detect-language.ts';
import { canonicalizeUrl, resolveUrl } from './canonical-url.ts';
import { cleanBody, removeDeckRepeats, removeReporterLines } from './body-cleanup.ts';
import { findDeck } from './deck-finder.ts';
import { nodeToText } from './html-text.ts';
import { imageSource, normalizeImages } from './image-refs.ts';
import { removeJunk, type JunkDocument } from './junk-filter.ts';
import { mergeAuthors, readPageMetadata, splitAuthorNames, type MetaDocument } from './page-metadata.ts';
import { prepareHtml } from './prepare-html.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { cleanTitle } from './title-clean.ts';

/** Options for extractArticle. */
export interface ExtractOptions {
  /** The page URL (after redirects); relative links and images are resolved against it. */
  url: string;
  /** Language hint, e.g. the source's language; used when the page does not declare one. */
  lang?: string;
}

/** Fewest characters of body text an article may have. */
const MIN_TEXT_CHARS = 80;

/** Share of the text of `el` that sits inside links (index pages are mostly links). */
function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 1;
  const links = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
  return links / total;
}

/** Throws the stage's one expected failure. */
function noArticle(url: string, cause?: unknown): never {
  throw new LedeError('no-article', `extract: no article found in ${url}`, cause === undefined ? undefined : { cause });
}

/** Extracts the article of an HTML page: metadata, deck, authors, photos, sanitized body and plain text. Throws LedeError('no-article') when the page has none. */
export async function extractArticle(html: string, opts: ExtractOptions): Promise<ExtractedArticle> {
  try {
    return extract(html, opts);
  } catch (e) {
    if (e instanceof LedeError) throw e;
    noArticle(opts.url, e);
  }
}

/** The synchronous body of extractArticle. */
function extract(input: string, opts: ExtractOptions): ExtractedArticle {
  if (typeof input !== 'string' || input.trim() === '') noArticle(opts.url);
  const prepared = prepareHtml(input);
  const { document } = parseHTML(prepared.html);
  const doc = document as unknown as Document;
  const baseUrl = resolveUrl(doc.querySelector('base[href]')?.getAttribute('href'), opts.url) ?? opts.url;
  const meta = readPageMetadata(doc as unknown as MetaDocument, prepared.jsonLd);

  const siteName = meta.siteName;
  const preTitle = cleanTitle(meta.title ?? '', siteName);
  removeJunk(doc as unknown as JunkDocument);
  const deck = findDeck(doc, preTitle);

  // Lazy images get their real source before Readability, which drops photos it thinks are empty.
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const src = imageSource(img, baseUrl);
    if (src) img.setAttribute('src', src);
  }
  const parsed = new Readability<Node>(doc, { serializer: (n) => n, charThreshold: 500 }).parse();
  const content = parsed?.content as Element | null | undefined;
  if (!parsed || !content) noArticle(opts.url);

  // Body rewrite: photos first (credits attach to figures), then lines that leave the body.
  const images = normalizeImages(content, baseUrl);
  cleanBody(content);
  removeDeckRepeats(content, deck);
  const lineAuthors = removeReporterLines(content);
  for (const a of Array.from(content.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href')!;
    const abs = /^mailto:/i.test(href) ? href : resolveUrl(href, baseUrl);
    if (abs) a.setAttribute('href', abs);
    else a.removeAttribute('href');
  }

  // Sanitizing is the last step; the plain text is read from the sanitized HTML.
  const contentHtml = sanitizeHtml(content.innerHTML);
  const { document: out } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const text = nodeToText(out.body as never);
  // Short bodies are articles only when the page does not say it is an index or a profile.
  if (text.length < MIN_TEXT_CHARS || (meta.declaresNonArticle && text.length < 3 * MIN_TEXT_CHARS)) noArticle(opts.url);
  if (linkDensity(out.body as unknown as Element) > 0.6) noArticle(opts.url);

  const finalSite = siteName ?? parsed.siteName ?? undefined;
  const title = cleanTitle(meta.title ?? parsed.title ?? '', finalSite);
  const byline = parsed.byline ? splitAuthorNames(parsed.byline).map((name): Author => ({ name })) : [];
  const authors = mergeAuthors(meta.authors, lineAuthors, meta.authors.length || lineAuthors.length ? [] : byline);
  const lang = normalizeLanguageTag(meta.lang) ?? normalizeLanguageTag(opts.lang) ?? detectLanguage(text);
  const canonicalUrl = canonicalizeUrl(opts.url, meta.canonical);
  const leadUrl = resolveUrl(meta.imageUrl, baseUrl);
  const leadImage = (leadUrl ? images.find((i) => i.url === leadUrl) : undefined) ?? (leadUrl ? { url: leadUrl } : images[0]);

  return {
    url: opts.url,
    canonicalUrl,
    title,
    deck,
    authors,
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.modifiedAt ? { modifiedAt: meta.modifiedAt } : {}),
    ...(finalSite ? { siteName: finalSite } : {}),
    ...(lang ? { lang } : {}),
    ...(meta.excerpt ?? parsed.excerpt ? { excerpt: (meta.excerpt ?? parsed.excerpt)! } : {}),
    ...(leadImage ? { leadImage } : {}),
    images,
    contentHtml,
    text,
  };
}
