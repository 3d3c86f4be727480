// `lede export`/`lede import` in the store, written once for every dialect: reading every table
// a page at a time in one snapshot, and writing records in batches in one transaction.
// Both dialects read in byte order of the key, so an export of the same data is the same file
// from SQLite and from PostgreSQL whatever the database's collation. KyselyStore builds on this.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import { KyselyPollStore } from './kysely-poll-store.ts';
import type { Database } from './rows.ts';
import { TRANSFER_TYPES, type TransferCounts, type TransferRecord, type TransferStore } from './transfer-store.ts';
import { TRANSFER_TABLES, type TransferTable } from './transfer-rows.ts';

type Row = Record<string, unknown>;

// The export's server-side cursor on PostgreSQL (one at a time, in the export's transaction).
const CURSOR = 'lede_export';

/** Counts of zero for every record type. */
export function emptyCounts(): TransferCounts {
  return Object.fromEntries(TRANSFER_TYPES.map((t) => [t, 0])) as TransferCounts;
}

/** Columns per batch so one statement stays under every driver's limit on parameters. */
function batchRows(columns: number, asked?: number): number {
  const cap = Math.max(1, Math.floor(8000 / columns));
  return asked ? Math.max(1, Math.min(cap, Math.floor(asked))) : cap;
}

/** Export and import queries over a Kysely database with Lede's schema. */
export class KyselyTransferStore extends KyselyPollStore implements TransferStore {
  async *exportRecords(opts: { credentials?: boolean; pageSize?: number } = {}): AsyncIterable<TransferRecord> {
    const pageSize = Math.max(1, Math.min(10_000, Math.floor(opts.pageSize ?? 500)));
    const types = TRANSFER_TYPES.filter((t) => opts.credentials || (t !== 'admin' && t !== 'api-token'));
    // One transaction for the whole read: a consistent snapshot (WAL on SQLite, REPEATABLE READ
    // on PostgreSQL) even while web processes and workers keep writing.
    let builder = this.db.startTransaction();
    if (this.dialect === 'postgres') builder = builder.setIsolationLevel('repeatable read').setAccessMode('read only');
    const trx = await builder.execute();
    try {
      for (const type of types) {
        const spec = TRANSFER_TABLES[type];
        const pages = this.dialect === 'postgres' ? cursorPages(trx, spec, pageSize) : keysetPages(trx, spec, pageSize);
        for await (const rows of pages) for (const row of rows) yield spec.toRecord(row);
      }
      await trx.commit().execute();
    } catch (e) {
      await trx.rollback().execute().catch(() => undefined);
      throw e;
    } finally {
      // A consumer that stops early (break, or an error of its own) ends up here without either.
      if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => undefined);
    }
  }

  async importRecords(records: AsyncIterable<TransferRecord>, opts: { merge?: boolean; batchSize?: number } = {}): Promise<TransferCounts> {
    try {
      return await this.writeTransaction(async (trx) => {
        if (!opts.merge) await refuseNonEmpty(trx);
        const counts = emptyCounts();
        let pending: TransferRecord[] = [];
        let limit = 1;
        const flush = async () => {
          if (pending.length === 0) return;
          await upsertRows(trx, TRANSFER_TABLES[pending[0]!.type], pending);
          pending = [];
        };
        for await (const record of records) {
          // A change of type flushes first: referenced rows are written before their referrers.
          if (pending.length > 0 && (pending[0]!.type !== record.type || pending.length >= limit)) await flush();
          if (pending.length === 0) {
            const spec = TRANSFER_TABLES[record.type];
            limit = batchRows(Object.keys(spec.toRow(record)).length, opts.batchSize);
          }
          pending.push(record);
          counts[record.type]++;
        }
        await flush();
        return counts;
      });
    } catch (e) {
      if (e instanceof LedeError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      throw new LedeError('store-failed', `store: import failed, nothing was written (${message.split('\n')[0]})`, { cause: e });
    }
  }
}

/** Pages of a table on SQLite: keyset on the primary key, whose index is in byte order already. */
async function* keysetPages(db: Kysely<Database>, spec: TransferTable, pageSize: number): AsyncIterable<Row[]> {
  let last: Row | undefined;
  for (;;) {
    const conditions: RawBuilder<unknown>[] = [];
    if (spec.where) conditions.push(sql.raw(spec.where));
    if (last) conditions.push(after(spec.keys, last));
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const order = sql.join(spec.keys.map((k) => sql.ref(k)));
    const { rows } = await sql<Row>`select * from ${sql.table(spec.table)} ${where} order by ${order} limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1];
  }
}

/** `keys > last` in key order, spelled out (a, then b within equal a) so every dialect reads it. */
function after(keys: readonly string[], last: Row): RawBuilder<unknown> {
  const [first, ...rest] = keys;
  const gt = sql`${sql.ref(first!)} > ${last[first!]}`;
  if (rest.length === 0) return gt;
  return sql`(${gt} or (${sql.ref(first!)} = ${last[first!]} and ${after(rest, last)}))`;
}

/**
 * Pages of a table on PostgreSQL: one query sorted in byte order (COLLATE "C", as SQLite's
 * BINARY over UTF-8), read through a cursor.
 * Keyset pages with COLLATE "C" could not use the primary key's index (in the database's
 * collation) and would sort the whole table once per page.
 */
async function* cursorPages(db: Kysely<Database>, spec: TransferTable, pageSize: number): AsyncIterable<Row[]> {
  const where = spec.where ? sql.raw(`where ${spec.where}`) : sql``;
  const order = sql.join(spec.keys.map((k) => sql`${sql.ref(k)} collate "C"`));
  await sql`declare ${sql.raw(CURSOR)} no scroll cursor for select * from ${sql.table(spec.table)} ${where} order by ${order}`.execute(db);
  try {
    for (;;) {
      const { rows } = await sql<Row>`fetch forward ${sql.raw(String(pageSize))} from ${sql.raw(CURSOR)}`.execute(db);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageSize) return;
    }
  } finally {
    await sql`close ${sql.raw(CURSOR)}`.execute(db);
  }
}

/** Throws 'conflict' when any table an import writes holds a row (completed jobs aside). */
async function refuseNonEmpty(db: Kysely<Database>): Promise<void> {
  const held: string[] = [];
  for (const type of TRANSFER_TYPES) {
    const spec = TRANSFER_TABLES[type];
    const where = spec.where ? sql.raw(`where ${spec.where}`) : sql``;
    const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.table(spec.table)} ${where} limit 1`.execute(db);
    if (rows.length > 0) held.push(spec.table);
  }
  if (held.length > 0) {
    throw new LedeError('conflict', `store: the store is not empty (${held.join(', ')}); import into a new database, or pass --merge to upsert by id`);
  }
}

/** Inserts a batch of one type, replacing rows with the same key (the record wins). */
async function upsertRows(db: Kysely<Database>, spec: TransferTable, records: readonly TransferRecord[]): Promise<void> {
  const rows = records.map((r) => spec.toRow(r));
  const columns = Object.keys(rows[0]!);
  const update = columns.filter((c) => !spec.keys.includes(c));
  // Loosely typed: the table is picked at run time, and toRow gives exactly its columns.
  const loose = db as unknown as Kysely<Record<string, Row>>;
  await loose
    .insertInto(spec.table)
    .values(rows)
    .onConflict((oc) =>
      oc.columns([...spec.keys]).doUpdateSet(Object.fromEntries(update.map((c) => [c, sql.ref(`excluded.${c}`)]))),
    )
    .execute();
}
