// The extract stage: one HTML page → ExtractedArticle. Order matters: metadata is read first
// (Readability mutates the DOM), then junk is removed, Readability picks the body, the body is
// rewritten (photos, credits, reporter lines, boilerplate: body-reading.ts), and sanitizing is the
// last step. When that reading is no article, the page is read again, or its lead paragraph or the
// body it declares stands in.
import { LedeError } from '../core/errors.ts';
import type { Author, ExtractedArticle } from '../core/records.ts';
import { normalizeLanguageTag } from '../core/language-tag.ts';
import { looksBinary, whyNotArticle } from './article-gate.ts';
import { canonicalizeUrl, resolveUrl } from './canonical-url.ts';
import { htmlRead, leadDocument, leadRead, readAgainDocument, readBody, rewriteBody, type PageFacts, type RewrittenBody } from './body-reading.ts';
import { declaredDeck, findDeck, findLead, proseDeck } from './deck-finder.ts';
import { DECLARED_BODY_FACTOR, declaredBodyHtml } from './declared-body.ts';
import { bylineDate, dateFromUrl } from './markup-dates.ts';
import { isSiteDefaultImage } from './image-refs.ts';
import { countNonSpace } from './dom-walk.ts';
import { removeJunk, type JunkDocument } from './junk-filter.ts';
import { isPartial, paywalledPartsMissing } from './paywall.ts';
import { withSignatureEmails, type EmailEl } from './author-emails.ts';
import { agencyCredit, dropAgenciesBesidePeople, isOutletName, withBareEmails } from './author-names.ts';
import { mergeAuthors, readPageMetadata, splitAuthorNames, type MetaDocument } from './page-metadata.ts';
import { openProseNoscripts } from './noscript-prose.ts';
import { hasProtectedEmails, restoreProtectedEmails, type CfDocument } from './protected-emails.ts';
import { removeOtherStories, type StoryDocument } from './other-stories.ts';
import { isDateLine } from './date-line.ts';
import { prepareHtml } from './prepare-html.ts';
import { charThreshold } from './readability-steps.ts';
import { articleNfc } from './text-form.ts';
import { looseKey } from './loose-key.ts';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { cleanTitle, headlineAmongHeadings, titleFromDocumentTitle } from './title-clean.ts';
import { nameCase } from './name-case.ts';

/** Options for extractArticle. */
export interface ExtractOptions {
  /** The page URL (after redirects); relative links and images are resolved against it. */
  url: string;
  /** Language hint, e.g. the source's language; used when the page does not declare one. */
  lang?: string;
}

/** The deck lines that are not a byline naming the article's authors ("JANIE HAR", "By Jane Roe" under the headline). */
function withoutBylines(deck: readonly string[], authors: readonly Author[]): string[] {
  if (authors.length === 0) return [...deck];
  const names = new Set(authors.map((a) => looseKey(a.name)));
  return deck.filter((l) => !names.has(looseKey(l.replace(/^\s*by\s+/i, ''))));
}

/** Class or id words of the site's logo or name. */
const SITE_NAME_CLASS = /(?:^|[\s_-])(?:logo|brand|site-?title|site-?name|blog-?title|blog-?name)(?=$|[\s_-])/i;

/** True for a heading that holds the site's logo or name: it, or one of its three nearest ancestors, is classed so. */
function namesSite(h: Element): boolean {
  let el: Element | null = h;
  for (let i = 0; el && i < 4 && el.tagName !== 'BODY'; i++, el = el.parentElement) {
    if (SITE_NAME_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
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

/** True when `line` (a paragraph of Readability's body) is a date line or is no longer in the cleaned-up `text`. */
function leftTheBody(line: string, text: string): boolean {
  if (isDateLine(line)) return true;
  const k = looseKey(line);
  return k !== '' && !looseKey(text).includes(k);
}

/** The synchronous body of extractArticle. */
function extract(input: string, opts: ExtractOptions): ExtractedArticle {
  if (typeof input !== 'string' || input.trim() === '' || looksBinary(input)) noArticle(opts.url);
  const prepared = prepareHtml(input);
  const doc = parseHtmlDocument(prepared.html) as unknown as Document;
  openProseNoscripts(doc as never);
  // (Looked for in the markup first: two selector walks of every page for the few that need them.)
  if (hasProtectedEmails(prepared.html)) restoreProtectedEmails(doc as unknown as CfDocument);
  const baseUrl = resolveUrl(doc.querySelector('base[href]')?.getAttribute('href'), opts.url) ?? opts.url;
  const meta = readPageMetadata(doc as unknown as MetaDocument, prepared.jsonLd, opts.url);

  const siteName = meta.siteName;
  const preTitle = cleanTitle(meta.title ?? meta.documentTitle ?? '', siteName);
  const declaredCut = paywalledPartsMissing(doc, meta.paywalledParts);
  removeOtherStories(doc as unknown as StoryDocument, preTitle);
  const junk = removeJunk(doc as unknown as JunkDocument);
  const deck = findDeck(doc, preTitle);
  // The headings Readability would compare a "Section: Title" <title> with, read before it mutates the page.
  const headings = { h1: Array.from(doc.querySelectorAll('h1'), (h) => h.textContent ?? ''), h2: Array.from(doc.querySelectorAll('h2'), (h) => h.textContent ?? '') };
  // The headings that may be the story's headline: not the site's logo or name at the top of the page.
  const headlines = Array.from(doc.querySelectorAll('h1, h2'))
    .filter((h) => !namesSite(h))
    .map((h) => h.textContent ?? '');
  // A lesser heading may still be the headline (a story page that sets it in an <h3>), when it is most of the title.
  const minorHeadlines = Array.from(doc.querySelectorAll('h3'), (h) => h.textContent ?? '');
  const headlineOf = (full: string): string => headlineAmongHeadings(full, headlines, minorHeadlines, opts.url);

  // Class names sometimes mark the story itself as furniture ("ad-free-article", "paywall"). When
  // nothing is left, or what is left is not an article, read the page again with only furniture
  // tags removed, and keep that reading when it passes (when in doubt: article).
  const threshold = charThreshold(meta.lang, preTitle);
  const readAgain = () => readBody(readAgainDocument(prepared.html), baseUrl, threshold);
  const judge = (b: RewrittenBody) => whyNotArticle({ text: b.text, linkChars: b.linkChars, declaresNonArticle: meta.declaresNonArticle });
  const datesRead = !!(meta.publishedAt || meta.modifiedAt);
  const names = [...meta.authors, ...meta.outletAuthors].map((a) => a.name).concat(siteName ?? []);
  // The headline inside a title that carries a site's or a section's name, for its repeat at the top of the body.
  const facts: PageFacts = { deck, baseUrl, datesRead, title: headlineOf(preTitle), names };
  let read = readBody(doc, baseUrl, threshold);
  let retried = false;
  if (!read) {
    read = readAgain();
    retried = true;
  }
  let body = read ? rewriteBody(read, facts) : undefined;
  let why = body ? judge(body) : 'empty';
  if (body && why && !retried && (why === 'empty' || why === 'link-list')) {
    const second = readAgain();
    const secondBody = second ? rewriteBody(second, facts) : undefined;
    if (second && secondBody && !judge(secondBody)) {
      read = second;
      body = secondBody;
      why = undefined;
    }
  }
  // A brief or a teaser whose story is its lead paragraph alone: Readability found nothing, or
  // less than the lead (an offer box beside a subscriber story's lead). The lead is then the body.
  // Not on a page that calls itself an index, and on one that reads as a list of links only a
  // lead the markup gives the article: their blurbs are no story.
  let leadIsBody = false;
  const lead = meta.declaresNonArticle ? undefined : why ? findLead(leadDocument(prepared.html), deck, { articleDescriptionOnly: why === 'link-list' }) : proseDeck(deck);
  if (lead && (why || lead.length > body!.text.length)) {
    const asBody = leadRead(lead);
    const leadBody = rewriteBody(asBody, { ...facts, deck: [] });
    if (!judge(leadBody)) {
      read = asBody;
      body = leadBody;
      why = undefined;
      leadIsBody = true;
    }
  }
  // A story the page declares in JSON-LD that its HTML does not carry (drawn by script in the
  // browser): the declared text is the body, unless the page says the story is cut for its readers.
  const declared = meta.articleBody ? declaredBodyHtml(meta.articleBody) : undefined;
  const cut = declaredCut || junk.paywallPrompt || !!body?.paywallPrompt;
  if (declared && !cut && declared.chars >= threshold && (why || !body || declared.chars > DECLARED_BODY_FACTOR * countNonSpace(body.text))) {
    const asBody = htmlRead(declared.html, read?.parsed);
    const declaredBody = rewriteBody(asBody, facts);
    if (!judge(declaredBody)) {
      read = asBody;
      body = declaredBody;
      why = undefined;
      leadIsBody = false;
    }
  }
  // A page that calls itself an article and reads as a list of links is a post of links (a
  // blogger's reading list): when in doubt, article. Only after every other reading failed.
  if (why === 'link-list' && meta.declaresArticle && body) why = undefined;
  if (why || !read || !body) noArticle(opts.url);
  const { parsed } = read;
  const { images, lineAuthors, lineEmails, contentHtml, text } = body;
  const partial = isPartial({ text, declaredCut, prompted: junk.paywallPrompt || body.paywallPrompt });

  const finalSite = siteName ?? parsed.siteName ?? undefined;
  // Without a declared title, <title> read as Readability reads it (separators, headings) beats the raw element.
  // A title that carries a site's or section's name the page does not declare gives way to the page's headline inside it.
  const fullTitle = cleanTitle(meta.title ?? (meta.documentTitle ? titleFromDocumentTitle(meta.documentTitle, headings.h1, headings.h2) : undefined) ?? parsed.title ?? '', finalSite);
  const title = headlineOf(fullTitle);
  // Without a deck in the markup, the sub-headline the page declares (after the body: it must not be the lede).
  const shownDeck = leadIsBody ? [] : deck.length > 0 ? deck : declaredDeck(meta.alternativeHeadline, title, text);
  const byline = parsed.byline ? splitAuthorNames(parsed.byline).map((name): Author => ({ name })) : [];
  // People's names written all in capitals ("JANE DOE") in a name's case.
  const people = dropAgenciesBesidePeople(mergeAuthors(meta.authors, lineAuthors, meta.authors.length || lineAuthors.length ? [] : byline.filter((a) => !isOutletName(a.name, [finalSite], opts.url)))).map((a) => ({ ...a, name: nameCase(a.name) }));
  // With no person named, the outlet the page names, else the agency the story credits in its text.
  const agency = people.length > 0 ? undefined : agencyCredit(text);
  const named = people.length > 0 ? people : mergeAuthors(meta.outletAuthors, byline, agency && meta.outletAuthors.length === 0 && byline.length === 0 ? [{ name: agency }] : []);
  // A reporter's signature set apart from the story ("정해민 기자 hmj@…" in a box after it) still gives the address.
  // An address alone at the end of the story is the reporter's: the person the page names, when one of them has none.
  const signed = people.length > 0 ? withBareEmails(named, lineEmails).authors : named;
  const authors = withSignatureEmails(doc.documentElement as unknown as EmailEl, signed);
  // The language the page declares (or the caller's hint); detecting it from the text is the
  // language stage's job, after extraction (pipeline/process-item.ts).
  const lang = normalizeLanguageTag(meta.lang) ?? normalizeLanguageTag(opts.lang);
  const canonicalUrl = canonicalizeUrl(opts.url, meta.canonical);
  const leadUrl = resolveUrl(meta.imageUrl, baseUrl);
  // Without a declared date, the date the page prints beside the byline ("by Jane Roe / January
  // 19, 2017"); a date in the URL path beats nothing; the last change date beats nothing too (it
  // is at least a day the article existed).
  const publishedAt = meta.publishedAt ?? bylineDate(body.lineDates, meta.lang ?? opts.lang ?? '') ?? dateFromUrl(opts.url) ?? dateFromUrl(canonicalUrl) ?? meta.modifiedAt;
  // Without a declared description, Readability's (the body's first paragraph) unless that is a
  // line the clean-up took out of the body (a date line "입력 2025.11.15 08:47", a byline and view
  // counter "박서준 기자 발행 … 조회 1,234"): then the body's first paragraph.
  const excerpt = meta.excerpt ?? (parsed.excerpt && leftTheBody(parsed.excerpt, text) ? text.split(/\n{2,}/)[0] : parsed.excerpt) ?? undefined;
  // (The site's stock picture for shares is no lead photo unless the story shows it.)
  const declaredLead = leadUrl ? images.find((i) => i.url === leadUrl) ?? (isSiteDefaultImage(leadUrl) ? undefined : { url: leadUrl }) : undefined;
  const leadImage = declaredLead ?? images[0];

  return articleNfc({
    url: opts.url,
    canonicalUrl,
    title,
    deck: withoutBylines(shownDeck, authors),
    authors,
    ...(publishedAt ? { publishedAt } : {}),
    ...(meta.modifiedAt ? { modifiedAt: meta.modifiedAt } : {}),
    ...(finalSite ? { siteName: finalSite } : {}),
    ...(lang ? { lang } : {}),
    ...(excerpt ? { excerpt } : {}),
    ...(leadImage ? { leadImage } : {}),
    images,
    contentHtml,
    text,
    ...(partial ? { partial: true } : {}),
  });
}
