// Many source checks in one UPDATE: a polling round records thousands of them, mostly 304s, and
// one statement per check costs more than the check itself. The rows go in as a VALUES list
// (`with v(...) as (values ...) update sources ... from v`, the same text on SQLite and
// PostgreSQL); checks that set different columns go in separate statements.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './rows.ts';
import type { SourceCheck } from './store.ts';

/** One check to record. */
export interface SourceCheckRow {
  readonly id: string;
  readonly check: SourceCheck;
}

/** Optional columns of a check: [field of SourceCheck, column, SQL type]. */
const OPTIONAL = [
  ['etag', 'etag', 'text'],
  ['lastModified', 'last_modified', 'text'],
  ['intervalMinutes', 'poll_interval_minutes', 'integer'],
  ['retryAfterUntil', 'retry_after_until', 'text'],
] as const;

/** Rows per statement: 9 parameters a row stays far below either dialect's limit. */
const ROWS_PER_STATEMENT = 200;

/**
 * Splits checks into statements: same optional columns, each source once per statement (a
 * second check of a source goes in a later statement, so the last one still wins), order kept.
 */
export function planCheckBatches(rows: readonly SourceCheckRow[]): SourceCheckRow[][] {
  const batches: SourceCheckRow[][] = [];
  let current: SourceCheckRow[] = [];
  let shape = '';
  let ids = new Set<string>();
  for (const row of rows) {
    const s = shapeOf(row.check);
    if (current.length > 0 && (s !== shape || ids.has(row.id) || current.length >= ROWS_PER_STATEMENT)) {
      batches.push(current);
      current = [];
      ids = new Set();
    }
    shape = s;
    current.push(row);
    ids.add(row.id);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function shapeOf(check: SourceCheck): string {
  return OPTIONAL.map(([field]) => (check[field] === undefined ? '0' : '1')).join('');
}

/** Writes one planned batch (same shape, distinct ids) in one statement; see checkColumns for the meaning. */
export async function writeCheckBatch(db: Kysely<Database>, batch: readonly SourceCheckRow[]): Promise<void> {
  const first = batch[0];
  if (!first) return;
  const optional = OPTIONAL.filter(([field]) => first.check[field] !== undefined);
  const names = ['id', 'checked_at', 'next_check_at', 'error', ...optional.map(([, column]) => column)];
  const values = batch.map(({ id, check }) => {
    const cells: RawBuilder<unknown>[] = [
      sql`cast(${id} as text)`,
      sql`cast(${check.checkedAt} as text)`,
      sql`cast(${check.nextCheckAt} as text)`,
      sql`cast(${check.error} as text)`,
      ...optional.map(([field, , type]) => sql`cast(${check[field] ?? null} as ${sql.raw(type)})`),
    ];
    return sql`(${sql.join(cells)})`;
  });
  const sets = [
    sql`last_checked_at = v.checked_at`,
    sql`next_check_at = v.next_check_at`,
    sql`last_error = v.error`,
    sql`poll_lease_until = null`,
    sql`last_success_at = case when v.error is null then v.checked_at else sources.last_success_at end`,
    sql`error_count = case when v.error is null then 0 else sources.error_count + 1 end`,
    ...optional.map(([, column]) => sql`${sql.ref(column)} = v.${sql.ref(column)}`),
  ];
  await sql`with v(${sql.join(names.map((n) => sql.ref(n)))}) as (values ${sql.join(values)})
    update sources set ${sql.join(sets)} from v where sources.id = v.id`.execute(db);
}
