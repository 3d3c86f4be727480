// The pg-boss queue against the real PostgreSQL: validated payloads, singletons, retries into
// the dead letter, many workers never running a job twice, graceful stop.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { RetryAfterError } from '../core/errors.ts';
import { silentLogger } from '../core/log.ts';
import { openPgBossQueue } from './pgboss-queue.ts';
import type { Queue } from './queue.ts';
import { dropSchemas, PG_URL, pgReachable } from '../store/postgres/pg-test-support.ts';

const schema = `lede_boss_test_${process.pid}_${Date.now().toString(36)}`;

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('pg-boss queue', { skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)` }, () => {
  const open: Queue[] = [];
  const lone = new Set<string>();
  // Tests whose workers must not meet the earlier tests' workers use a schema of their own (`alone`).
  const openQueue = async (extra: { expireInSeconds?: number; maintenanceIntervalSeconds?: number; alone?: string } = {}) => {
    const { alone, ...rest } = extra;
    if (alone) lone.add(`${schema}_${alone}`);
    const q = await openPgBossQueue({ connectionString: PG_URL, schema: alone ? `${schema}_${alone}` : schema, log: silentLogger, pollingIntervalSeconds: 0.5, maxConnections: 3, ...rest });
    open.push(q);
    return q;
  };
  before(async () => {
    await openQueue();
  });
  after(async () => {
    await Promise.all(open.map((q) => q.stop({ timeoutMs: 2000 })));
    await dropSchemas(schema, ...lone);
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

  it("should run 'summarize' jobs, one open job per article", async () => {
    const q = open[0]!;
    assert.ok(await q.send('summarize', { articleId: 'a1' }, { singletonKey: 'a1' }));
    assert.equal(await q.send('summarize', { articleId: 'a1' }, { singletonKey: 'a1' }), null);
    await assert.rejects(q.send('summarize', { articleId: 'a1', extra: 1 } as never), /unrecognized/i);
    assert.deepEqual([...(await q.openKeys('summarize', ['a1', 'a2']))], ['a1']);
    const seen: string[] = [];
    await q.work('summarize', { concurrency: 1 }, async (job) => void seen.push(job.data.articleId));
    await waitFor(async () => (await q.counts()).summarize.completed === 1);
    assert.deepEqual(seen, ['a1']);
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

  it('should count only new jobs in sendMany and tell which keys have an open job', async () => {
    const q = open[0]!;
    const jobs = (keys: string[]) => keys.map((k) => ({ data: { sourceId: 'many', entryKey: k }, opts: { singletonKey: `many:${k}`, startAfter: new Date(Date.now() + 3_600_000) } }));
    assert.equal(await q.sendMany('fetch-article', jobs(['a', 'b', 'c'])), 3);
    assert.equal(await q.sendMany('fetch-article', jobs(['b', 'c', 'd', 'd'])), 1, 'queued singletons and a repeat within the batch are skipped');
    assert.deepEqual([...(await q.openKeys('fetch-article', ['many:a', 'many:d', 'many:z']))].sort(), ['many:a', 'many:d']);
    assert.ok(((await q.counts())['fetch-article'].deferred ?? 0) >= 4, 'jobs not due yet are counted as deferred');
  });

  it('should give the job of a SIGKILLed worker process to another worker once it expires', async () => {
    // The dying worker is a process of its own, killed while its handler runs.
    const code = `
      const { openPgBossQueue } = await import(${JSON.stringify(new URL('./pgboss-queue.ts', import.meta.url).href)});
      const q = await openPgBossQueue({ connectionString: ${JSON.stringify(PG_URL)}, schema: ${JSON.stringify(`${schema}_killed`)}, log: { debug() {}, info() {}, warn() {}, error() {} }, pollingIntervalSeconds: 0.5, expireInSeconds: 2, maintenanceIntervalSeconds: 1 });
      await q.work('poll-source', { concurrency: 1 }, async () => { process.stdout.write('took\\n'); await new Promise(() => {}); });
      process.stdout.write('ready\\n');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('ready'), 30_000);
      const rescuer = await openQueue({ expireInSeconds: 5, maintenanceIntervalSeconds: 1, alone: 'killed' });
      await rescuer.send('poll-source', { sourceId: 'orphan' }, { retryLimit: 2, retryDelaySeconds: 1 });
      await waitFor(() => out.includes('took'));
      child.kill('SIGKILL');
      const attempts: number[] = [];
      await rescuer.work('poll-source', { concurrency: 1 }, async (job) => {
        if (job.data.sourceId === 'orphan') attempts.push(job.attempt);
      });
      await waitFor(() => attempts.length > 0, 30_000);
      assert.deepEqual(attempts, [2], 'the second attempt, in the surviving worker');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('should wait out a RetryAfterError without spending a retry', async () => {
    const q = await openQueue({ alone: 'patient' });
    const runs: number[] = [];
    await q.work('fetch-article', { concurrency: 1 }, async (job) => {
      if (job.data.sourceId !== 'patient') return;
      runs.push(Date.now());
      if (runs.length < 3) throw new RetryAfterError('host asked for a pause', 1500);
    });
    await q.send('fetch-article', { sourceId: 'patient', entryKey: 'p' }, { retryLimit: 0, singletonKey: 'patient:p' });
    await waitFor(() => runs.length === 3, 30_000);
    assert.ok(runs[1]! - runs[0]! >= 1400 && runs[2]! - runs[1]! >= 1400, 'each run waits the asked time');
    assert.ok(!(await q.failedJobs(50)).some((j) => (j.data as { sourceId?: string }).sourceId === 'patient'), 'no retry was spent (retryLimit 0)');
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

  it('should give back a job still running when the stop timeout ends, for another worker', async () => {
    const leaving = await openQueue({ alone: 'handover' });
    let took = false;
    await leaving.work('poll-source', { concurrency: 2 }, async (job) => {
      if (job.data.sourceId !== 'handover') return;
      took = true;
      await new Promise(() => {});
    });
    const staying = await openQueue({ alone: 'handover' });
    await staying.send('poll-source', { sourceId: 'handover' }, { retryLimit: 2, retryDelaySeconds: 1 });
    await waitFor(() => took);
    await leaving.stop({ timeoutMs: 300 });
    const attempts: number[] = [];
    await staying.work('poll-source', { concurrency: 1 }, async (job) => {
      if (job.data.sourceId === 'handover') attempts.push(job.attempt);
    });
    await waitFor(() => attempts.length > 0, 20_000);
    assert.deepEqual(attempts, [2]);
  });

  it('should start several processes at once on a fresh schema without a deadlock', async () => {
    const queues = await Promise.all([0, 1, 2].map(() => openQueue({ alone: 'together' })));
    assert.equal(queues.length, 3);
    assert.ok(await queues[0]!.send('poll-source', { sourceId: 'together' }));
  });
});
