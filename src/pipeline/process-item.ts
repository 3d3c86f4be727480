// The one path an article takes: fetch, extract, summarize, store. The CLI, the web app and
// the worker all call these functions; this folder is the only place stages are chained.
import { LedeError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import type { ExtractedArticle, SummarizedArticle } from '../core/records.ts';
import type { ExtractOptions } from '../extract/extract-article.ts';
import { articleLanguage } from '../language/detect-language.ts';
import { type FetchOptions, fetchUrl } from '../fetch/fetch-url.ts';
import type { Store, SaveResult } from '../store/store.ts';
import type { ArticleSummarizer } from '../summarize/summarize-article.ts';

/** Fetch settings from the configuration. */
export interface FetchSettings {
  readonly allowPrivateNetworks: boolean;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Told of every fetch's outcome and duration (metrics). */
  readonly observe?: FetchOptions['observe'];
}

/** Turns HTML into an article: extractArticle, usually run in a worker (extract-isolated.ts). */
export type Extractor = (html: string, opts: ExtractOptions) => Promise<ExtractedArticle>;

/** What the stateless part of the pipeline needs. */
export interface ArticleDeps {
  readonly fetch: FetchSettings;
  readonly extract: Extractor;
  /** Offline summarizer, or a language model with the offline one as fallback (summarize-article.ts). */
  readonly summarize: ArticleSummarizer;
}

/** What the pipeline needs from the composition root. */
export interface PipelineDeps extends ArticleDeps {
  readonly store: Store;
  readonly log: Logger;
}

/** An HTML document already in hand (a file, a test), with the URL it stands for. */
export interface HtmlDocument {
  readonly html: string;
  readonly url: string;
}

/**
 * Extracts and summarizes a document; throws LedeError('no-article') when it holds no article.
 * `offline`: the offline summary only, the model's to follow in a 'summarize' job (summarize-job.ts).
 */
export async function articleFromDocument(
  doc: HtmlDocument,
  deps: Pick<ArticleDeps, 'extract' | 'summarize'>,
  hints: { lang?: string; offline?: boolean } = {},
): Promise<SummarizedArticle> {
  const page = await deps.extract(doc.html, { url: doc.url, lang: hints.lang });
  // The language stage: what the page declares, unless its text is in another script; otherwise detected from the text.
  const detected = articleLanguage(page.lang, page.text);
  const extracted = detected === page.lang ? page : { ...page, lang: detected };
  if (!extracted.text.trim()) throw new LedeError('no-article', `extract: no article text in ${doc.url}`);
  const { bullets, method } = await deps.summarize(
    { title: extracted.title, text: textForSummary(extracted), lang: extracted.lang ?? hints.lang },
    { bullets: 3, ...(hints.offline ? { offline: true } : {}) },
  );
  // Offline on purpose: the model's summary follows in a 'summarize' job, and the record says so.
  const summaryMethod = hints.offline && method.kind === 'extractive' && bullets.length > 0 ? { kind: 'extractive' as const, pending: true } : method;
  return { ...extracted, summary: bullets, summaryMethod };
}

/**
 * The article's text without photo captions: a caption describes a picture, not the story,
 * and must never become a summary bullet.
 */
export function textForSummary(a: Pick<ExtractedArticle, 'text' | 'images'>): string {
  const captions = a.images.map((i) => i.caption?.trim()).filter((c): c is string => !!c && c.length > 3);
  if (captions.length === 0) return a.text;
  return a.text
    .split(/\n{2,}/)
    .filter((para) => !captions.some((c) => para.trim().startsWith(c)))
    .join('\n\n');
}

/** Fetches a page and turns it into a summarized article; throws LedeError on any failure. */
export async function articleFromUrl(url: string, deps: ArticleDeps, hints: { lang?: string } = {}): Promise<SummarizedArticle> {
  const outcome = await fetchUrl(url, { ...deps.fetch, accept: 'html' });
  if (outcome.kind !== 'fetched') {
    const message = outcome.kind === 'failed' ? outcome.message : `fetch: ${url} answered 304 Not Modified`;
    // The outcome rides along as the cause, so callers can tell lasting failures from passing ones.
    throw new LedeError('fetch-failed', message, { cause: outcome });
  }
  return articleFromDocument({ html: outcome.body, url: outcome.url }, deps, hints);
}

/** Options of one ingestion. */
export interface IngestOptions {
  readonly sourceId?: string | null;
  /** The feed entry this article came from, so polls skip it next time. */
  readonly entryKey?: string;
  readonly lang?: string;
  /** Store the offline summary; the caller queues the 'summarize' job for the model's. */
  readonly offlineSummary?: boolean;
  /** The caller has just read the source (an article job): it is not read again. A source deleted in between fails the save on its reference. */
  readonly sourceRead?: boolean;
}

/** Fetches, extracts, summarizes and stores one article (one transaction; nothing stored on failure). */
export async function ingestUrl(url: string, deps: PipelineDeps, opts: IngestOptions = {}): Promise<SaveResult> {
  const article = await articleFromUrl(url, deps, { lang: opts.lang });
  return saveArticle(article, deps, opts);
}

/** Extracts, summarizes and stores a document already in hand. */
export async function ingestDocument(doc: HtmlDocument, deps: PipelineDeps, opts: IngestOptions = {}): Promise<SaveResult> {
  const article = await articleFromDocument(doc, deps, { lang: opts.lang, offline: opts.offlineSummary });
  return saveArticle(article, deps, opts);
}

async function saveArticle(article: SummarizedArticle, deps: PipelineDeps, opts: IngestOptions): Promise<SaveResult> {
  if (opts.sourceId && !opts.sourceRead && !(await deps.store.getSource(opts.sourceId))) {
    throw new LedeError('not-found', `ingest: no source with id ${opts.sourceId}`);
  }
  const result = await deps.store.saveArticle(article, { sourceId: opts.sourceId ?? null, entryKey: opts.entryKey });
  deps.log.info('article stored', { article_id: result.article.id, created: result.created, url: article.canonicalUrl });
  return result;
}
