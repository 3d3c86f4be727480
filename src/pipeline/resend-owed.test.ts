// The outbox sweep against real stores and queues: entries recorded as queued whose jobs were
// never sent (a process died between the poll's commit and its send) get exactly one job each,
// entries with an open job or changed a moment ago are left alone, and a second sweep sends nothing.
// SQLite with the embedded queue, and PostgreSQL with pg-boss (skipped without PostgreSQL).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { silentLogger } from '../core/log.ts';
import { createDbQueue } from '../queue/db-queue.ts';
import { openPgBossQueue } from '../queue/pgboss-queue.ts';
import type { Queue } from '../queue/queue.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { NewFeedEntry, Store } from '../store/store.ts';
import { resendOwedEntries } from './resend-owed.ts';
import { dropSchemas, PG_URL, pgReachable } from '../store/postgres/pg-test-support.ts';

const pgSchema = `lede_owed_test_${process.pid}_${Date.now().toString(36)}`;
const tmp = mkdtempSync(join(tmpdir(), 'lede-owed-'));
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await dropSchemas(pgSchema, `${pgSchema}_pgboss`);
});

const entry = (key: string): NewFeedEntry => ({ entryKey: key, url: `https://p.example/${key}`, canonicalUrl: `https://p.example/${key}`, contentHash: `h-${key}` });
const check = () => ({ checkedAt: new Date().toISOString(), nextCheckAt: '2999-01-01T00:00:00.000Z', error: null, intervalMinutes: 30 });

function sweepSuite(name: string, open: () => Promise<{ store: Store; queue: Queue }>, skip?: string) {
  describe(`resending owed article jobs (${name})`, { skip }, () => {
    it('should send one job per queued entry that has none, and nothing on the next sweep', async () => {
      const { store, queue } = await open();
      try {
        const source = await store.addSource({ name: 'Owed', feedUrl: 'https://p.example/feed.xml' });
        // Polls recorded with no job: what a process killed right after the commit leaves.
        const keys = Array.from({ length: 1203 }, (_, i) => `e${i}`);
        await store.recordFeedPoll(source.id, keys.map(entry), check());
        // One entry already has its job, one is done.
        await queue.send('fetch-article', { sourceId: source.id, entryKey: 'e0' }, { singletonKey: `${source.id}:e0` });
        await store.markFeedEntry(source.id, 'e1', { state: 'done' });
        const now = Date.now() + 120_000;

        // Past the grace period, every queued entry but e0 (open job) is owed; e1 is not queued.
        const sent = await resendOwedEntries({ store, queue, log: silentLogger }, { now });
        assert.equal(sent, 1201);
        const open = await queue.openKeys('fetch-article', keys.map((k) => `${source.id}:${k}`));
        assert.equal(open.size, 1202, 'every queued entry now has exactly one open job');
        assert.ok(!open.has(`${source.id}:e1`));
        assert.equal((await queue.counts())['fetch-article'].queued, 1202);
        assert.equal(await resendOwedEntries({ store, queue, log: silentLogger }, { now }), 0, 'a second sweep finds nothing owed');

        // Entries changed within the grace period are the poll's own to send.
        const fresh = await store.addSource({ name: 'Fresh', feedUrl: 'https://p.example/fresh.xml' });
        await store.recordFeedPoll(fresh.id, [entry('f1'), entry('f2')], check());
        assert.equal(await resendOwedEntries({ store, queue, log: silentLogger }), 0);
        assert.equal(await resendOwedEntries({ store, queue, log: silentLogger }, { now: Date.now() + 61_000 }), 2, 'and owed once the grace is over');
      } finally {
        await queue.stop({ timeoutMs: 1000 });
        await store.close();
      }
    });
  });
}

sweepSuite('SQLite, embedded queue', async () => {
  const store = openSqliteStore(join(tmp, 'owed.sqlite'));
  await store.migrate();
  return { store, queue: createDbQueue({ database: store.sharedDatabase(), log: silentLogger }) };
});

sweepSuite(
  'PostgreSQL, pg-boss',
  async () => {
    const store = openPostgresStore({ connectionString: PG_URL, schema: pgSchema });
    await store.migrate();
    const queue = await openPgBossQueue({ connectionString: PG_URL, schema: `${pgSchema}_pgboss`, log: silentLogger, maxConnections: 2 });
    return { store, queue };
  },
  pgReachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)`,
);
