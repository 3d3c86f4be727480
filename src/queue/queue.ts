// The queue port: named jobs whose payloads carry ids only, validated on the way in and out.
// The embedded adapter keeps jobs in the store's own database (SQLite); the scaled-out one is
// pg-boss on the same PostgreSQL. Handlers must be idempotent: a job may run more than once
// (a worker killed mid-job), never zero times.
import { z } from 'zod';

/** Payload schemas, one per queue. */
export const JOB_SCHEMAS = {
  /** Poll one source's feed and queue its new entries. */
  'poll-source': z.object({ sourceId: z.string().min(1).max(64) }).strict(),
  /** Fetch, extract, summarize and store the page of one feed entry (feed_entries row). */
  'fetch-article': z.object({ sourceId: z.string().min(1).max(64), entryKey: z.string().min(1).max(2048) }).strict(),
  /** Ask the language model for the summary of one stored article (it has the offline one meanwhile). */
  summarize: z.object({ articleId: z.string().min(1).max(64) }).strict(),
} as const;

/** Names of the queues. */
export type JobName = keyof typeof JOB_SCHEMAS;
/** The payload of a queue's jobs. */
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;

/** One job handed to a handler. */
export interface Job<N extends JobName> {
  readonly id: string;
  readonly name: N;
  readonly data: JobPayload<N>;
  /** 1 on the first run. */
  readonly attempt: number;
}

/** Options of send. */
export interface SendOptions {
  /** At most one queued-or-active job per key and queue; send returns null when one exists. */
  readonly singletonKey?: string;
  readonly startAfter?: Date;
  /** Retries after the first failure (default 3), with exponential backoff from retryDelaySeconds (default 30). */
  readonly retryLimit?: number;
  readonly retryDelaySeconds?: number;
}

/** Counts of one queue. */
export interface QueueCounts {
  /** Waiting jobs, due or not. */
  readonly queued: number;
  /** Of the queued jobs, those not due yet (startAfter, or a retry's backoff), when the adapter can tell. */
  readonly deferred?: number;
  readonly active: number;
  readonly failed: number;
  readonly completed: number;
}

/** A job that failed for good (the dead-letter state), for the admin page. */
export interface FailedJob {
  readonly id: string;
  readonly name: JobName;
  readonly data: unknown;
  readonly error: string;
  readonly failedAt: string;
  readonly attempts: number;
}

/**
 * A job queue.
 *
 * @example
 * await queue.send('fetch-article', { sourceId, entryKey }, { singletonKey: `${sourceId}:${entryKey}` });
 * await queue.work('fetch-article', { concurrency: 4 }, async (job) => processEntry(job.data));
 */
export interface Queue {
  /** Validates and enqueues a job; returns its id, or null when a singleton already exists. */
  send<N extends JobName>(name: N, data: JobPayload<N>, opts?: SendOptions): Promise<string | null>;
  /** Enqueues many jobs of one queue in one transaction; returns how many were new. */
  sendMany<N extends JobName>(name: N, jobs: readonly { data: JobPayload<N>; opts?: SendOptions }[]): Promise<number>;
  /** Starts taking jobs of a queue, at most `concurrency` at once in this process. */
  work<N extends JobName>(name: N, opts: { concurrency: number }, handler: (job: Job<N>) => Promise<void>): Promise<void>;
  /** Of these singleton keys, those with a job not finished yet (queued, waiting to retry, or running). */
  openKeys(name: JobName, keys: readonly string[]): Promise<Set<string>>;
  counts(): Promise<Record<JobName, QueueCounts>>;
  failedJobs(limit: number): Promise<readonly FailedJob[]>;
  /** Stops taking jobs; waits up to `timeoutMs` for running ones, then releases them for another worker. */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

/** Parses a payload read back from storage; throws when it does not match its queue's schema. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOB_SCHEMAS[name].parse(data) as JobPayload<N>;
}
