// The 'fetch-article' job: one queued feed entry becomes an article. robots.txt is asked first
// (a disallowed page is skipped, with the reason on the entry), the page is fetched within the
// per-host limits (and the host's Crawl-delay), then extracted, summarized and stored. A lasting
// failure marks the entry failed; a passing one is thrown so the queue retries it with backoff,
// until the entry's attempts run out. Safe to run twice: an entry no longer queued is left alone.
import { LedeError, RetryAfterError } from '../core/errors.ts';
import { fetchUrl } from '../fetch/fetch-url.ts';
import type { HostGate } from '../fetch/host-limiter.ts';
import type { RobotsCheck } from '../fetch/robots.ts';
import type { JobPayload, Queue } from '../queue/queue.ts';
import { ingestDocument, type PipelineDeps } from './process-item.ts';
import { isPermanent } from './refresh-feed.ts';
import { queueSummary } from './summarize-job.ts';

/** What became of the entry. */
export type EntryOutcome = 'stored' | 'skipped' | 'failed' | 'gone' | 'already-handled';

/** What processing an entry needs besides the pipeline. */
export interface EntryDeps extends PipelineDeps {
  readonly hosts?: HostGate;
  readonly robots?: RobotsCheck;
  /** With a language model configured: store the offline summary and queue a 'summarize' job here. */
  readonly summaryJobs?: Pick<Queue, 'send'>;
}

/** How long a job waits when robots.txt cannot be read (the cache asks again after 10 minutes). */
const ROBOTS_RETRY_MS = 10 * 60_000;

const text = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 1000);

/** Handles one 'fetch-article' job; throws when it should be retried later. */
export async function processEntry(job: JobPayload<'fetch-article'>, deps: EntryDeps, opts: { maxAttempts?: number } = {}): Promise<EntryOutcome> {
  const { sourceId, entryKey } = job;
  const maxAttempts = opts.maxAttempts ?? 4;
  const entry = await deps.store.getFeedEntry(sourceId, entryKey);
  const source = entry && (await deps.store.getSource(sourceId));
  if (!entry || !source) {
    deps.log.debug('entry gone', { source_id: sourceId, entry_key: entryKey }); // its source was deleted
    return 'gone';
  }
  if (entry.state !== 'queued') {
    deps.log.debug('entry already handled', { source_id: sourceId, entry_key: entryKey, state: entry.state });
    return 'already-handled';
  }
  const url = entry.url;
  if (!url) {
    await deps.store.markFeedEntry(sourceId, entryKey, { state: 'skipped', error: 'poll: entry has no link to fetch' });
    return 'skipped';
  }

  // Counts this attempt; the entry fails for good when its attempts are spent.
  const retryLater = async (error: string, retry: Error): Promise<EntryOutcome> => {
    const spent = entry.attempts + 1 >= maxAttempts;
    await deps.store.markFeedEntry(sourceId, entryKey, { state: spent ? 'failed' : 'queued', error: spent ? `${error} (gave up after ${maxAttempts} attempts)` : error, attempt: true });
    if (spent) {
      deps.log.warn('entry failed', { source_id: sourceId, entry_key: entryKey, url, error });
      return 'failed';
    }
    throw retry;
  };

  const verdict = deps.robots ? await deps.robots.check(url) : { allowed: true as const };
  if (!verdict.allowed) {
    const reason = verdict.reason ?? 'robots: disallowed';
    if (verdict.unavailable) return retryLater(reason, new RetryAfterError(reason, ROBOTS_RETRY_MS));
    await deps.store.markFeedEntry(sourceId, entryKey, { state: 'skipped', error: reason });
    deps.log.info('entry skipped', { source_id: sourceId, entry_key: entryKey, url, reason });
    return 'skipped';
  }

  try {
    // Each hop waits for a slot of its own host; the Crawl-delay spaces requests to the entry's host.
    const gate = deps.hosts ? { hosts: deps.hosts, ...(verdict.crawlDelayMs ? { spacingMs: verdict.crawlDelayMs } : {}) } : {};
    const outcome = await fetchUrl(url, { ...deps.fetch, accept: 'html', keepAlive: true, ...gate });
    if (outcome.kind !== 'fetched') {
      const message = outcome.kind === 'failed' ? outcome.message : `fetch: ${url} answered 304 Not Modified`;
      if (outcome.kind === 'failed' && outcome.retryAfterSeconds !== undefined) {
        deps.hosts?.pause(outcome.url, Date.now() + Math.min(60, outcome.retryAfterSeconds) * 1000);
        throw new RetryAfterError(message, outcome.retryAfterSeconds * 1000);
      }
      // The outcome rides along as the cause, so isPermanent can tell lasting failures from passing ones.
      throw new LedeError('fetch-failed', message, { cause: outcome });
    }
    const saved = await ingestDocument({ html: outcome.body, url: outcome.url }, deps, { sourceId, entryKey, lang: source.lang, offlineSummary: !!deps.summaryJobs, sourceRead: true });
    const method = saved.article.summaryMethod;
    if (deps.summaryJobs && method?.kind === 'extractive' && method.pending) await queueSummary(deps.summaryJobs, saved.article.id);
    return 'stored';
  } catch (e) {
    if (isPermanent(e)) {
      await deps.store.markFeedEntry(sourceId, entryKey, { state: 'failed', error: text(e), attempt: true });
      deps.log.info('entry failed', { source_id: sourceId, entry_key: entryKey, url, error: text(e) });
      return 'failed';
    }
    return retryLater(text(e), e instanceof Error ? e : new Error(text(e)));
  }
}
