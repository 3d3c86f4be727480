// The 'summarize' job: a stored article gets its summary from the language model. Article jobs
// store the offline summary at once, marked pending (a page never waits for, or lacks, a
// summary), and queue this job when a model is configured, so a slow or rate-limited model holds
// up no fetching. Safe to run twice: an article whose summary already came from the model is
// left alone, and a summary is written only onto the version of the article it was made from.
// The sweep (resendPendingSummaries) sends the job again for an article still pending without
// one, e.g. when the worker died between storing the article and sending its job.
import type { Logger } from '../core/log.ts';
import type { SummaryMethod } from '../core/records.ts';
import type { JobPayload, Queue } from '../queue/queue.ts';
import type { Store } from '../store/store.ts';
import { LlmError, type LlmErrorCode } from '../summarize/llm.ts';
import { textForSummary, type PipelineDeps } from './process-item.ts';

/** What became of the job. */
export type SummarizeOutcome = 'summarized' | 'kept-offline' | 'already-summarized' | 'gone';

/** Model failures worth another attempt later; the rest (refusal, broken answers) keep the offline summary. */
const PASSING: ReadonlySet<string> = new Set<LlmErrorCode>(['llm-timeout', 'llm-rate-limited', 'llm-http', 'llm-network']);

/** Retries of a summarize job after its first failure. */
export const SUMMARIZE_RETRY_LIMIT = 3;

/** The options of an article's summarize job: one open job per article, retried with backoff. */
const jobOptions = (articleId: string) => ({ singletonKey: articleId, retryLimit: SUMMARIZE_RETRY_LIMIT, retryDelaySeconds: 60 });

/** Queues the model's summary of a stored article (one open job per article). */
export function queueSummary(queue: Pick<Queue, 'send'>, articleId: string): Promise<string | null> {
  return queue.send('summarize', { articleId }, jobOptions(articleId));
}

/**
 * Handles one 'summarize' job; throws when the model should be asked again later. On the
 * `lastAttempt` a passing failure keeps the offline summary for good instead.
 */
export async function summarizeStored(
  job: JobPayload<'summarize'>,
  deps: Pick<PipelineDeps, 'store' | 'summarize' | 'log'>,
  opts: { lastAttempt?: boolean } = {},
): Promise<SummarizeOutcome> {
  const article = await deps.store.getArticle(job.articleId);
  if (!article) return 'gone';
  if (article.summaryMethod?.kind === 'llm') return 'already-summarized';
  const { bullets, method } = await deps.summarize({ title: article.title, text: textForSummary(article), lang: article.lang }, { bullets: 3 });
  let written: boolean;
  if (method.kind === 'llm') {
    written = await deps.store.setSummary(article.id, { summary: bullets, method, ifUpdatedAt: article.updatedAt });
  } else {
    // The summarizer never throws; a model failure comes back as a fallback code.
    if (method.fallback && PASSING.has(method.fallback) && !opts.lastAttempt) {
      throw new LlmError(method.fallback as LlmErrorCode, `summarize: the model failed (${method.fallback}); retrying later`);
    }
    // The offline summary stays, no longer pending, with the reason the model's was not used.
    const kept: SummaryMethod = { kind: 'extractive', ...(method.fallback ? { fallback: method.fallback } : {}) };
    written = await deps.store.setSummary(article.id, { summary: article.summary, method: kept, ifUpdatedAt: article.updatedAt });
  }
  // Saved again meanwhile: that save's own job may have been refused as a duplicate of this one, so this one tries again.
  if (!written) throw new Error(`summarize: article ${article.id} changed while it was being summarized; retrying`);
  if (method.kind !== 'llm') return 'kept-offline';
  deps.log.info('article summarized', { article_id: article.id, model: method.model });
  return 'summarized';
}

/** What the sweep needs. */
export interface SummarySweepDeps {
  readonly store: Pick<Store, 'pendingSummaries'>;
  readonly queue: Pick<Queue, 'openKeys' | 'sendMany'>;
  readonly log: Logger;
}

/**
 * Sends a 'summarize' job for every article still waiting for the model's summary that has no
 * open job: stored in the last `withinMs` (default a day) and not changed in the last `graceMs`
 * (default a minute, the time its own article job needs to send it). Returns how many were sent.
 */
export async function resendPendingSummaries(deps: SummarySweepDeps, opts: { withinMs?: number; graceMs?: number; now?: number; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  const ids = await deps.store.pendingSummaries({
    since: new Date(now - (opts.withinMs ?? 86_400_000)).toISOString(),
    before: new Date(now - (opts.graceMs ?? 60_000)).toISOString(),
    limit: opts.limit ?? 1000,
  });
  if (ids.length === 0) return 0;
  const open = await deps.queue.openKeys('summarize', ids);
  const missing = ids.filter((id) => !open.has(id));
  if (missing.length === 0) return 0;
  const sent = await deps.queue.sendMany(
    'summarize',
    missing.map((articleId) => ({ data: { articleId }, opts: jobOptions(articleId) })),
  );
  if (sent > 0) deps.log.warn('queue: sent summarize jobs that were owed', { jobs: sent });
  return sent;
}
