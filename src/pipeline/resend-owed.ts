// The outbox sweep for a queue outside the store's database (pg-boss): a poll commits its entries
// as 'queued' and then sends their jobs. Should the process die between the two, or the send fail,
// the entries' rows still say a job is owed; this finds queued entries with no open job and sends
// them again. Sending twice is harmless: the queue keeps one queued job per entry, and the job
// leaves an entry that is no longer queued alone.
import type { Logger } from '../core/log.ts';
import type { Queue } from '../queue/queue.ts';
import type { Store } from '../store/store.ts';
import { articleJob } from './refresh-feed.ts';

/** What the sweep needs. */
export interface ResendDeps {
  readonly store: Store;
  readonly queue: Queue;
  readonly log: Logger;
}

/** Options of one sweep. */
export interface ResendOptions {
  /** Entries changed more recently than this are left to the poll that is sending them (default 60 s). */
  readonly graceMs?: number;
  /** At most this many entries are looked at per sweep, oldest keys first (default 10,000). */
  readonly maxEntries?: number;
  readonly retryLimit?: number;
  readonly now?: number;
}

const PAGE = 500;

/** Sends a job for every queued entry that has none; returns how many were sent. */
export async function resendOwedEntries(deps: ResendDeps, opts: ResendOptions = {}): Promise<number> {
  const before = new Date((opts.now ?? Date.now()) - (opts.graceMs ?? 60_000)).toISOString();
  const max = opts.maxEntries ?? 10_000;
  let after: { sourceId: string; entryKey: string } | undefined;
  let looked = 0;
  let sent = 0;
  while (looked < max) {
    const owed = await deps.store.owedFeedEntries({ before, limit: Math.min(PAGE, max - looked), ...(after ? { after } : {}) });
    if (owed.length === 0) break;
    looked += owed.length;
    after = owed[owed.length - 1];
    const jobs = owed.map((e) => articleJob(e.sourceId, e.entryKey, opts.retryLimit));
    const open = await deps.queue.openKeys('fetch-article', jobs.map((j) => j.singletonKey!));
    const missing = jobs.filter((j) => !open.has(j.singletonKey!));
    if (missing.length > 0) {
      sent += await deps.queue.sendMany(
        'fetch-article',
        missing.map((j) => ({ data: j.data as { sourceId: string; entryKey: string }, opts: { singletonKey: j.singletonKey!, retryLimit: j.retryLimit ?? 3 } })),
      );
    }
    if (owed.length < PAGE) break;
  }
  if (sent > 0) deps.log.warn('queue: sent article jobs that were owed', { jobs: sent, looked });
  return sent;
}
