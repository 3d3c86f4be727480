// For tests that use the real PostgreSQL (127.0.0.1:5432, trust auth, database `test`, or
// LEDE_TEST_DATABASE_URL): whether it answers, a schema name of the test's own, and cleanup.
// Tests skip their PostgreSQL parts with `pgSkip` when it does not answer.
import pg from 'pg';

/** The test database. */
export const PG_URL = process.env.LEDE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when PostgreSQL answered at PG_URL (checked once per test file, 3 s timeout). */
export const pgReachable: boolean = await (async () => {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
})();

/** The `skip` option of a PostgreSQL test or suite: undefined when it can run, else why not. */
export const pgSkip: string | undefined = pgReachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)`;

/** A schema name no other test run uses: `<prefix>_<pid>_<time>`. */
export function testSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

/** Drops these schemas (and everything in them) if they exist; nothing when PostgreSQL is not there. */
export async function dropSchemas(...schemas: string[]): Promise<void> {
  if (!pgReachable) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
