// The 'summarize' job: a stored article gets its summary from the language model. Article jobs
// store the offline summary at once (a page never waits for, or lacks, a summary) and queue
// this job when a model is configured, so a slow or rate-limited model holds up no fetching.
// Safe to run twice: an article whose summary already came from the model is left alone, and a
// summary is written only onto the version of the article it was made from.
import { LlmError, type LlmErrorCode } from '../summarize/llm.ts';
import type { JobPayload, Queue } from '../queue/queue.ts';
import { textForSummary, type PipelineDeps } from './process-item.ts';

/** What became of the job. */
export type SummarizeOutcome = 'summarized' | 'kept-offline' | 'already-summarized' | 'gone';

/** Model failures worth another attempt later; the rest (refusal, broken answers) keep the offline summary. */
const PASSING: ReadonlySet<string> = new Set<LlmErrorCode>(['llm-timeout', 'llm-rate-limited', 'llm-http', 'llm-network']);

/** Retries of a summarize job after its first failure. */
export const SUMMARIZE_RETRY_LIMIT = 3;

/** Queues the model's summary of a stored article (one open job per article). */
export function queueSummary(queue: Pick<Queue, 'send'>, articleId: string): Promise<string | null> {
  return queue.send('summarize', { articleId }, { singletonKey: articleId, retryLimit: SUMMARIZE_RETRY_LIMIT, retryDelaySeconds: 60 });
}

/** Handles one 'summarize' job; throws when the model should be asked again later. */
export async function summarizeStored(job: JobPayload<'summarize'>, deps: Pick<PipelineDeps, 'store' | 'summarize' | 'log'>): Promise<SummarizeOutcome> {
  const article = await deps.store.getArticle(job.articleId);
  if (!article) return 'gone';
  if (article.summaryMethod?.kind === 'llm') return 'already-summarized';
  const { bullets, method } = await deps.summarize({ title: article.title, text: textForSummary(article), lang: article.lang }, { bullets: 3 });
  if (method.kind !== 'llm') {
    // The summarizer never throws; a passing model failure comes back as a fallback code.
    if (method.fallback && PASSING.has(method.fallback)) throw new LlmError(method.fallback as LlmErrorCode, `summarize: the model failed (${method.fallback}); retrying later`);
    return 'kept-offline';
  }
  const written = await deps.store.setSummary(article.id, { summary: bullets, method, ifUpdatedAt: article.updatedAt });
  // Saved again meanwhile: that save's own job may have been refused as a duplicate of this one, so this one tries again.
  if (!written) throw new Error(`summarize: article ${article.id} changed while it was being summarized; retrying`);
  deps.log.info('article summarized', { article_id: article.id, model: method.model });
  return 'summarized';
}
