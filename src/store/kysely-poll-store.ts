// Queries of polling, written once for every dialect: claiming due sources, recording a poll's
// entries (deduplicated) with their jobs in one transaction, and what became of each entry.
// Claims differ by dialect only in how the write lock is taken (BEGIN IMMEDIATE on SQLite,
// FOR UPDATE SKIP LOCKED on PostgreSQL). KyselyStore (kysely-store.ts) builds on this class.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Source } from '../core/records.ts';
import { KyselyAdminStore } from './kysely-admin-store.ts';
import { type Database, type FeedEntryRow, sourceRowToSource } from './rows.ts';
import { chunks, writeFeedPoll } from './feed-poll-writes.ts';
import { planCheckBatches, type SourceCheckRow, writeCheckBatch } from './source-check-batch.ts';
import type { FeedEntryState, FeedPollResult, JobRequest, NewFeedEntry, SharedDatabase, SourceCheck, StoredFeedEntry } from './store.ts';

/** A write waiting for the next group commit: a function of the transaction, or a source check. */
type PendingWrite = ({ readonly run: (db: Kysely<Database>) => Promise<unknown> } | { readonly check: SourceCheckRow }) & {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
};

/** How long the first recording of a group waits for others before the group commits. */
const GROUP_LINGER_MS = 25;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const STATES: readonly FeedEntryState[] = ['queued', 'done', 'failed', 'skipped'];

function entryFromRow(r: Selectable<FeedEntryRow>): StoredFeedEntry {
  return {
    sourceId: r.source_id,
    entryKey: r.entry_key,
    ...(r.url ? { url: r.url } : {}),
    ...(r.canonical_url ? { canonicalUrl: r.canonical_url } : {}),
    ...(r.title ? { title: r.title } : {}),
    ...(r.published_at ? { publishedAt: r.published_at } : {}),
    state: r.state as FeedEntryState,
    attempts: Number(r.attempts),
    ...(r.error ? { error: r.error } : {}),
    ...(r.article_id ? { articleId: r.article_id } : {}),
    seenAt: r.seen_at,
  };
}

/** Polling queries over a Kysely database with Lede's schema. */
export class KyselyPollStore extends KyselyAdminStore {
  constructor(
    db: Kysely<Database>,
    protected readonly dialect: 'sqlite' | 'postgres',
  ) {
    super(db);
  }

  /**
   * Runs `fn` in a write transaction. On SQLite it starts with BEGIN IMMEDIATE: a deferred
   * transaction that reads and then writes fails at once (SQLITE_BUSY, no wait) when another
   * process wrote in between, while IMMEDIATE waits its turn (busy_timeout).
   */
  protected writeTransaction<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.db.transaction().execute(fn);
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw e;
      }
    });
  }

  /** Poll recordings waiting for the next group commit. */
  private readonly pending: PendingWrite[] = [];
  private flushing = false;
  private lingering: NodeJS.Timeout | null = null;

  /**
   * Runs `fn` atomically, in a group commit: recordings that arrive while one commits are written
   * together in the next transaction, each within a savepoint of its own, so one that fails rolls
   * back alone and the others still commit. All or nothing per call, one commit per group: a
   * commit rewrites every page it touched, and polls touch the same pages (the ends of the tables).
   */
  protected groupWrite<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => this.enqueue({ run: fn, resolve: resolve as (v: unknown) => void, reject }));
  }

  private enqueue(write: PendingWrite): void {
    this.pending.push(write);
    // A group lingers a moment before its commit: a commit writes every page its group touched,
    // and a polling round's recordings arrive a few at a time, spread over the whole table.
    if (!this.flushing && !this.lingering) {
      this.lingering = setTimeout(() => {
        this.lingering = null;
        void this.flush();
      }, GROUP_LINGER_MS);
    }
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, 256);
        const outcomes: Outcome[] = [];
        try {
          await this.writeTransaction(async (db) => {
            for (let i = 0; i < group.length; ) {
              // A run of checks goes in as a few multi-row statements.
              const checks: SourceCheckRow[] = [];
              for (let w = group[i]; w && 'check' in w; w = group[i + checks.length]) checks.push(w.check);
              if (checks.length > 0) {
                for (const batch of planCheckBatches(checks)) {
                  // SQLite undoes a failed statement alone, so one statement needs no savepoint there.
                  const o = await this.attempt(db, this.dialect === 'sqlite', () => writeCheckBatch(db, batch));
                  for (let k = 0; k < batch.length; k++) outcomes.push(o);
                }
                i += checks.length;
                continue;
              }
              const item = group[i++]!;
              if ('run' in item) outcomes.push(await this.attempt(db, false, () => item.run(db)));
            }
          });
        } catch (error) {
          // The commit itself failed: nothing of the group was written.
          for (const item of group) item.reject(error);
          continue;
        }
        group.forEach((item, i) => {
          const o = outcomes[i]!;
          if (o.ok) item.resolve(o.value);
          else item.reject(o.error);
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Runs one write of a group; one that fails rolls back alone (in a savepoint, unless `oneStatement` on SQLite). */
  private async attempt(db: Kysely<Database>, oneStatement: boolean, run: () => Promise<unknown>): Promise<Outcome> {
    if (oneStatement) {
      try {
        return { ok: true, value: await run() };
      } catch (error) {
        return { ok: false, error };
      }
    }
    await sql`savepoint feed_poll`.execute(db);
    try {
      const value = await run();
      await sql`release savepoint feed_poll`.execute(db);
      return { ok: true, value };
    } catch (error) {
      await sql`rollback to savepoint feed_poll`.execute(db);
      await sql`release savepoint feed_poll`.execute(db);
      return { ok: false, error };
    }
  }

  sharedDatabase(): SharedDatabase {
    return { dialect: this.dialect, db: this.db as unknown as Kysely<unknown> };
  }

  async claimSources(opts: { now: string; limit: number; leaseUntil: string; all?: boolean; notCheckedSince?: string }): Promise<readonly Source[]> {
    const { now, leaseUntil } = opts;
    const limit = Math.max(1, Math.floor(opts.limit));
    let due = this.db
      .selectFrom('sources')
      .select('id')
      .where('feed_url', 'is not', null)
      .where((eb) => eb.or([eb('poll_lease_until', 'is', null), eb('poll_lease_until', '<=', now)]))
      .where((eb) => eb.or([eb('retry_after_until', 'is', null), eb('retry_after_until', '<=', now)]));
    if (!opts.all) due = due.where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]));
    const since = opts.notCheckedSince;
    if (since) due = due.where((eb) => eb.or([eb('last_checked_at', 'is', null), eb('last_checked_at', '<', since)]));
    // Most overdue first; the random part of the id spreads sources of one host over the batch.
    // (next_check_at ascending with NULLs first, as SQLite sorts them anyway: its index serves the order.)
    const ordered = due.orderBy(sql`next_check_at asc nulls first`).orderBy(sql`substr(id, 9)`).limit(limit);
    // One statement: on SQLite an UPDATE takes the write lock before it reads (an IMMEDIATE
    // transaction of its own); on PostgreSQL SKIP LOCKED lets pollers claim side by side.
    const rows = await this.db
      .updateTable('sources')
      .set({ poll_lease_until: leaseUntil })
      .where('id', 'in', this.dialect === 'postgres' ? ordered.forUpdate().skipLocked() : ordered)
      .returningAll()
      .execute();
    return rows.map(sourceRowToSource).sort((a, b) => (a.nextCheckAt ?? '').localeCompare(b.nextCheckAt ?? ''));
  }

  async releaseSources(ids: readonly string[]): Promise<void> {
    for (const part of chunks(ids)) await this.db.updateTable('sources').set({ poll_lease_until: null }).where('id', 'in', part).execute();
  }

  recordSourceCheck(id: string, check: SourceCheck): Promise<void> {
    // In the group commit too, many to a statement: a round records thousands of checks, mostly 304s.
    return new Promise<void>((resolve, reject) => {
      this.enqueue({ check: { id, check }, resolve: () => resolve(), reject });
    });
  }

  async recordFeedPoll(
    sourceId: string,
    entries: readonly NewFeedEntry[],
    check: SourceCheck,
    opts: { job?: (entryKey: string) => JobRequest } = {},
  ): Promise<FeedPollResult> {
    const now = new Date().toISOString();
    return this.groupWrite((db) => writeFeedPoll(db, sourceId, entries, check, opts, now));
  }

  async getFeedEntry(sourceId: string, entryKey: string): Promise<StoredFeedEntry | undefined> {
    const row = await this.db.selectFrom('feed_entries').selectAll().where('source_id', '=', sourceId).where('entry_key', '=', entryKey).executeTakeFirst();
    return row ? entryFromRow(row) : undefined;
  }

  async markFeedEntry(sourceId: string, entryKey: string, update: { state: FeedEntryState; error?: string | null; attempt?: boolean }): Promise<void> {
    await this.db
      .updateTable('feed_entries')
      .set((eb) => ({
        state: update.state,
        updated_at: new Date().toISOString(),
        ...(update.error !== undefined ? { error: update.error } : {}),
        ...(update.attempt ? { attempts: eb('attempts', '+', 1) } : {}),
      }))
      .where('source_id', '=', sourceId)
      .where('entry_key', '=', entryKey)
      .execute();
  }

  async feedEntryCounts(sourceId?: string): Promise<Record<FeedEntryState, number>> {
    let q = this.db.selectFrom('feed_entries').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state');
    if (sourceId) q = q.where('source_id', '=', sourceId);
    const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<FeedEntryState, number>;
    for (const r of await q.execute()) if (STATES.includes(r.state as FeedEntryState)) counts[r.state as FeedEntryState] = Number(r.n);
    return counts;
  }

  async owedFeedEntries(opts: { before: string; limit: number; after?: { sourceId: string; entryKey: string } }): Promise<readonly { sourceId: string; entryKey: string }[]> {
    let q = this.db
      .selectFrom('feed_entries')
      .select(['source_id', 'entry_key'])
      .where('state', '=', 'queued')
      .where((eb) => eb(eb.fn.coalesce('updated_at', 'seen_at'), '<', opts.before));
    const after = opts.after;
    if (after) q = q.where((eb) => eb.or([eb('source_id', '>', after.sourceId), eb.and([eb('source_id', '=', after.sourceId), eb('entry_key', '>', after.entryKey)])]));
    const rows = await q.orderBy('source_id').orderBy('entry_key').limit(Math.max(1, opts.limit)).execute();
    return rows.map((r) => ({ sourceId: r.source_id, entryKey: r.entry_key }));
  }
}
