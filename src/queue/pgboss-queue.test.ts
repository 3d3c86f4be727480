// The pg-boss queue against the real PostgreSQL: validated payloads, singletons, retries into
// the dead letter, many workers never running a job twice, graceful stop.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { silentLogger } from '../core/log.ts';
import { openPgBossQueue } from './pgboss-queue.ts';
import type { Queue } from './queue.ts';

const PG_URL = process.env.LEDE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `lede_boss_test_${process.pid}_${Date.now().toString(36)}`;
const reachable = await (async () => {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
})();

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('pg-boss queue', { skip: reachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)` }, () => {
  const open: Queue[] = [];
  const openQueue = async () => {
    const q = await openPgBossQueue({ connectionString: PG_URL, schema, log: silentLogger, pollingIntervalSeconds: 0.5, maxConnections: 3 });
    open.push(q);
    return q;
  };
  before(async () => {
    await openQueue();
  });
  after(async () => {
    await Promise.all(open.map((q) => q.stop({ timeoutMs: 2000 })));
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('should refuse an invalid payload and keep one queued job per singleton key', async () => {
    const q = open[0]!;
    await assert.rejects(q.send('fetch-article', { sourceId: 's1' } as never));
    await assert.rejects(q.send('fetch-article', { sourceId: 's1', entryKey: 'e', url: 'x' } as never), /unrecognized/i);
    const first = await q.send('poll-source', { sourceId: 'single' }, { singletonKey: 'single', startAfter: new Date(Date.now() + 3_600_000) });
    const second = await q.send('poll-source', { sourceId: 'single' }, { singletonKey: 'single' });
    assert.ok(first);
    assert.equal(second, null);
    assert.equal((await q.counts())['poll-source'].queued, 1);
  });

  it('should run every job exactly once across two processes with several workers each', async () => {
    const [a, b] = [open[0]!, await openQueue()];
    const runs = new Map<string, number>();
    const handler = async (job: { data: { sourceId: string; entryKey: string } }) => {
      runs.set(job.data.entryKey, (runs.get(job.data.entryKey) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    };
    await a.work('fetch-article', { concurrency: 3 }, handler);
    await b.work('fetch-article', { concurrency: 3 }, handler);
    const created = await a.sendMany('fetch-article', Array.from({ length: 60 }, (_, i) => ({ data: { sourceId: 's', entryKey: `e${i}` }, opts: { singletonKey: `s:e${i}` } })));
    assert.equal(created, 60);
    await waitFor(() => runs.size === 60);
    await waitFor(async () => (await a.counts())['fetch-article'].completed === 60);
    assert.deepEqual([...runs.values()].filter((n) => n !== 1), []);
  });

  it('should retry a failing job with backoff and then park it in the dead letter', async () => {
    const q = open[0]!;
    let attempts = 0;
    await q.work('poll-source', { concurrency: 1 }, async (job) => {
      if (job.data.sourceId !== 'doomed') return;
      attempts++;
      throw new Error(`poll: boom ${job.attempt}`);
    });
    await q.send('poll-source', { sourceId: 'doomed' }, { retryLimit: 1, retryDelaySeconds: 1 });
    await waitFor(async () => (await q.failedJobs(10)).some((j) => (j.data as { sourceId?: string }).sourceId === 'doomed'), 30_000);
    assert.equal(attempts, 2);
    const failed = (await q.failedJobs(10)).find((j) => (j.data as { sourceId?: string }).sourceId === 'doomed')!;
    assert.match(failed.error, /boom 2/);
    assert.equal(failed.attempts, 2);
  });

  it('should let a running job finish on a graceful stop', async () => {
    const q = await openQueue();
    let finished = false;
    let started = false;
    await q.work('fetch-article', { concurrency: 1 }, async (job) => {
      if (job.data.sourceId !== 'slow') return;
      started = true;
      await new Promise((r) => setTimeout(r, 1500));
      finished = true;
    });
    // Only this queue's worker is left on the queue: stop the others' workers first.
    await Promise.all(open.filter((x) => x !== q).map((x) => x.stop({ timeoutMs: 2000 })));
    await q.send('fetch-article', { sourceId: 'slow', entryKey: 'x' });
    await waitFor(() => started);
    await q.stop({ timeoutMs: 10_000 });
    assert.equal(finished, true);
  });
});
