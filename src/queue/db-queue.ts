// The embedded queue: jobs in a table of the store's own database, so one machine needs nothing
// but its SQLite file (PostgreSQL works too). A worker claims jobs with one UPDATE … RETURNING:
// inside BEGIN IMMEDIATE on SQLite (one writer at a time, across processes), with FOR UPDATE SKIP
// LOCKED on PostgreSQL. A claim is a lease, renewed while the handler runs; a killed worker's jobs
// come back when it expires. Failures retry with exponential backoff, then rest as 'failed'.
// The table is created by the store's migrations (004_polling); its columns are mirrored here.
import { hostname } from 'node:os';
import { type Kysely, type Selectable, sql } from 'kysely';
import { RetryAfterError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Logger } from '../core/log.ts';
import type { SharedDatabase } from '../store/store.ts';
import { type FailedJob, type Job, JOB_SCHEMAS, type JobName, type JobPayload, parsePayload, type Queue, type QueueCounts, type SendOptions } from './queue.ts';

interface JobTable {
  id: string;
  name: string;
  data: string;
  state: string;
  singleton_key: string | null;
  run_after: string;
  attempts: number;
  retry_limit: number;
  retry_delay_seconds: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}
type QueueDb = Kysely<{ jobs: JobTable }>;
type JobRecord = Selectable<JobTable>;

/** Options of the embedded queue. */
export interface DbQueueOptions {
  readonly database: SharedDatabase;
  readonly log: Logger;
  /** How often an idle worker looks for due jobs (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** A claimed job whose lease is not renewed within this time goes back to the queue (default 300 s). */
  readonly leaseMs?: number;
  /** Completed jobs are deleted after this long (default 1 day). */
  readonly keepCompletedMs?: number;
}

const NAMES = Object.keys(JOB_SCHEMAS) as JobName[];

/** A payload that does not match its schema: it never will, so the job fails without a retry. */
class InvalidPayloadError extends Error {}
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 2000);
const iso = (ms: number): string => new Date(ms).toISOString();

/** The delay before retry number `attempt` (1 after the first failure): base × 2^(attempt−1), at most a day. */
export function retryDelayMs(baseSeconds: number, attempt: number): number {
  return Math.min(86_400_000, baseSeconds * 1000 * 2 ** Math.max(0, attempt - 1));
}

/** Opens the embedded queue over the store's database. */
export function createDbQueue(opts: DbQueueOptions): Queue {
  const db = opts.database.db.withTables<{ jobs: JobTable }>() as unknown as QueueDb;
  const postgres = opts.database.dialect === 'postgres';
  const pollMs = opts.pollIntervalMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 300_000;
  const keepMs = opts.keepCompletedMs ?? 86_400_000;
  const me = `${hostname()}:${process.pid}:${newId()}`;
  const running = new Map<string, Promise<void>>();
  const wakers = new Set<() => void>();
  const loops: Promise<void>[] = [];
  let stopped = false;
  let prunedAt = 0;
  let heartbeat: NodeJS.Timeout | null = null;

  // sendMany's one transaction; on SQLite BEGIN IMMEDIATE waits for the write lock up front.
  async function writeTx<T>(fn: (tx: QueueDb) => Promise<T>): Promise<T> {
    if (postgres) return db.transaction().execute(fn);
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw e;
      }
    });
  }

  function row(name: JobName, data: unknown, o: SendOptions = {}, now = Date.now()): JobTable {
    return {
      id: newId(now),
      name,
      data: JSON.stringify(JOB_SCHEMAS[name].parse(data)),
      state: 'queued',
      singleton_key: o.singletonKey ?? null,
      run_after: iso(Math.max(now, o.startAfter?.getTime() ?? now)),
      attempts: 0,
      retry_limit: Math.max(0, Math.floor(o.retryLimit ?? 3)),
      retry_delay_seconds: Math.max(0, Math.round(o.retryDelaySeconds ?? 30)),
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: iso(now),
      updated_at: iso(now),
      completed_at: null,
    };
  }

  async function claim(name: JobName, n: number): Promise<JobRecord[]> {
    const now = Date.now();
    // Leases that ran out belong to workers that died or hung: their jobs go back (or rest, when spent).
    await db
      .updateTable('jobs')
      .set({
        state: sql<string>`case when attempts > retry_limit then 'failed' else 'queued' end`,
        last_error: 'queue: lease expired (the worker stopped or hung)',
        locked_by: null,
        locked_until: null,
        run_after: iso(now),
        updated_at: iso(now),
      })
      .where('state', '=', 'active')
      .where('locked_until', '<', iso(now))
      .execute();
    // One statement: on SQLite an UPDATE takes the write lock before it reads (an IMMEDIATE
    // transaction of its own), so no two processes claim one job, and the lock is never held
    // across an await; on PostgreSQL SKIP LOCKED lets workers claim side by side.
    const due = db.selectFrom('jobs').select('id').where('name', '=', name).where('state', '=', 'queued').where('run_after', '<=', iso(now)).orderBy('run_after').orderBy('id').limit(n);
    const rows = await db
      .updateTable('jobs')
      .set((eb) => ({ state: 'active', attempts: eb('attempts', '+', 1), locked_by: me, locked_until: iso(now + leaseMs), updated_at: iso(now) }))
      .where('id', 'in', postgres ? due.forUpdate().skipLocked() : due)
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.run_after.localeCompare(b.run_after) || a.id.localeCompare(b.id));
  }

  // Every update of a claimed job checks it is still ours: an expired lease may have passed it on.
  const mine = (id: string) => db.updateTable('jobs').where('id', '=', id).where('locked_by', '=', me).where('state', '=', 'active');

  async function settle(job: JobRecord, error: unknown): Promise<void> {
    const now = Date.now();
    if (error === undefined) {
      await mine(job.id).set({ state: 'completed', completed_at: iso(now), updated_at: iso(now), locked_by: null, locked_until: null }).execute();
      return;
    }
    const spent = job.attempts > job.retry_limit || error instanceof InvalidPayloadError;
    const delay = error instanceof RetryAfterError ? error.retryAfterMs : retryDelayMs(job.retry_delay_seconds, job.attempts);
    await mine(job.id)
      .set({
        state: spent ? 'failed' : 'queued',
        run_after: iso(now + (spent ? 0 : delay)),
        last_error: message(error),
        updated_at: iso(now),
        locked_by: null,
        locked_until: null,
      })
      .execute();
    if (spent) opts.log.warn('job failed for good', { job_id: job.id, queue: job.name, attempts: job.attempts, error: message(error) });
  }

  function run<N extends JobName>(name: N, job: JobRecord, handler: (job: Job<N>) => Promise<void>): void {
    const task = (async () => {
      let outcome: unknown;
      try {
        let data: JobPayload<N>;
        try {
          data = parsePayload(name, JSON.parse(job.data));
        } catch (e) {
          throw new InvalidPayloadError(`queue: invalid payload of job ${job.id} (${message(e)})`);
        }
        await handler({ id: job.id, name, data, attempt: job.attempts });
      } catch (e) {
        outcome = e ?? new Error('queue: handler threw nothing');
      }
      await settle(job, outcome);
    })()
      .catch((e: unknown) => opts.log.error('queue: cannot record a job outcome', { job_id: job.id, error: message(e) }))
      .finally(() => {
        running.delete(job.id);
        for (const wake of wakers) wake();
      });
    running.set(job.id, task);
  }

  async function renewLeases(): Promise<void> {
    const ids = [...running.keys()];
    if (ids.length === 0) return;
    await db.updateTable('jobs').set({ locked_until: iso(Date.now() + leaseMs) }).where('locked_by', '=', me).where('state', '=', 'active').where('id', 'in', ids).execute();
  }

  async function prune(): Promise<void> {
    if (Date.now() - prunedAt < 600_000) return;
    prunedAt = Date.now();
    await db.deleteFrom('jobs').where('state', '=', 'completed').where('completed_at', '<', iso(Date.now() - keepMs)).execute();
  }

  async function release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // Not the job's fault: the attempt is given back.
    await db
      .updateTable('jobs')
      .set((eb) => ({ state: 'queued', attempts: eb('attempts', '-', 1), locked_by: null, locked_until: null, run_after: iso(Date.now()), updated_at: iso(Date.now()) }))
      .where('locked_by', '=', me)
      .where('state', '=', 'active')
      .where('id', 'in', [...ids])
      .execute();
  }

  async function loop<N extends JobName>(name: N, concurrency: number, handler: (job: Job<N>) => Promise<void>, own: Set<string>): Promise<void> {
    while (!stopped) {
      const free = concurrency - [...own].filter((id) => running.has(id)).length;
      let claimed = 0;
      if (free > 0) {
        try {
          const jobs = await claim(name, free);
          claimed = jobs.length;
          if (stopped) {
            await release(jobs.map((j) => j.id));
            break;
          }
          for (const job of jobs) {
            own.add(job.id);
            run(name, job, handler);
          }
          await prune();
        } catch (e) {
          opts.log.error('queue: claim failed', { queue: name, error: message(e) });
        }
      }
      for (const id of own) if (!running.has(id)) own.delete(id);
      // Full, or nothing due: wait for a handler to finish or for the next look.
      if (claimed === 0 || claimed === free) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            wakers.delete(done);
            resolve();
          };
          const timer = setTimeout(done, claimed === 0 ? pollMs : 60_000);
          wakers.add(done);
        });
      }
    }
  }

  return {
    async send(name, data, o) {
      const inserted = await db.insertInto('jobs').values(row(name, data, o)).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      return inserted?.id ?? null;
    },

    async sendMany(name, jobs) {
      const rows = jobs.map((j) => row(name, j.data, j.opts));
      return writeTx(async (tx) => {
        let created = 0;
        for (let i = 0; i < rows.length; i += 200) {
          const r = await tx.insertInto('jobs').values(rows.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).returning('id').execute();
          created += r.length;
        }
        return created;
      });
    },

    async work(name, o, handler) {
      if (stopped) throw new Error('queue: stopped');
      heartbeat ??= setInterval(() => void renewLeases().catch((e: unknown) => opts.log.error('queue: cannot renew leases', { error: message(e) })), Math.max(50, leaseMs / 3));
      loops.push(loop(name, Math.max(1, Math.floor(o.concurrency)), handler, new Set()));
    },

    async openKeys(name, keys) {
      const open = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await db
          .selectFrom('jobs')
          .select('singleton_key')
          .where('name', '=', name)
          .where('state', 'in', ['queued', 'active'])
          .where('singleton_key', 'in', keys.slice(i, i + 500))
          .execute();
        for (const r of rows) if (r.singleton_key) open.add(r.singleton_key);
      }
      return open;
    },

    async counts() {
      const now = iso(Date.now());
      const { rows } = await sql<{ name: string; state: string; later: number; n: number }>`
        select name, state, case when run_after > ${now} then 1 else 0 end as later, count(*) as n
        from jobs group by 1, 2, 3`.execute(db);
      const out = Object.fromEntries(NAMES.map((n) => [n, { queued: 0, deferred: 0, active: 0, failed: 0, completed: 0 }])) as Record<JobName, { -readonly [K in keyof QueueCounts]-?: number }>;
      for (const r of rows) {
        const c = out[r.name as JobName];
        const n = Number(r.n);
        if (!c) continue;
        if (r.state === 'queued') {
          c.queued += n;
          if (Number(r.later) === 1) c.deferred += n;
        } else if (r.state === 'active') c.active += n;
        else if (r.state === 'failed') c.failed += n;
        else if (r.state === 'completed') c.completed += n;
      }
      return out;
    },

    async failedJobs(limit) {
      const rows = await db.selectFrom('jobs').selectAll().where('state', '=', 'failed').orderBy('updated_at', 'desc').limit(Math.max(1, Math.min(500, limit))).execute();
      return rows.map(
        (r): FailedJob => ({ id: r.id, name: r.name as JobName, data: JSON.parse(r.data) as unknown, error: r.last_error ?? '', failedAt: r.updated_at, attempts: Number(r.attempts) }),
      );
    },

    async stop(o = {}) {
      if (stopped) return;
      stopped = true;
      for (const wake of wakers) wake();
      await Promise.all(loops);
      const timeoutMs = o.timeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(running.values()), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      if (heartbeat) clearInterval(heartbeat);
      // Handlers still running give their jobs back for another worker; they may finish later, harmlessly.
      await release([...running.keys()]);
    },
  } satisfies Queue;
}
