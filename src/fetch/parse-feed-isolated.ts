// Runs parseFeed in a worker thread with a heap limit and a time budget. Parsing is the poller's
// main cost (a few ms per feed) and the one a publisher controls: a feed of 100,000 entries takes
// seconds. Off the main thread, it neither stalls other fetches nor risks the process's heap.
// Up to `maxInFlight` feeds are handed over at once so the worker never waits for the next one;
// the worker parses them in order, so the oldest unanswered one is the one it is working on.
import { Worker } from 'node:worker_threads';
import { FeedParseError } from '../core/errors.ts';
import type { Feed } from '../core/records.ts';
import type { ParseFeedOptions } from './parse-feed.ts';

/** Parses feeds; `close` ends the worker. */
export interface FeedParser {
  parse(body: string | Uint8Array, opts: ParseFeedOptions): Promise<Feed>;
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly body: string | Uint8Array;
  readonly opts: ParseFeedOptions;
  resolve(feed: Feed): void;
  reject(e: unknown): void;
}

type WorkerMessage = { ready: true } | { id: number; feed: Feed } | { id: number; error: { invalid: boolean; message: string } };

/** Creates a feed parser running in one worker thread. */
/** Deadline for a fresh worker to load its code. */
const STARTUP_MS = 30_000;

export function createIsolatedFeedParser(limits: { timeoutMs?: number; maxHeapMb?: number; maxInFlight?: number } = {}): FeedParser {
  const timeoutMs = limits.timeoutMs ?? 20_000;
  const maxInFlight = Math.max(1, limits.maxInFlight ?? 4);
  const waiting: Job[] = [];
  const inFlight: Job[] = [];
  let worker: Worker | null = null;
  // The budget is the feed's: it runs from the moment the worker can parse, not while a fresh
  // worker loads its code (slow on a loaded machine), which has a deadline of its own.
  let workerReady = false;
  let timer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;

  function spawnWorker(): Worker {
    // A feed of 100,000 entries parses within 128 MB; a small young generation keeps the worker's
    // share of the process's memory small while it works through thousands of ordinary feeds.
    const w = new Worker(new URL('./parse-feed-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 12 },
    });
    w.on('message', (m: WorkerMessage) => {
      if (worker !== w) return;
      if ('ready' in m) {
        workerReady = true;
        restartTimer();
        return;
      }
      const i = inFlight.findIndex((j) => j.id === m.id);
      if (i < 0) return;
      const [job] = inFlight.splice(i, 1);
      if ('feed' in m) job!.resolve(m.feed);
      else job!.reject(m.error.invalid ? new FeedParseError(m.error.message) : new FeedParseError(`feed: cannot parse feed (${m.error.message})`));
      restartTimer();
      pump();
    });
    w.on('error', (e) => worker === w && fail(`feed: the parser failed on this feed (${e.message})`));
    w.on('exit', () => worker === w && fail('feed: the parser stopped on this feed'));
    return w;
  }

  function restartTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const head = inFlight[0];
    if (!head) return;
    if (!workerReady) {
      timer = setTimeout(() => fail(`feed: the parser did not start within ${STARTUP_MS / 1000} s`), STARTUP_MS);
      return;
    }
    const seconds = Math.round(timeoutMs / 100) / 10;
    timer = setTimeout(() => fail(`feed: gave up parsing ${head.opts.url ?? 'a feed'} after ${seconds} s`), timeoutMs);
  }

  /** Rejects the feed being parsed, discards the worker and hands the others to a fresh one. */
  function fail(message: string): void {
    const head = inFlight.shift();
    waiting.unshift(...inFlight.splice(0));
    const w = worker;
    worker = null;
    workerReady = false;
    void w?.terminate();
    head?.reject(new FeedParseError(message));
    restartTimer();
    pump();
  }

  function pump(): void {
    if (closed) return;
    while (inFlight.length < maxInFlight && waiting.length > 0) {
      const job = waiting.shift()!;
      if (!worker) {
        worker = spawnWorker();
        workerReady = false;
      }
      inFlight.push(job);
      worker.postMessage({ id: job.id, body: job.body, opts: job.opts });
      if (inFlight.length === 1) restartTimer();
    }
    if (worker) {
      // An idle worker must not keep a CLI command alive.
      if (inFlight.length === 0) worker.unref();
      else worker.ref();
    }
  }

  return {
    parse(body, opts) {
      if (closed) return Promise.reject(new Error('feed: the parser is closed'));
      return new Promise<Feed>((resolve, reject) => {
        waiting.push({ id: nextId++, body, opts: { ...(opts.url ? { url: opts.url } : {}), ...(opts.contentType ? { contentType: opts.contentType } : {}) }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const job of [...inFlight.splice(0), ...waiting.splice(0)]) job.reject(new Error('feed: the parser is closed'));
      await worker?.terminate();
      worker = null;
    },
  };
}
