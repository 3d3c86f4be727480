// Kysely builds and compiles a query on every call, and for the small lookups a page makes per
// request that costs several times what the database takes to run them (SQLite: ~50–100 µs of
// building against ~10 µs of running). The per-request reads of the reader pages are therefore
// compiled once, with placeholder values, and run with each request's values put in their place.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

const SENTINEL = '\u0000lede-param:';

/**
 * Compiles `build`'s query once, on first use, with a placeholder for each of `names`; the
 * returned function runs it with the given values.
 *
 * @example
 * const byId = preparedQuery(db, ['id'], (p) => db.selectFrom('articles').select('title').where('id', '=', p.id));
 * const { rows } = await byId({ id: 'abc' });
 */
export function preparedQuery<K extends string, O>(
  db: Kysely<never> | Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any schema
  names: readonly K[],
  build: (params: Readonly<Record<K, string>>) => Compilable<O>,
): (values: Readonly<Record<K, string>>) => Promise<QueryResult<O>> {
  let compiled: CompiledQuery<O> | undefined;
  // Per parameter of the compiled SQL: the name whose value goes there, or a constant of the query.
  let slots: ({ name: K } | { value: unknown })[] = [];
  return (values) => {
    if (!compiled) {
      const placeholders = Object.fromEntries(names.map((n) => [n, `${SENTINEL}${n}`])) as Record<K, string>;
      compiled = build(placeholders).compile();
      slots = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(SENTINEL) ? { name: p.slice(SENTINEL.length) as K } : { value: p },
      );
      for (const n of names) {
        if (!slots.some((s) => 'name' in s && s.name === n)) throw new Error(`store: prepared query does not use its parameter ${n}`);
      }
    }
    const parameters = slots.map((s) => ('name' in s ? values[s.name] : s.value));
    return db.executeQuery<O>({ ...compiled, parameters });
  };
}
