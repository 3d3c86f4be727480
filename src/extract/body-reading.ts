// The readings of a page's body and their rewrite. A reading is Readability's pick of the body (or
// a stand-in: the lead paragraph alone, a body the page declares); the rewrite puts lost figures
// back, takes out the lines that leave the body (furniture, reporter and credit lines, repeats of
// the headline and deck), sanitizes the HTML and reads its text. extract-article.ts decides which
// reading stands.
import { Readability } from '@mozilla/readability';
import type { Author, ImageRef } from '../core/records.ts';
import { resolveUrl } from './canonical-url.ts';
import { cleanBody, removeDateLines, removePaywallPrompts } from './body-cleanup.ts';
import { joinDropCaps, removeDeckRepeats, removeLeadingNav, removeTitleRepeats } from './body-top.ts';
import { removeEndSections, removeTrailingFurniture } from './body-ends.ts';
import { removeReporterLines } from './body-bylines.ts';
import { removeCreditLines } from './credit-lines.ts';
import { linkedNonSpaceChars } from './dom-walk.ts';
import { restoreFigures, snapshotFigures, type FigureSnapshot } from './figure-restore.ts';
import { nodeToText } from './html-text.ts';
import { imageSource, normalizeImages, withFigureCaptions } from './image-refs.ts';
import { ampImagesAsImg, photoBoxesAsFigures } from './photo-boxes.ts';
import { removeJunk, type JunkDocument } from './junk-filter.ts';
import { openProseNoscripts } from './noscript-prose.ts';
import { hasProtectedEmails, restoreProtectedEmails, type CfDocument } from './protected-emails.ts';
import { adaptReader } from './readability-steps.ts';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { sanitizeAndParse } from './sanitize-html.ts';

/** Captions are the story when they hold this many times the words of the rest, and this many characters more. */
const CAPTION_STORY_FACTOR = 3;
const CAPTION_STORY_MIN_CHARS = 1000;

/** What Readability tells of the page besides the body. */
export type ReadMeta = Pick<NonNullable<ReturnType<Readability['parse']>>, 'title' | 'byline' | 'siteName' | 'excerpt'>;
/** A reading of the page: the body (mutable), what Readability said of the page, the figures as they were before. */
export interface BodyRead {
  readonly parsed: ReadMeta;
  readonly content: Element;
  readonly figures: FigureSnapshot[];
}

/** Readability's pick of the body of `doc` (mutated), with the page's figures as they were before; undefined when it found no text. */
export function readBody(doc: Document, baseUrl: string, charThreshold: number): BodyRead | undefined {
  // Lazy images get their real source before Readability, which drops photos it thinks are empty.
  ampImagesAsImg(doc);
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const src = imageSource(img, baseUrl);
    if (src) img.setAttribute('src', src);
  }
  const lonePhotos = photoBoxesAsFigures(doc);
  const figures = snapshotFigures(doc, lonePhotos);
  const reader = new Readability<Node>(doc, { serializer: (n) => n, charThreshold });
  adaptReader(reader);
  const parsed = reader.parse();
  const content = parsed?.content as Element | null | undefined;
  if (!parsed || !content || !/[\p{L}\p{N}]/u.test(content.textContent ?? '')) return undefined;
  return { parsed, content, figures };
}

/** A reading whose body is the page's lead paragraph alone. */
export function leadRead(lead: string): BodyRead {
  const doc = parseHtmlDocument('<!doctype html><html><body><div><p></p></div></body></html>') as unknown as Document;
  const content = doc.body.firstElementChild!;
  content.firstElementChild!.textContent = lead;
  return { parsed: { title: null, byline: null, siteName: null, excerpt: null }, content, figures: [] };
}

/** A reading whose body is the given HTML (a body the page declares), keeping what Readability said of the page. */
export function htmlRead(html: string, parsed: ReadMeta | undefined): BodyRead {
  const doc = parseHtmlDocument(`<!doctype html><html><body><div>${html}</div></body></html>`) as unknown as Document;
  return { parsed: parsed ?? { title: null, byline: null, siteName: null, excerpt: null }, content: doc.body.firstElementChild!, figures: [] };
}

/** The article body after rewriting and sanitizing, with what the gate needs. */
export interface RewrittenBody {
  readonly images: ImageRef[];
  readonly lineAuthors: Author[];
  /** Addresses alone on lines at the end of the story that no reporter line took ("hong@example.com"). */
  readonly lineEmails: string[];
  /** Date lines read beside a byline at the top of the story ("by Jane Roe / January 19, 2017"), as written. */
  readonly lineDates: string[];
  readonly contentHtml: string;
  readonly text: string;
  readonly linkChars: number;
  /** The body ended with a prompt to subscribe or sign in to read on (removed). */
  readonly paywallPrompt: boolean;
}

/** What the rewrite knows of the page: its deck and headline, where it is, whether it declares dates, who wrote it and where. */
export interface PageFacts {
  readonly deck: readonly string[];
  readonly baseUrl: string;
  readonly datesRead: boolean;
  readonly title: string;
  /** The authors and the outlet the metadata names. */
  readonly names: readonly string[];
}

/** Rewrites Readability's body in place (figures, photos, lines that leave the body, links), then sanitizes it and reads its text. */
export function rewriteBody(read: BodyRead, { deck, baseUrl, datesRead, title, names }: PageFacts): RewrittenBody {
  const { content, figures } = read;
  // Lost figures back, photos (credits attach to figures), then lines that leave the body.
  restoreFigures(content, figures, (src) => resolveUrl(src, baseUrl));
  const photos = normalizeImages(content, baseUrl);
  // The prompt is read again once the lists after it (related stories, comments) are gone.
  let paywallPrompt = removePaywallPrompts(content);
  joinDropCaps(content);
  cleanBody(content);
  paywallPrompt = removePaywallPrompts(content) || paywallPrompt;
  removeEndSections(content);
  removeTrailingFurniture(content, baseUrl);
  removeDeckRepeats(content, deck);
  removeTitleRepeats(content, title);
  removeLeadingNav(content);
  const { authors: lineAuthors, emails: lineEmails, dates: lineDates } = removeReporterLines(content);
  removeCreditLines(content, names);
  if (datesRead) removeDateLines(content);
  for (const a of Array.from(content.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href')!;
    const abs = /^mailto:/i.test(href) ? href : resolveUrl(href, baseUrl);
    if (abs) a.setAttribute('href', abs);
    else a.removeAttribute('href');
  }
  const images = withFigureCaptions(content, photos);
  // Sanitizing is the last step; the plain text is read from the sanitized HTML.
  const { html: contentHtml, document: out } = sanitizeAndParse(content.innerHTML);
  let text = nodeToText(out.body as never, { captions: false });
  // A story told in captions (a listicle or gallery of figures): when they hold most of the words, they are the story.
  const captionChars = Array.from(out.body.querySelectorAll('figcaption'), (c) => (c.textContent ?? '').length).reduce((a, b) => a + b, 0);
  // A gallery with no other text: its captions are all the story there is.
  if (captionChars > 0 && !/[\p{L}\p{N}]/u.test(text)) text = nodeToText(out.body as never, { captions: true });
  else if (captionChars > (CAPTION_STORY_FACTOR - 1) * text.length + CAPTION_STORY_MIN_CHARS) {
    const full = nodeToText(out.body as never, { captions: true });
    if (full.length > CAPTION_STORY_FACTOR * text.length && full.length - text.length > CAPTION_STORY_MIN_CHARS) text = full;
  }
  return { images, lineAuthors, lineEmails, lineDates, contentHtml, text, linkChars: linkedNonSpaceChars(out.body), paywallPrompt };
}

/** The page parsed anew, its protected addresses restored, for the lead to be read from. */
export function leadDocument(html: string): Document {
  const doc = parseHtmlDocument(html);
  if (hasProtectedEmails(html)) restoreProtectedEmails(doc as unknown as CfDocument);
  return doc as unknown as Document;
}

/** The page parsed anew with its furniture tags removed (class names kept: teaser blocks are read by them). */
export function readAgainDocument(html: string): Document {
  const again = parseHtmlDocument(html);
  openProseNoscripts(again);
  if (hasProtectedEmails(html)) restoreProtectedEmails(again as unknown as CfDocument);
  removeJunk(again as unknown as JunkDocument, { byName: false });
  return again as unknown as Document;
}
