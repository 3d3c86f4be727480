// The poller of a process, wired from the AppContext: the scheduler (due sources, each refreshed
// within the per-host limits) and the queue's article workers. `lede start` runs both for good;
// `lede poll` runs one round and then the articles it queued. Any process command (a future
// `lede worker`) can reuse it.
import type { Config } from '../core/config.ts';
import type { Source } from '../core/records.ts';
import { type EntryOutcome, processEntry } from '../pipeline/process-entry.ts';
import { type RefreshOutcome, type RefreshSettings, refreshSource } from '../pipeline/refresh-feed.ts';
import { resendOwedEntries } from '../pipeline/resend-owed.ts';
import { resendPendingSummaries, SUMMARIZE_RETRY_LIMIT, summarizeStored } from '../pipeline/summarize-job.ts';
import { type Scheduler, startScheduler } from '../queue/scheduler.ts';
import type { AppContext } from './app-context.ts';

/** Retries of an article job after its first failure. */
const RETRY_LIMIT = 3;

/** The refresh settings of the configuration. */
export function refreshSettings(config: Config): RefreshSettings {
  return {
    intervalMinutes: config.pollIntervalMinutes,
    minMinutes: config.polling.minMinutes,
    maxMinutes: config.polling.maxMinutes,
    retryLimit: RETRY_LIMIT,
    articleSpacingMs: config.polling.hostDelayMs / config.polling.hostConcurrency,
  };
}

/** Runs a job's handler, recording its duration and outcome (`failed` by its result, or a throw) in the queue's metrics. */
async function observed<T>(app: AppContext, queue: string, run: () => Promise<T>, failed: (result: T) => boolean = () => false): Promise<T> {
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  try {
    const result = await run();
    app.metrics.observeJob(queue, failed(result) ? 'failed' : 'completed', seconds());
    return result;
  } catch (e) {
    app.metrics.observeJob(queue, 'failed', seconds());
    throw e;
  }
}

/** A running poller. */
export interface Poller {
  readonly scheduler: Scheduler;
  /** Starts the article workers, and the summarize workers when a model is configured (if not started yet). */
  startArticles(): Promise<void>;
  /** Stops polling, then the article workers (running jobs get `timeoutMs` to finish). */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

/** Options of startPoller. */
export interface PollerOptions {
  /** Time between scheduler rounds; without it the scheduler waits for runOnce. */
  readonly tickMs?: number;
  /** Start the article workers now (default true). */
  readonly articles?: boolean;
  readonly onRefresh?: (source: Source, outcome: RefreshOutcome, ms: number) => void;
  readonly onEntry?: (outcome: EntryOutcome | 'retry') => void;
  /** How often to send jobs owed to queued entries, when the queue is not in the store's database (default 2 minutes; needs tickMs). */
  readonly sweepMs?: number;
}

/** Starts the scheduler and, unless told not to, the article workers. */
export async function startPoller(app: AppContext, opts: PollerOptions = {}): Promise<Poller> {
  const settings = refreshSettings(app.config);
  const scheduler = startScheduler({
    store: app.store,
    log: app.log,
    leaseMs: app.config.polling.pollLeaseSeconds * 1000,
    // Two per request slot: when one request ends, the host's next source is already waiting for the slot.
    perHost: app.config.polling.hostConcurrency * 2,
    ...(opts.tickMs ? { tickMs: opts.tickMs } : { autoStart: false }),
    refresh: async (source) => {
      const t0 = performance.now();
      const outcome = await refreshSource(source, app.poller, settings);
      const ms = performance.now() - t0;
      app.metrics.observeJob('poll-source', outcome.kind === 'failed' ? 'failed' : 'completed', ms / 1000);
      opts.onRefresh?.(source, outcome, ms);
    },
  });
  let working = false;
  const startArticles = async () => {
    if (working) return;
    working = true;
    await app.queue.work('fetch-article', { concurrency: app.config.polling.articleConcurrency }, async (job) => {
      try {
        // Not `opts.onEntry?.(await processEntry(…))`: without a listener that would skip the work.
        const outcome = await observed(app, 'fetch-article', () => processEntry(job.data, app.poller, { maxAttempts: RETRY_LIMIT + 1 }), (o) => o === 'failed');
        opts.onEntry?.(outcome);
      } catch (e) {
        opts.onEntry?.('retry');
        throw e;
      }
    });
    // With a language model: the summaries it writes over the offline ones (summarize-job.ts).
    if (app.poller.summaryJobs) {
      await app.queue.work('summarize', { concurrency: app.config.llm?.concurrency ?? 2 }, async (job) => {
        await observed(app, 'summarize', () => summarizeStored(job.data, app.poller, { lastAttempt: job.attempt > SUMMARIZE_RETRY_LIMIT }));
      });
    }
  };
  if (opts.articles !== false) await startArticles();
  // With the queue in another database than the entries (pg-boss), a poll's commit and its send
  // are two steps; the sweep makes good what a death between them left owed. It runs with the
  // embedded queue too: entries imported without their jobs (`lede import` from PostgreSQL), or
  // whose job failed for good while the entry stayed queued, get a job again.
  let sweeper: NodeJS.Timeout | undefined;
  let firstSweep: NodeJS.Timeout | undefined;
  if (opts.tickMs) {
    let sweeping = false;
    const sweep = () => {
      if (sweeping) return;
      sweeping = true;
      resendOwedEntries({ store: app.store, queue: app.queue, log: app.log }, { retryLimit: RETRY_LIMIT })
        // Articles still waiting for the model's summary with no job to bring it.
        .then(() => (app.poller.summaryJobs ? resendPendingSummaries({ store: app.store, queue: app.queue, log: app.log }) : 0))
        .catch((e: unknown) => app.log.error('queue: sweep failed', { error: e instanceof Error ? e.message : String(e) }))
        .finally(() => (sweeping = false));
    };
    sweeper = setInterval(sweep, opts.sweepMs ?? 120_000);
    sweeper.unref();
    firstSweep = setTimeout(sweep, Math.min(opts.sweepMs ?? 120_000, 10_000));
    firstSweep.unref();
  }
  return {
    scheduler,
    startArticles,
    async stop(o = {}) {
      clearInterval(sweeper);
      clearTimeout(firstSweep);
      await scheduler.stop();
      await app.queue.stop({ timeoutMs: o.timeoutMs ?? 10_000 });
    },
  };
}
