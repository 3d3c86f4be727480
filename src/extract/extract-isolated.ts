// Runs extractArticle in a worker thread with a heap limit and a time budget. DOM parsing of a
// stranger's page is the one step whose cost the page controls (deep nesting makes Readability
// quadratic), so the server and the poller call this instead of extractArticle directly.
import { Worker } from 'node:worker_threads';
import { LedeError } from '../core/errors.ts';
import type { ExtractedArticle } from '../core/records.ts';
import type { ExtractOptions } from './extract-article.ts';

/** Extracts articles; `close` ends the worker. */
export interface IsolatedExtractor {
  extract(html: string, opts: ExtractOptions): Promise<ExtractedArticle>;
  close(): Promise<void>;
}

/** Limits of the isolated extractor. */
export interface IsolationLimits {
  /** Wall-clock budget per page (default 15 s). */
  timeoutMs?: number;
  /** Old-generation heap of the worker in MB (default 256; a page keeps at most ~20 MB alive). */
  maxHeapMb?: number;
}

interface Job {
  id: number;
  html: string;
  opts: ExtractOptions;
  resolve(a: ExtractedArticle): void;
  reject(e: unknown): void;
}

type WorkerMessage =
  | { ready: true }
  | { id: number; article: ExtractedArticle }
  | { id: number; error: { code: string; message: string } };

/** Creates an extractor that parses one page at a time in a worker thread. */
export function createIsolatedExtractor(limits: IsolationLimits = {}): IsolatedExtractor {
  const timeoutMs = limits.timeoutMs ?? 15_000;
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let current: { job: Job; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;
  let closed = false;

  function spawnWorker(): Worker {
    const w = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb ?? 256 },
    });
    w.on('message', (m: WorkerMessage) => {
      if ('ready' in m || !current || m.id !== current.job.id) return;
      const { job, timer } = current;
      clearTimeout(timer);
      current = null;
      if ('article' in m) job.resolve(m.article);
      else job.reject(m.error.code === 'no-article' ? new LedeError('no-article', m.error.message) : new Error(m.error.message));
      pump();
    });
    w.on('error', (e) => worker === w && fail(new LedeError('no-article', `extract: the page could not be parsed (${e.message})`, { cause: e })));
    w.on('exit', () => {
      // A worker discarded by fail() exits later; only the active one's exit concerns the current job.
      if (worker !== w) return;
      worker = null;
      if (current) fail(new LedeError('no-article', 'extract: the parser stopped on this page'));
    });
    return w;
  }

  /** Rejects the running job and discards its worker; the next job starts a fresh one. */
  function fail(error: LedeError): void {
    if (!current) return;
    const { job, timer } = current;
    clearTimeout(timer);
    current = null;
    const w = worker;
    worker = null;
    void w?.terminate();
    job.reject(error);
    pump();
  }

  function pump(): void {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref(); // an idle worker must not keep a CLI command alive
      return;
    }
    worker ??= spawnWorker();
    worker.ref();
    const seconds = Math.round(timeoutMs / 100) / 10;
    const timer = setTimeout(() => fail(new LedeError('no-article', `extract: gave up on ${job.opts.url} after ${seconds} s`)), timeoutMs);
    current = { job, timer };
    worker.postMessage({ id: job.id, html: job.html, opts: job.opts });
  }

  return {
    extract(html, opts) {
      if (closed) return Promise.reject(new Error('extract: the extractor is closed'));
      return new Promise<ExtractedArticle>((resolve, reject) => {
        queue.push({ id: nextId++, html, opts, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('extract: the extractor is closed'));
      if (current) fail(new LedeError('no-article', 'extract: the extractor is closed'));
      await worker?.terminate();
      worker = null;
    },
  };
}
