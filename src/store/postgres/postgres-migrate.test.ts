// Several processes migrating one fresh PostgreSQL schema at once (workers started together) must
// all succeed: the schema's creation and the migrations take turns under an advisory lock.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openPostgresStore } from './postgres-store.ts';
import { dropSchemas, PG_URL, pgReachable } from './pg-test-support.ts';

const schema = `lede_migrate_race_${process.pid}_${Date.now().toString(36)}`;

describe('PostgreSQL migrations', { skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)` }, () => {
  after(() => dropSchemas(schema));

  it('should let four stores migrate a fresh schema at the same time', async () => {
    const stores = [0, 1, 2, 3].map(() => openPostgresStore({ connectionString: PG_URL, schema, maxConnections: 2 }));
    try {
      const results = await Promise.allSettled(stores.map((s) => s.migrate()));
      assert.deepEqual(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')), ['ok', 'ok', 'ok', 'ok']);
      const source = await stores[3]!.addSource({ name: 'After the race', feedUrl: 'https://p.example/feed.xml' });
      assert.equal((await stores[0]!.getSource(source.id))?.name, 'After the race');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
