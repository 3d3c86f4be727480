// `--workers N` of `lede web` and `lede start`: N web processes sharing one port (node:cluster),
// for machines with more cores than one Node process can use. The primary process forks them and
// keeps them running (a worker that dies is replaced); `lede start` also runs the poller in the
// primary, so polling and jobs stay in one process. The web processes keep no state of their own
// (pages cached per process are keyed by the stored version), exactly like `lede web` processes
// on several machines. Their /metrics is merged by the primary (cluster-metrics.ts).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../core/log.ts';
import { LedeError } from '../core/errors.ts';

/** True in a web process forked by the primary. */
export const isWebWorker = (): boolean => cluster.isWorker;

/** Parses `--workers`; throws for anything but 1–64. */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new LedeError('invalid-input', `--workers must be a whole number from 1 to 64, not "${value}"`);
  return n;
}

/** Web processes forked by the primary. */
export interface WebWorkers {
  /** Resolves with the port once the first web process listens. */
  readonly listening: Promise<number>;
  /** Stops them gracefully (SIGTERM), killing any still running after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Forks `count` web processes running the same command line. */
export function forkWebWorkers(count: number, log: Logger): WebWorkers {
  let stopping = false;
  const live = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      log.error('web process exited; starting another', { pid: worker.process.pid, code, signal });
      setTimeout(fork, 1000).unref();
    });
  };
  const listening = new Promise<number>((resolve) => cluster.once('listening', (_w, address) => resolve(address.port)));
  for (let i = 0; i < count; i++) fork();
  return {
    listening,
    async stop(timeoutMs = 15_000) {
      stopping = true;
      const exits = [...live].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
      for (const w of live) w.process.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const w of live) w.process.kill('SIGKILL');
      }, timeoutMs);
      await Promise.all(exits);
      clearTimeout(timer);
    },
  };
}
