// Writing one good poll of a feed, inside the caller's transaction: its entries deduplicated
// (entry key, then canonical URL across sources, then content hash within the source), a job per
// queued entry in the embedded queue's table, and the check. KyselyPollStore runs it in a group
// commit (kysely-poll-store.ts).
import type { Kysely } from 'kysely';
import { newId } from '../core/ids.ts';
import type { Database } from './rows.ts';
import type { FeedEntryState, FeedPollResult, JobRequest, NewFeedEntry, SourceCheck } from './store.ts';

const CHUNK = 500;

/** Splits a list into chunks small enough for one statement's parameters. */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The columns a check sets on its source; also ends the poller's lease. */
export function checkColumns(check: SourceCheck) {
  return {
    last_checked_at: check.checkedAt,
    next_check_at: check.nextCheckAt,
    last_error: check.error,
    poll_lease_until: null,
    ...(check.error === null ? { last_success_at: check.checkedAt } : {}),
    ...(check.etag !== undefined ? { etag: check.etag } : {}),
    ...(check.lastModified !== undefined ? { last_modified: check.lastModified } : {}),
    ...(check.intervalMinutes !== undefined ? { poll_interval_minutes: check.intervalMinutes } : {}),
    ...(check.retryAfterUntil !== undefined ? { retry_after_until: check.retryAfterUntil } : {}),
  };
}

/** Records a good poll in `db` (a transaction): see Store.recordFeedPoll. */
export async function writeFeedPoll(
  db: Kysely<Database>,
  sourceId: string,
  entries: readonly NewFeedEntry[],
  check: SourceCheck,
  opts: { job?: (entryKey: string) => JobRequest },
  now: string,
): Promise<FeedPollResult> {
  const keys = [...new Set(entries.map((e) => e.entryKey))];
  const knownKeys = new Set<string>();
  for (const part of chunks(keys)) {
    const rows = await db.selectFrom('feed_entries').select('entry_key').where('source_id', '=', sourceId).where('entry_key', 'in', part).execute();
    for (const r of rows) knownKeys.add(r.entry_key);
  }
  const fresh = entries.filter((e) => !knownKeys.has(e.entryKey));
  const hashes = [...new Set(fresh.map((e) => e.contentHash).filter((h): h is string => !!h))];
  const knownHashes = new Set<string>();
  for (const part of chunks(hashes)) {
    const rows = await db.selectFrom('feed_entries').select('content_hash').where('source_id', '=', sourceId).where('content_hash', 'in', part).execute();
    for (const r of rows) if (r.content_hash) knownHashes.add(r.content_hash);
  }
  const urls = [...new Set(fresh.map((e) => e.canonicalUrl).filter((u): u is string => !!u))];
  const knownUrls = new Set<string>();
  for (const part of chunks(urls)) {
    // The same terms as the partial unique index, so the lookup uses it.
    const rows = await db
      .selectFrom('feed_entries')
      .select('canonical_url')
      .where('canonical_url', 'is not', null)
      .where('state', '<>', 'skipped')
      .where('canonical_url', 'in', part)
      .execute();
    for (const r of rows) if (r.canonical_url) knownUrls.add(r.canonical_url);
  }

  const toQueue: NewFeedEntry[] = [];
  const toSkip: { entry: NewFeedEntry; reason: string }[] = [];
  const seenKeys = new Set<string>();
  let known = entries.length - fresh.length;
  let duplicates = 0;
  for (const e of fresh) {
    if (seenKeys.has(e.entryKey)) {
      known++;
      continue;
    }
    seenKeys.add(e.entryKey);
    if (e.skipReason) {
      toSkip.push({ entry: e, reason: e.skipReason });
    } else if (e.canonicalUrl && knownUrls.has(e.canonicalUrl)) {
      duplicates++;
      toSkip.push({ entry: e, reason: 'poll: duplicate of an entry with the same URL' });
    } else if (e.contentHash && knownHashes.has(e.contentHash)) {
      duplicates++;
      toSkip.push({ entry: e, reason: 'poll: duplicate of an entry with the same title and summary' });
    } else {
      toQueue.push(e);
      if (e.canonicalUrl) knownUrls.add(e.canonicalUrl);
      if (e.contentHash) knownHashes.add(e.contentHash);
    }
  }

  // Columns left out (article_id, and error on queued rows) take their default, null: fewer
  // values to bind for every one of the thousands of entries a round records.
  const row = (e: NewFeedEntry, state: FeedEntryState, error?: string) => ({
    source_id: sourceId,
    entry_key: e.entryKey,
    seen_at: now,
    url: e.url ?? null,
    canonical_url: e.canonicalUrl ?? null,
    content_hash: e.contentHash ?? null,
    title: e.title ?? null,
    published_at: e.publishedAt ?? null,
    state,
    updated_at: now,
    ...(error !== undefined ? { error } : {}),
  });
  const inserted = new Set<string>();
  for (const part of chunks(toQueue)) {
    // A concurrent poll of another source may have taken a URL since the lookup: its entry
    // then conflicts on the unique index and is recorded below as a duplicate.
    const rows = await db
      .insertInto('feed_entries')
      .values(part.map((e) => row(e, 'queued')))
      .onConflict((oc) => oc.doNothing())
      .returning('entry_key')
      .execute();
    for (const r of rows) inserted.add(r.entry_key);
  }
  for (const e of toQueue) {
    if (!inserted.has(e.entryKey)) {
      duplicates++;
      toSkip.push({ entry: e, reason: 'poll: duplicate of an entry with the same URL' });
    }
  }
  for (const part of chunks(toSkip)) {
    await db.insertInto('feed_entries').values(part.map((s) => row(s.entry, 'skipped', s.reason))).onConflict((oc) => oc.doNothing()).execute();
  }
  const queued = toQueue.filter((e) => inserted.has(e.entryKey)).map((e) => e.entryKey);
  if (opts.job) {
    for (const part of chunks(queued)) await insertJobs(db, part.map(opts.job), now);
  }
  await db
    .updateTable('sources')
    .set((eb) => ({ ...checkColumns(check), error_count: check.error === null ? 0 : eb('error_count', '+', 1) }))
    .where('id', '=', sourceId)
    .execute();
  return { queued, known, duplicates, skipped: toSkip.length - duplicates };
}

/** Writes jobs into the embedded queue's table; a job whose singleton is queued or running is left out. */
async function insertJobs(db: Kysely<Database>, jobs: readonly JobRequest[], now: string): Promise<void> {
  if (jobs.length === 0) return;
  // One random id per batch, numbered: unique, in order, and cheaper than fresh randomness per job.
  const batch = newId();
  await db
    .insertInto('jobs')
    .values(
      jobs.map((j, i) => ({
        id: `${batch}${i.toString(36).padStart(4, '0')}`,
        name: j.name,
        data: JSON.stringify(j.data),
        state: 'queued',
        singleton_key: j.singletonKey ?? null,
        run_after: j.runAfter ?? now,
        retry_limit: j.retryLimit,
        retry_delay_seconds: j.retryDelaySeconds,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
