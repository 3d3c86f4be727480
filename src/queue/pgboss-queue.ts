// The queue on PostgreSQL: pg-boss in a schema of its own beside Lede's tables. Each queue is
// created with policy "short" (at most one queued job per singleton key), retries with
// exponential backoff, and a dead-letter queue of its own name + "-dead". A job whose worker died
// (SIGKILL, a lost machine) expires after `expireInSeconds` and is retried by another worker.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { RetryAfterError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { type FailedJob, type Job, JOB_SCHEMAS, type JobName, type JobPayload, parsePayload, type Queue, type QueueCounts, type SendOptions } from './queue.ts';

/** Where pg-boss keeps its tables, and how it behaves. */
export interface PgBossQueueOptions {
  readonly connectionString: string;
  /** pg-boss's schema (default "pgboss"). */
  readonly schema?: string;
  readonly log: Logger;
  /** How often idle workers look for jobs (default 1 s). */
  readonly pollingIntervalSeconds?: number;
  /** An active job not finished within this time is retried elsewhere (a killed worker's job). Default 300. */
  readonly expireInSeconds?: number;
  /** Maintenance (expiring dead workers' jobs) interval; default 30 s. */
  readonly maintenanceIntervalSeconds?: number;
  /** Pool size of pg-boss's own connections (default 4). */
  readonly maxConnections?: number;
  /** Run pg-boss's maintenance (expiring dead workers' jobs, archiving) in this process (default true). */
  readonly supervise?: boolean;
}

const NAMES = Object.keys(JOB_SCHEMAS) as JobName[];
const dead = (name: JobName) => `${name}-dead`;

function sendOptions(opts: SendOptions, expireInSeconds: number): PgBoss.SendOptions {
  return {
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    retryLimit: opts.retryLimit ?? 3,
    retryDelay: opts.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds,
  };
}

/** A job row for pg-boss's bulk insert (one statement; singleton conflicts are skipped). */
function insertRow(name: JobName, data: object, opts: SendOptions, expireInSeconds: number): PgBoss.JobInsert & { id: string } {
  return {
    id: randomUUID(),
    name,
    data,
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.startAfter ? { startAfter: opts.startAfter.toISOString() } : {}),
    retryLimit: opts.retryLimit ?? 3,
    retryDelay: opts.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds,
  } as PgBoss.JobInsert & { id: string };
}

/** Opens the pg-boss queue (creating its schema and queues on first use). */
export async function openPgBossQueue(opts: PgBossQueueOptions): Promise<Queue> {
  const schema = opts.schema ?? 'pgboss';
  const expireInSeconds = opts.expireInSeconds ?? 300;
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema,
    max: opts.maxConnections ?? 4,
    application_name: 'lede',
    expireInSeconds,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 30,
    supervise: opts.supervise ?? true,
    schedule: false,
  });
  boss.on('error', (e: Error) => opts.log.error('queue error', { error: e.message }));
  // Processes starting together on a fresh database would deadlock creating pg-boss's schema and
  // queues (seen with two workers): one at a time, under an advisory lock of this schema.
  const lock = new pg.Client({ connectionString: opts.connectionString, application_name: 'lede' });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [`lede:pgboss-setup:${schema}`]);
    await boss.start();
    for (const name of NAMES) {
      if (!(await boss.getQueue(dead(name)))) await boss.createQueue(dead(name), { name: dead(name), policy: 'standard' });
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, deadLetter: dead(name) });
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: true, timeout: 1000 }).catch(() => {});
    throw e;
  } finally {
    await lock.end().catch(() => {}); // ending the session releases the lock
  }
  const db = boss.getDb();
  const pollMs = (opts.pollingIntervalSeconds ?? 1) * 1000;
  const loops: Promise<void>[] = [];
  /** Jobs running in this process, by id, to give back on stop. */
  const running = new Map<string, { name: JobName; done: Promise<void> }>();
  let stopped = false;
  const sleepers = new Set<() => void>();
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  /** Runs one job to its end: completed, retried later (failed), or re-sent after a pause. */
  async function runJob<N extends JobName>(name: N, job: PgBoss.JobWithMetadata<unknown>, handler: (job: Job<N>) => Promise<void>): Promise<void> {
    let data: JobPayload<N>;
    try {
      data = parsePayload(name, job.data);
    } catch (e) {
      await boss.fail(name, job.id, { message: `queue: invalid payload (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    try {
      await handler({ id: job.id, name, data, attempt: job.retryCount + 1 });
      await boss.complete(name, job.id);
    } catch (e) {
      if (e instanceof RetryAfterError) {
        // The host asked for a pause (Retry-After, robots.txt unreadable): this job is done and a
        // fresh one waits that long, without spending a retry.
        await boss.complete(name, job.id);
        const again: SendOptions = { startAfter: new Date(Date.now() + e.retryAfterMs), retryLimit: job.retryLimit, retryDelaySeconds: job.retryDelay, ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}) };
        await boss.send(name, data as object, sendOptions(again, expireInSeconds));
        return;
      }
      await boss.fail(name, job.id, { message: (e instanceof Error ? e.message : String(e)).slice(0, 2000) });
    }
  }

  /**
   * Keeps up to `concurrency` jobs of a queue running: fetches as many as there are free slots,
   * at once when a slot frees, and naps `pollMs` only when the queue has nothing due. (pg-boss's
   * own work() waits its polling interval after every fetch, which caps a worker at one batch a
   * second.) A job that outlives its expiry is retried elsewhere by pg-boss's maintenance.
   */
  async function runLoop<N extends JobName>(name: N, concurrency: number, handler: (job: Job<N>) => Promise<void>): Promise<void> {
    const mine = new Set<Promise<void>>();
    while (!stopped) {
      const free = concurrency - mine.size;
      if (free <= 0) {
        await Promise.race(mine);
        continue;
      }
      let jobs: PgBoss.JobWithMetadata<unknown>[] = [];
      try {
        jobs = (await boss.fetch<unknown>(name, { batchSize: free, includeMetadata: true })) ?? [];
      } catch (e) {
        if (stopped) break;
        opts.log.error('queue: cannot fetch jobs', { queue: name, error: e instanceof Error ? e.message : String(e) });
      }
      if (stopped) {
        // Fetched while stopping: give them straight back.
        if (jobs.length) await boss.fail(name, jobs.map((j) => j.id)).catch(() => {});
        break;
      }
      for (const job of jobs) {
        const done: Promise<void> = runJob(name, job, handler)
          .catch((e: unknown) => opts.log.error('queue: cannot settle a job', { queue: name, job_id: job.id, error: e instanceof Error ? e.message : String(e) }))
          .finally(() => {
            mine.delete(done);
            running.delete(job.id);
          });
        mine.add(done);
        running.set(job.id, { name, done });
      }
      if (jobs.length === 0) await (mine.size ? Promise.race([nap(pollMs), ...mine]) : nap(pollMs));
    }
  }

  return {
    async send<N extends JobName>(name: N, data: JobPayload<N>, options?: SendOptions): Promise<string | null> {
      return boss.send(name, JOB_SCHEMAS[name].parse(data) as object, sendOptions(options ?? {}, expireInSeconds));
    },

    async sendMany<N extends JobName>(name: N, jobs: readonly { data: JobPayload<N>; opts?: SendOptions }[]): Promise<number> {
      const rows = jobs.map((job) => insertRow(name, JOB_SCHEMAS[name].parse(job.data) as object, job.opts ?? {}, expireInSeconds));
      let created = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        // The insert skips singleton conflicts without saying which: count the ids that landed.
        await boss.insert(part);
        const { rows: got } = await db.executeSql(`select count(*)::int as n from ${schema}.job where name = $1 and id = any($2::uuid[])`, [name, part.map((r) => r.id)]);
        created += (got as { n: number }[])[0]?.n ?? 0;
      }
      return created;
    },

    async openKeys(name: JobName, keys: readonly string[]): Promise<Set<string>> {
      const open = new Set<string>();
      for (let i = 0; i < keys.length; i += 1000) {
        const { rows } = await db.executeSql(`select distinct singleton_key from ${schema}.job where name = $1 and state < 'completed' and singleton_key = any($2)`, [name, keys.slice(i, i + 1000)]);
        for (const r of rows as { singleton_key: string }[]) open.add(r.singleton_key);
      }
      return open;
    },

    async work<N extends JobName>(name: N, options: { concurrency: number }, handler: (job: Job<N>) => Promise<void>): Promise<void> {
      if (stopped) throw new Error('queue: stopped');
      loops.push(runLoop(name, Math.max(1, Math.floor(options.concurrency)), handler));
    },

    async counts(): Promise<Record<JobName, QueueCounts>> {
      const { rows } = await db.executeSql(
        `select name, state, (start_after > now())::int as later, count(*)::int as n from ${schema}.job where name = any($1) group by name, state, later`,
        [[...NAMES, ...NAMES.map(dead)]],
      );
      const out = Object.fromEntries(NAMES.map((n) => [n, { queued: 0, deferred: 0, active: 0, failed: 0, completed: 0 }])) as Record<
        JobName,
        { queued: number; deferred: number; active: number; failed: number; completed: number }
      >;
      for (const r of rows as { name: string; state: string; later: number; n: number }[]) {
        const base = r.name.endsWith('-dead') ? (r.name.slice(0, -5) as JobName) : (r.name as JobName);
        const c = out[base];
        if (!c) continue;
        if (r.name.endsWith('-dead')) c.failed += r.n;
        else if (r.state === 'created' || r.state === 'retry') {
          c.queued += r.n;
          if (r.later) c.deferred += r.n;
        }
        else if (r.state === 'active') c.active += r.n;
        else if (r.state === 'completed') c.completed += r.n;
      }
      return out;
    },

    async failedJobs(limit: number): Promise<readonly FailedJob[]> {
      const { rows } = await db.executeSql(
        `select id, name, data, output, completed_on, retry_count from ${schema}.job where name = any($1) and state = 'failed' order by completed_on desc nulls last limit $2`,
        [NAMES, Math.max(1, Math.min(500, limit))],
      );
      return (rows as { id: string; name: JobName; data: unknown; output: unknown; completed_on: Date | null; retry_count: number }[]).map((r) => ({
        id: r.id,
        name: r.name,
        data: r.data,
        error: typeof r.output === 'object' && r.output && 'message' in r.output ? String((r.output as { message: unknown }).message) : JSON.stringify(r.output ?? null),
        failedAt: (r.completed_on ?? new Date(0)).toISOString(),
        attempts: r.retry_count + 1,
      }));
    },

    async stop(options?: { timeoutMs?: number }): Promise<void> {
      if (stopped) return;
      stopped = true;
      for (const wake of [...sleepers]) wake();
      // Graceful: take no more jobs, let the running ones finish within the timeout, and give the
      // rest back (failed, so they are retried by another worker) before closing the pool.
      const timeoutMs = options?.timeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.all([...loops, ...[...running.values()].map((r) => r.done)]), timedOut]);
      clearTimeout(timer);
      for (const [id, job] of running) await boss.fail(job.name, id, { message: 'queue: worker stopped before the job finished' }).catch(() => {});
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    },
  };
}
