// The summarize stage as the pipeline calls it: the LLM summary when an Llm is configured and
// its answer passes validation, else the offline extractive summary. It never fails because
// of the LLM: every LLM problem becomes a logged fallback, and the result says how the
// summary was made so the page can say so.
import { createHash } from 'node:crypto';
import { isLlmError, type Llm, type LlmErrorCode } from './llm.ts';
import { PROMPT_VERSION, summarizeWithLlm, type LlmSummaryInput } from './llm-summarize.ts';
import { summarize } from './summarize.ts';

/** Why an LLM summary was not used: an LlmError code, or 'unexpected' for anything else. */
export type SummaryFallbackCode = LlmErrorCode | 'unexpected';

/** How a summary was made: offline extraction (with the reason when the LLM failed) or a named model. */
export type SummaryMethod =
  | { readonly kind: 'extractive'; readonly fallback?: SummaryFallbackCode }
  | { readonly kind: 'llm'; readonly model: string };

/** Summary bullets and how they were made. */
export interface SummaryResult {
  readonly bullets: string[];
  readonly method: SummaryMethod;
}

/** What createArticleSummarizer needs. */
export interface ArticleSummarizerDeps {
  /** The model to ask; without one every summary is extractive. */
  readonly llm?: Llm;
  /** Most LLM summaries kept in memory, keyed by content hash (default 1,000; 0 turns the cache off). */
  readonly cacheSize?: number;
  /** Receives one warning per fallback, with the reason code as a field. */
  readonly log?: { warn(msg: string, fields?: Record<string, unknown>): void };
  /** Rough token budget for the article sent to the model (default 3,000). */
  readonly maxArticleTokens?: number;
}

/** Options of one summary. */
export interface ArticleSummaryOptions {
  /** Most bullets wanted (default 3). */
  readonly bullets?: number;
  /** Stops waiting for the model; the result is then the extractive summary. */
  readonly signal?: AbortSignal;
  /** The offline summary only, even with a model configured (a 'summarize' job asks the model later). */
  readonly offline?: boolean;
}

/** Summarizes one article; resolves with extractive bullets whenever the LLM cannot deliver. */
export type ArticleSummarizer = (input: LlmSummaryInput, opts?: ArticleSummaryOptions) => Promise<SummaryResult>;

/** Creates the summarize stage: LLM with cache and fallback when `deps.llm` is set, offline otherwise. */
export function createArticleSummarizer(deps: ArticleSummarizerDeps = {}): ArticleSummarizer {
  const { llm, log } = deps;
  const cacheSize = deps.cacheSize ?? 1000;
  // A Map iterates in insertion order, so re-inserting on a hit makes the first key the least recently used.
  const cache = new Map<string, readonly string[]>();
  // Identical articles summarized at the same time (one story in two feeds) share one request.
  // They share the first caller's AbortSignal too; an abort there sends both to the fallback.
  const inFlight = new Map<string, Promise<string[]>>();

  return async function summarizeArticle(input, opts = {}) {
    // The offline summary is cheap (a millisecond or two) and is both the fallback and the
    // measure of how many bullets the article can support: a two-sentence brief gets two, so
    // the model is never pushed to invent a third.
    const extractive = await summarize(input.text, { lang: input.lang, bullets: opts.bullets ?? 3 });
    if (!llm || opts.offline || extractive.length === 0) return { bullets: extractive, method: { kind: 'extractive' } };
    const n = extractive.length;
    const method: SummaryMethod = { kind: 'llm', model: llm.model };
    const key = createHash('sha256')
      .update(JSON.stringify([PROMPT_VERSION, llm.model, input.lang ?? '', n, input.title ?? '', input.text]))
      .digest('hex');

    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return { bullets: [...hit], method };
    }
    let pending = inFlight.get(key);
    if (!pending) {
      const maxArticleTokens = deps.maxArticleTokens;
      pending = summarizeWithLlm(input, llm, {
        bullets: n,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(maxArticleTokens !== undefined ? { maxArticleTokens } : {}),
      }).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    try {
      const bullets = await pending;
      if (cacheSize > 0) {
        cache.set(key, Object.freeze([...bullets]));
        while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      }
      return { bullets: [...bullets], method };
    } catch (e) {
      // Failures are not cached: the next attempt at this article may well succeed.
      const code: SummaryFallbackCode = isLlmError(e) ? e.code : 'unexpected';
      if (code !== 'llm-aborted') {
        log?.warn('summarize: LLM summary failed, using the extractive summary', {
          code,
          model: llm.model,
          reason: e instanceof Error ? e.message : String(e),
        });
      }
      return { bullets: extractive, method: { kind: 'extractive', fallback: code } };
    }
  };
}
