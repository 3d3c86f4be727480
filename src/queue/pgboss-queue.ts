// The queue on PostgreSQL: pg-boss in a schema of its own beside Lede's tables. Each queue is
// created with policy "short" (at most one queued job per singleton key), retries with
// exponential backoff, and a dead-letter queue of its own name + "-dead".
import PgBoss from 'pg-boss';
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
}

const NAMES = Object.keys(JOB_SCHEMAS) as JobName[];
const dead = (name: JobName) => `${name}-dead`;

function sendOptions(opts: SendOptions = {}): PgBoss.SendOptions {
  return {
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    retryLimit: opts.retryLimit ?? 3,
    retryDelay: opts.retryDelaySeconds ?? 30,
    retryBackoff: true,
  };
}

/** Opens the pg-boss queue (creating its schema and queues on first use). */
export async function openPgBossQueue(opts: PgBossQueueOptions): Promise<Queue> {
  const schema = opts.schema ?? 'pgboss';
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema,
    max: opts.maxConnections ?? 4,
    application_name: 'lede',
    expireInSeconds: opts.expireInSeconds ?? 300,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (e: Error) => opts.log.error('queue error', { error: e.message }));
  await boss.start();
  for (const name of NAMES) {
    await boss.createQueue(dead(name), { name: dead(name), policy: 'standard' });
    await boss.createQueue(name, { name, policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, deadLetter: dead(name) });
  }
  const db = boss.getDb();
  const workers: string[] = [];
  let stopped = false;

  return {
    async send<N extends JobName>(name: N, data: JobPayload<N>, options?: SendOptions): Promise<string | null> {
      return boss.send(name, JOB_SCHEMAS[name].parse(data) as object, sendOptions(options));
    },

    async sendMany<N extends JobName>(name: N, jobs: readonly { data: JobPayload<N>; opts?: SendOptions }[]): Promise<number> {
      let created = 0;
      // One send per job: pg-boss's bulk insert ignores the singleton conflict only per statement.
      for (const job of jobs) if (await boss.send(name, JOB_SCHEMAS[name].parse(job.data) as object, sendOptions(job.opts))) created++;
      return created;
    },

    async work<N extends JobName>(name: N, options: { concurrency: number }, handler: (job: Job<N>) => Promise<void>): Promise<void> {
      // pg-boss 10 has no team size: each work() call is one polling worker taking one job at a time.
      for (let i = 0; i < options.concurrency; i++) {
        const id = await boss.work<unknown>(name, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, includeMetadata: true }, async (jobs) => {
          for (const job of jobs) {
            await handler({ id: job.id, name, data: parsePayload(name, job.data), attempt: job.retryCount + 1 });
          }
        });
        workers.push(id);
      }
    },

    async counts(): Promise<Record<JobName, QueueCounts>> {
      const { rows } = await db.executeSql(`select name, state, count(*)::int as n from ${schema}.job where name = any($1) group by name, state`, [[...NAMES, ...NAMES.map(dead)]]);
      const out = Object.fromEntries(NAMES.map((n) => [n, { queued: 0, active: 0, failed: 0, completed: 0 }])) as Record<JobName, { queued: number; active: number; failed: number; completed: number }>;
      for (const r of rows as { name: string; state: string; n: number }[]) {
        const base = r.name.endsWith('-dead') ? (r.name.slice(0, -5) as JobName) : (r.name as JobName);
        const c = out[base];
        if (!c) continue;
        if (r.name.endsWith('-dead')) c.failed += r.n;
        else if (r.state === 'created' || r.state === 'retry') c.queued += r.n;
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
      // Graceful: stop fetching, wait for running handlers; jobs still active at the timeout
      // expire and are retried by another worker.
      await boss.stop({ graceful: true, wait: true, timeout: options?.timeoutMs ?? 30_000 });
    },
  };
}
