// The embedded queue on a real SQLite file (two connections, as two processes would have) and on
// the real PostgreSQL (a schema of its own, dropped after): singletons, no job run twice by two
// workers, backoff, dead letter, expired leases, graceful stop.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { RetryAfterError } from '../core/errors.ts';
import { silentLogger } from '../core/log.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createDbQueue, retryDelayMs } from './db-queue.ts';
import type { Queue } from './queue.ts';
import { dropSchemas, PG_URL, pgReachable } from '../store/postgres/pg-test-support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lede-queue-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const pgSchema = `lede_queue_test_${process.pid}_${Date.now().toString(36)}`;
after(() => dropSchemas(pgSchema));

const sqliteFile = join(tmp, 'queue.sqlite');
const BACKENDS: { name: string; open: () => Store; skip?: string }[] = [
  { name: 'sqlite file', open: () => openSqliteStore(sqliteFile) },
  { name: 'postgres', open: () => openPostgresStore({ connectionString: PG_URL, schema: pgSchema }), skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL}` },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
let n = 0;
const payload = () => ({ sourceId: `s${process.pid}`, entryKey: `k${n++}-${Math.random()}` });

for (const backend of BACKENDS) {
  describe(`db queue: ${backend.name}`, { skip: backend.skip }, () => {
    const stores: Store[] = [];
    const queues: Queue[] = [];
    const open = async (opts: { leaseMs?: number } = {}) => {
      const store = backend.open();
      await store.migrate();
      stores.push(store);
      const q = createDbQueue({ database: store.sharedDatabase(), log: silentLogger, pollIntervalMs: 20, ...opts });
      queues.push(q);
      return { store, q };
    };
    const job = async (store: Store, id: string) =>
      (await sql<{ state: string; attempts: number; run_after: string; updated_at: string; last_error: string | null }>`select state, attempts, run_after, updated_at, last_error from jobs where id = ${id}`.execute(store.sharedDatabase().db)).rows[0];
    after(async () => {
      for (const q of queues) await q.stop({ timeoutMs: 100 });
      for (const s of stores) await s.close();
    });

    it('should validate payloads and keep one queued job per singleton key', async () => {
      const { q } = await open();
      await assert.rejects(q.send('fetch-article', { sourceId: '' } as never));
      const data = payload();
      const first = await q.send('fetch-article', data, { singletonKey: data.entryKey });
      assert.ok(first);
      assert.equal(await q.send('fetch-article', data, { singletonKey: data.entryKey }), null);
      const more = payload();
      assert.equal(await q.sendMany('fetch-article', [{ data: more, opts: { singletonKey: more.entryKey } }, { data: more, opts: { singletonKey: more.entryKey } }, { data: data, opts: { singletonKey: data.entryKey } }]), 1);
    });

    it('should run every job exactly once with two workers claiming at the same time', async () => {
      const a = await open();
      const b = await open();
      // Drain what earlier tests left, then count only this test's jobs.
      const ran = new Map<string, number>();
      const handler = async (j: { data: { entryKey: string } }) => {
        ran.set(j.data.entryKey, (ran.get(j.data.entryKey) ?? 0) + 1);
        await sleep(Math.random() * 5);
      };
      const keys = Array.from({ length: 120 }, () => payload());
      await a.q.sendMany('fetch-article', keys.map((data) => ({ data })));
      await a.q.work('fetch-article', { concurrency: 4 }, handler);
      await b.q.work('fetch-article', { concurrency: 4 }, handler);
      await waitFor(() => keys.every((k) => ran.has(k.entryKey)), 'all jobs to run');
      await sleep(100);
      assert.deepEqual(keys.map((k) => ran.get(k.entryKey)), keys.map(() => 1));
      await waitFor(async () => (await a.q.counts())['fetch-article'].active === 0, 'jobs to settle');
      assert.ok((await a.q.counts())['fetch-article'].completed >= 120);
      await a.q.stop();
      await b.q.stop();
    });

    it('should retry with exponential backoff, honour RetryAfterError, then rest as failed', async () => {
      const { store, q } = await open();
      const seen: number[] = [];
      const flaky = payload();
      const hopeless = payload();
      const limited = payload();
      const flakyId = (await q.send('fetch-article', flaky, { retryLimit: 5, retryDelaySeconds: 1 }))!;
      const hopelessId = (await q.send('fetch-article', hopeless, { retryLimit: 1, retryDelaySeconds: 0 }))!;
      const limitedId = (await q.send('fetch-article', limited, { retryLimit: 5, retryDelaySeconds: 600 }))!;
      await q.work('fetch-article', { concurrency: 2 }, async (j) => {
        if (j.data.entryKey === flaky.entryKey) {
          seen.push(j.attempt);
          throw new Error('poll: flaky');
        }
        if (j.data.entryKey === limited.entryKey) throw new RetryAfterError('fetch: 429', 120_000);
        throw new Error('fetch: hopeless');
      });
      await waitFor(async () => (await job(store, hopelessId))?.state === 'failed', 'the dead letter');
      const dead = (await q.failedJobs(10)).find((f) => f.id === hopelessId);
      assert.deepEqual([dead?.attempts, dead?.error, dead?.name], [2, 'fetch: hopeless', 'fetch-article']);
      await waitFor(() => seen.length >= 2, 'a retry after 1 s', 4000);
      const gap = async () => {
        const r = (await job(store, flakyId))!;
        return Date.parse(r.run_after) - Date.parse(r.updated_at);
      };
      await waitFor(async () => (await job(store, flakyId))?.state === 'queued', 'the second failure');
      assert.equal(await gap(), retryDelayMs(1, 2));
      const l = (await job(store, limitedId))!;
      assert.equal(Date.parse(l.run_after) - Date.parse(l.updated_at), 120_000);
      assert.equal((await q.counts())['fetch-article'].deferred! >= 2, true);
      await q.stop();
    });

    it('should give back the jobs of a worker whose lease expired', async () => {
      const { store, q } = await open();
      const data = payload();
      const id = (await q.send('fetch-article', data))!;
      // What a killed worker leaves behind: an active job whose lease has run out.
      await sql`update jobs set state = 'active', attempts = 1, locked_by = 'dead-worker', locked_until = ${new Date(Date.now() - 1000).toISOString()} where id = ${id}`.execute(store.sharedDatabase().db);
      const got: number[] = [];
      await q.work('fetch-article', { concurrency: 1 }, async (j) => {
        if (j.id === id) got.push(j.attempt);
      });
      await waitFor(() => got.length === 1, 'the expired job to run again');
      assert.deepEqual(got, [2]);
      await q.stop();
    });

    it('should stop gracefully: finish running jobs, or release them at the timeout', async () => {
      const first = await open();
      const quick = payload();
      const quickId = (await first.q.send('fetch-article', quick))!;
      let started = false;
      await first.q.work('fetch-article', { concurrency: 1 }, async (j) => {
        if (j.id !== quickId) return;
        started = true;
        await sleep(150);
      });
      await waitFor(() => started, 'the job to start');
      await first.q.stop({ timeoutMs: 5000 });
      assert.equal((await job(first.store, quickId))?.state, 'completed');

      const second = await open();
      const stuck = payload();
      const stuckId = (await second.q.send('fetch-article', stuck))!;
      let began = false;
      await second.q.work('fetch-article', { concurrency: 1 }, async (j) => {
        if (j.id !== stuckId) return;
        began = true;
        await new Promise(() => undefined);
      });
      await waitFor(() => began, 'the stuck job to start');
      const t0 = Date.now();
      await second.q.stop({ timeoutMs: 100 });
      assert.ok(Date.now() - t0 < 2000);
      const released = await job(second.store, stuckId);
      assert.deepEqual([released?.state, released?.attempts], ['queued', 0]);
      const third = await open();
      let again = false;
      await third.q.work('fetch-article', { concurrency: 1 }, async (j) => {
        if (j.id === stuckId) again = true;
      });
      await waitFor(() => again, 'another worker to take the released job');
      await third.q.stop();
    });
  });
}
