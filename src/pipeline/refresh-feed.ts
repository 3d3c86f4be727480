// Polls one source's feed: a conditional GET through the per-host limits, the feed parsed, its
// new entries deduplicated and queued as 'fetch-article' jobs in the same transaction as their
// feed_entries rows, and the next check scheduled from how often the feed publishes. A failure
// is recorded on the source (visible, counted) and backs off; it never stops the source for good.
import { isLedeError } from '../core/errors.ts';
import type { Feed, FetchFailureReason, FetchOutcome, Source } from '../core/records.ts';
import { fetchUrlThen } from '../fetch/fetch-url.ts';
import type { HostGate } from '../fetch/host-limiter.ts';
import { parseFeed, type ParseFeedOptions } from '../fetch/parse-feed.ts';
import type { JobPayload, Queue } from '../queue/queue.ts';
import type { JobRequest, NewFeedEntry } from '../store/store.ts';
import { entryForStore } from './entry-keys.ts';
import { delayAfterFailure, intervalAfterSuccess, minutesAfter, type PollPolicy, publishIntervalMinutes } from './poll-schedule.ts';
import type { PipelineDeps } from './process-item.ts';

/** What one refresh did. */
export type RefreshOutcome =
  | { readonly kind: 'not-modified'; readonly nextCheckAt: string }
  | { readonly kind: 'failed'; readonly error: string; readonly nextCheckAt: string; /** Set when the source asked to wait (429/503 Retry-After). */ readonly retryAfterMs?: number }
  | {
      readonly kind: 'refreshed';
      readonly entries: number;
      /** New entries queued as article jobs. */
      readonly queued: number;
      /** New entries skipped as duplicates (same URL, even from another source, or same content). */
      readonly duplicates: number;
      /** New entries skipped for lack of a link. */
      readonly skipped: number;
      /** More new entries than one poll takes: the rest wait for the next poll, soon. */
      readonly truncated: boolean;
      readonly nextCheckAt: string;
    };

/** Poll settings from the configuration. */
export interface RefreshSettings {
  /** Interval of a feed without dated entries (LEDE_POLL_INTERVAL_MINUTES). */
  readonly intervalMinutes: number;
  /** Bounds of the adaptive interval (default 5 and 1440 minutes, widened to include intervalMinutes). */
  readonly minMinutes?: number;
  readonly maxMinutes?: number;
  /** At most this many new entries are queued per poll (default 1000); the rest wait for the next one. */
  readonly maxEntriesPerPoll?: number;
  /** Retries of an article job after its first failure (default 3). */
  readonly retryLimit?: number;
  /**
   * The article jobs of one feed are spread this far apart (default 125 ms: a host's pace with two
   * slots resting 250 ms). Its pages cannot be fetched faster anyway, and the queue, taking jobs
   * in order, then interleaves the hosts instead of working through one feed's host at a time.
   */
  readonly articleSpacingMs?: number;
}

/** What a refresh needs besides the pipeline. */
export interface RefreshDeps extends PipelineDeps {
  /** Where article jobs go when the store cannot write them itself (a queue in another database). */
  readonly queue?: Queue;
  /** The queue's jobs live in the store's database: the store writes them in the poll's transaction. */
  readonly jobsInStore?: boolean;
  /** parseFeed, usually in a worker thread (parse-feed-isolated.ts). */
  readonly parseFeed?: (body: string | Uint8Array, opts: ParseFeedOptions) => Promise<Feed>;
  /** The process's per-host limits, shared with article fetches. */
  readonly hosts?: HostGate;
}

const LASTING: ReadonlySet<FetchFailureReason> = new Set(['invalid-url', 'blocked-address', 'too-large', 'unsupported-content-type', 'too-many-redirects']);

/** Failures that will not get better on a retry: the entry is marked seen and not fetched again. */
export function isPermanent(e: unknown): boolean {
  if (isLedeError(e, 'no-article')) return true;
  if (!isLedeError(e, 'fetch-failed')) return false;
  const outcome = e.cause as Partial<Extract<FetchOutcome, { kind: 'failed' }>> | undefined;
  if (!outcome?.reason) return false;
  // 4xx means the page is gone or forbidden, except 408 and 429, which say "later".
  if (outcome.reason === 'http-error') return !!outcome.status && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 408 && outcome.status !== 429;
  return LASTING.has(outcome.reason);
}

/** The schedule's bounds for these settings. */
export function pollPolicy(settings: RefreshSettings): PollPolicy {
  return {
    defaultMinutes: settings.intervalMinutes,
    minMinutes: Math.min(settings.minMinutes ?? 5, settings.intervalMinutes),
    maxMinutes: Math.max(settings.maxMinutes ?? 1440, settings.intervalMinutes),
  };
}

/** The article job of a feed entry. */
export function articleJob(sourceId: string, entryKey: string, retryLimit = 3): JobRequest {
  const data: JobPayload<'fetch-article'> = { sourceId, entryKey };
  return { name: 'fetch-article', data, singletonKey: `${sourceId}:${entryKey}`, retryLimit, retryDelaySeconds: 30 };
}

/** Fetches the source's feed (conditionally), queues its new entries, and records the check. */
export async function refreshSource(source: Source, deps: RefreshDeps, settings: RefreshSettings): Promise<RefreshOutcome> {
  const checkedAt = new Date();
  const policy = pollPolicy(settings);
  if (!source.feedUrl) return fail(source, deps, policy, checkedAt, 'poll: source has no feed URL');
  const feedUrl = source.feedUrl;

  // The feed is parsed while its request slot is held (each redirect hop takes a slot of its own
  // host): at most a few fetched feeds wait for the parser at any time, and only what the poll
  // needs outlives this step (not the body, not the Feed).
  const got = await fetchAndDigest(feedUrl, source, deps);
  if (got.kind === 'not-modified') {
    const intervalMinutes = intervalAfterSuccess({ publishMinutes: source.pollIntervalMinutes, maxAgeSeconds: got.maxAgeSeconds }, policy);
    const nextCheckAt = minutesAfter(checkedAt, intervalMinutes);
    await deps.store.recordSourceCheck(source.id, { checkedAt: checkedAt.toISOString(), nextCheckAt, error: null, intervalMinutes, retryAfterUntil: null });
    deps.log.debug('source not modified', { source_id: source.id, interval_minutes: intervalMinutes });
    return { kind: 'not-modified', nextCheckAt };
  }
  if (got.kind === 'failed') {
    if (got.retryAfterSeconds !== undefined) {
      // A 429/503 speaks for the whole host: everyone in this process waits a little (at most a minute).
      deps.hosts?.pause(got.url, checkedAt.getTime() + Math.min(60, got.retryAfterSeconds) * 1000);
    }
    return fail(source, deps, policy, checkedAt, got.message, got.retryAfterSeconds);
  }

  const cap = settings.maxEntriesPerPoll ?? 1000;
  let entries = got.entries;
  let truncated = false;
  if (entries.length > cap) {
    // A huge feed: take the newest entries not recorded yet, and come back soon for the rest.
    const seen = await deps.store.seenEntries(source.id, entries.map((e) => e.entryKey));
    const fresh = entries.filter((e) => !seen.has(e.entryKey));
    truncated = fresh.length > cap;
    entries = fresh.slice(0, cap);
  }
  // Feeds list newest first; queueing oldest first keeps arrival order natural.
  entries.reverse();

  const publishMinutes = publishIntervalMinutes(got.dates, checkedAt.getTime());
  const intervalMinutes = truncated ? policy.minMinutes : intervalAfterSuccess({ publishMinutes, ttlMinutes: got.ttlMinutes, maxAgeSeconds: got.maxAgeSeconds }, policy);
  const nextCheckAt = minutesAfter(checkedAt, intervalMinutes);
  const jobsInStore = deps.jobsInStore ?? false;
  const position = new Map(entries.map((e, i) => [e.entryKey, i]));
  const spacing = settings.articleSpacingMs ?? 125;
  const runAfter = (key: string) => new Date(Date.now() + Math.min(60_000, (position.get(key) ?? 0) * spacing)).toISOString();
  let result;
  try {
    result = await deps.store.recordFeedPoll(
      source.id,
      entries,
      {
        checkedAt: checkedAt.toISOString(),
        nextCheckAt,
        error: null,
        intervalMinutes,
        retryAfterUntil: null,
        // A truncated poll must fetch the whole feed again, not hear 304.
        etag: truncated ? null : (got.etag ?? null),
        lastModified: truncated ? null : (got.lastModified ?? null),
      },
      // With its singleton key, so the sweep (resend-owed.ts) can tell an entry's job is there.
      jobsInStore ? { job: (key) => ({ ...articleJob(source.id, key, settings.retryLimit), runAfter: runAfter(key) }) } : {},
    );
  } catch (e) {
    return fail(source, deps, policy, checkedAt, `poll: cannot store the feed's entries (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!jobsInStore && deps.queue && result.queued.length > 0) {
    // The entries are recorded as queued; should this send fail, their rows say what is owed.
    await deps.queue.sendMany(
      'fetch-article',
      result.queued.map((key) => ({
        data: { sourceId: source.id, entryKey: key },
        opts: { singletonKey: `${source.id}:${key}`, retryLimit: settings.retryLimit ?? 3, startAfter: new Date(runAfter(key)) },
      })),
    );
  }
  const { queued, duplicates, skipped } = result;
  deps.log.info('source refreshed', { source_id: source.id, entries: got.entryCount, queued: queued.length, duplicates, skipped, truncated, interval_minutes: intervalMinutes });
  return { kind: 'refreshed', entries: got.entryCount, queued: queued.length, duplicates, skipped, truncated, nextCheckAt };
}

/** What a poll keeps of a fetched feed. */
type Digest =
  | { readonly kind: 'not-modified'; readonly maxAgeSeconds?: number }
  | { readonly kind: 'failed'; readonly url: string; readonly message: string; readonly retryAfterSeconds?: number }
  | {
      readonly kind: 'parsed';
      readonly entries: NewFeedEntry[];
      readonly entryCount: number;
      readonly dates: (string | undefined)[];
      readonly ttlMinutes?: number;
      readonly maxAgeSeconds?: number;
      readonly etag?: string;
      readonly lastModified?: string;
    };

async function fetchAndDigest(feedUrl: string, source: Source, deps: RefreshDeps): Promise<Digest> {
  const opts = { ...deps.fetch, accept: 'feed' as const, etag: source.etag, lastModified: source.lastModified, keepAlive: true, decodeText: false, ...(deps.hosts ? { hosts: deps.hosts } : {}) };
  return fetchUrlThen(feedUrl, opts, (outcome) => digest(outcome, deps));
}

async function digest(outcome: FetchOutcome, deps: RefreshDeps): Promise<Digest> {
  if (outcome.kind === 'not-modified') return { kind: 'not-modified', maxAgeSeconds: outcome.maxAgeSeconds };
  if (outcome.kind === 'failed') return { kind: 'failed', url: outcome.url, message: outcome.message, retryAfterSeconds: outcome.retryAfterSeconds };
  let feed: Feed;
  try {
    feed = await (deps.parseFeed ?? parseFeed)(outcome.bytes, { url: outcome.url, contentType: outcome.contentType });
  } catch (e) {
    return { kind: 'failed', url: outcome.url, message: e instanceof Error ? e.message : String(e) };
  }
  return {
    kind: 'parsed',
    entries: feed.entries.map(entryForStore).filter((e): e is NewFeedEntry => !!e),
    entryCount: feed.entries.length,
    dates: feed.entries.map((e) => e.publishedAt ?? e.updatedAt),
    ttlMinutes: feed.ttlMinutes,
    maxAgeSeconds: outcome.maxAgeSeconds,
    etag: outcome.etag,
    lastModified: outcome.lastModified,
  };
}

async function fail(source: Source, deps: RefreshDeps, policy: PollPolicy, checkedAt: Date, error: string, retryAfterSeconds?: number): Promise<RefreshOutcome> {
  const interval = source.pollIntervalMinutes ?? policy.defaultMinutes;
  const delay = delayAfterFailure(interval, (source.errorCount ?? 0) + 1, policy, retryAfterSeconds);
  const nextCheckAt = minutesAfter(checkedAt, delay);
  await deps.store.recordSourceCheck(source.id, {
    checkedAt: checkedAt.toISOString(),
    nextCheckAt,
    error: error.split('\n')[0]!.slice(0, 1000),
    retryAfterUntil: retryAfterSeconds !== undefined ? nextCheckAt : null,
  });
  deps.log.warn('source failed', { source_id: source.id, error, next_check_at: nextCheckAt });
  return { kind: 'failed', error, nextCheckAt, ...(retryAfterSeconds !== undefined ? { retryAfterMs: Math.round(delay * 60_000) } : {}) };
}
