// Kysely builds and compiles a query on every call, and runs it through its connection provider
// (a mutex on SQLite, a pool checkout on PostgreSQL); for the small lookups a page makes per
// request that costs several times what the database takes to run them (SQLite: ~50–100 µs of
// building and ~40 µs of executor against ~15 µs of running). The per-request reads of the reader
// pages are therefore compiled once, with placeholder values, and run with each request's values
// put in their place, through a ReadRunner when the dialect gives one.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

const SENTINEL = '\u0000lede-param:';

/**
 * Runs one compiled read outside Kysely's executor: SQLite on a read-only connection of its own
 * (committed data only, never waiting behind a write transaction of the pipeline), PostgreSQL as
 * a named prepared statement (parsed and planned once per connection).
 */
export type ReadRunner = (name: string, sql: string, parameters: readonly unknown[]) => Promise<readonly unknown[]>;

/**
 * Compiles `build`'s query once, on first use, with a placeholder for each of `names`; the
 * returned function runs it with the given values, through `runner` when given.
 *
 * @example
 * const byId = preparedQuery(db, 'article_title', ['id'], (p) => db.selectFrom('articles').select('title').where('id', '=', p.id));
 * const rows = await byId({ id: 'abc' });
 */
export function preparedQuery<K extends string, O>(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any schema
  name: string,
  names: readonly K[],
  build: (params: Readonly<Record<K, string>>) => Compilable<O>,
  runner?: ReadRunner,
): (values: Readonly<Record<K, string>>) => Promise<readonly O[]> {
  let compiled: CompiledQuery<O> | undefined;
  // Per parameter of the compiled SQL: the name whose value goes there, or a constant of the query.
  let slots: ({ name: K } | { value: unknown })[] = [];
  return async (values) => {
    if (!compiled) {
      const placeholders = Object.fromEntries(names.map((n) => [n, `${SENTINEL}${n}`])) as Record<K, string>;
      compiled = build(placeholders).compile();
      slots = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(SENTINEL) ? { name: p.slice(SENTINEL.length) as K } : { value: p },
      );
      for (const n of names) {
        if (!slots.some((s) => 'name' in s && s.name === n)) throw new Error(`store: prepared query ${name} does not use its parameter ${n}`);
      }
    }
    const parameters = slots.map((s) => ('name' in s ? values[s.name] : s.value));
    if (runner) return (await runner(name, compiled.sql, parameters)) as readonly O[];
    return (await db.executeQuery<O>({ ...compiled, parameters })).rows;
  };
}
