// Polls one source's feed and ingests the entries it has not seen yet.
import { isLedeError } from '../core/errors.ts';
import type { FeedEntry, FetchFailureReason, FetchOutcome, Source } from '../core/records.ts';
import { fetchUrl } from '../fetch/fetch-url.ts';
import { parseFeed } from '../fetch/parse-feed.ts';
import { ingestUrl, type PipelineDeps } from './process-item.ts';

/** What one refresh did. */
export type RefreshOutcome =
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'refreshed'; readonly entries: number; readonly ingested: number; readonly failed: number };

/** Poll settings from the configuration. */
export interface RefreshSettings {
  readonly intervalMinutes: number;
  /** At most this many new entries are ingested per poll; the rest wait for the next one. */
  readonly maxEntriesPerPoll?: number;
}

const entryKey = (e: FeedEntry): string | undefined => e.id || e.link;

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

/** Fetches the source's feed (conditionally), ingests new entries oldest first, and records the check. */
export async function refreshSource(
  source: Source,
  deps: PipelineDeps,
  settings: RefreshSettings,
): Promise<RefreshOutcome> {
  const checkedAt = new Date();
  const next = (minutes: number) => new Date(checkedAt.getTime() + minutes * 60_000).toISOString();
  if (!source.feedUrl) return { kind: 'failed', error: 'poll: source has no feed URL' };

  const outcome = await fetchUrl(source.feedUrl, {
    ...deps.fetch,
    accept: 'feed',
    etag: source.etag,
    lastModified: source.lastModified,
  });
  if (outcome.kind === 'not-modified') {
    await deps.store.recordSourceCheck(source.id, { checkedAt: checkedAt.toISOString(), nextCheckAt: next(settings.intervalMinutes), error: null });
    return { kind: 'not-modified' };
  }
  if (outcome.kind === 'failed') return fail(source, deps, settings, checkedAt, outcome.message);

  let entries: readonly FeedEntry[];
  try {
    entries = (await parseFeed(outcome.bytes, { url: outcome.url, contentType: outcome.contentType })).entries;
  } catch (e) {
    return fail(source, deps, settings, checkedAt, e instanceof Error ? e.message : String(e));
  }

  const keyed = entries.filter((e) => entryKey(e) && e.link);
  const seen = await deps.store.seenEntries(source.id, keyed.map((e) => entryKey(e)!));
  // Feeds list newest first; ingesting oldest first keeps arrival order natural.
  const fresh = keyed.filter((e) => !seen.has(entryKey(e)!)).reverse().slice(0, settings.maxEntriesPerPoll ?? 50);
  let ingested = 0;
  let failed = 0;
  for (const entry of fresh) {
    const key = entryKey(entry)!;
    try {
      await ingestUrl(entry.link!, deps, { sourceId: source.id, entryKey: key, lang: source.lang });
      ingested++;
    } catch (e) {
      failed++;
      deps.log.warn('entry failed', { source_id: source.id, url: entry.link, error: e instanceof Error ? e.message : String(e) });
      if (isPermanent(e)) await deps.store.markEntriesSeen(source.id, [key]);
    }
  }
  await deps.store.recordSourceCheck(source.id, {
    checkedAt: checkedAt.toISOString(),
    nextCheckAt: next(settings.intervalMinutes),
    error: null,
    etag: outcome.etag ?? null,
    lastModified: outcome.lastModified ?? null,
  });
  deps.log.info('source refreshed', { source_id: source.id, entries: entries.length, ingested, failed });
  return { kind: 'refreshed', entries: entries.length, ingested, failed };
}

async function fail(
  source: Source,
  deps: PipelineDeps,
  settings: RefreshSettings,
  checkedAt: Date,
  error: string,
): Promise<RefreshOutcome> {
  // Back off: a failing source is retried after twice the interval, never silently dropped.
  const nextCheckAt = new Date(checkedAt.getTime() + 2 * settings.intervalMinutes * 60_000).toISOString();
  await deps.store.recordSourceCheck(source.id, { checkedAt: checkedAt.toISOString(), nextCheckAt, error });
  deps.log.warn('source failed', { source_id: source.id, error });
  return { kind: 'failed', error };
}
