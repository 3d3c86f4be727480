// The in-process poller for one machine: every tick it asks the store for due sources and
// refreshes them through a small bounded pool. The store's next_check_at is the truth, so a
// restart loses nothing.
import type { Logger } from '../core/log.ts';
import type { Source } from '../core/records.ts';
import type { Store } from '../store/store.ts';

/** A running scheduler. */
export interface Scheduler {
  /** Runs one round now (also what each tick does); resolves when it is done. */
  runOnce(): Promise<number>;
  /** Stops ticking and waits for the round in progress. */
  stop(): Promise<void>;
}

/** Starts polling due sources every `tickMs`, at most `concurrency` at a time. */
export function startScheduler(opts: {
  store: Store;
  refresh: (source: Source) => Promise<unknown>;
  log: Logger;
  tickMs?: number;
  concurrency?: number;
  autoStart?: boolean;
}): Scheduler {
  const concurrency = opts.concurrency ?? 2;
  let current: Promise<number> | null = null;
  let stopped = false;

  async function round(): Promise<number> {
    const due = [...(await opts.store.dueSources(new Date().toISOString(), 100))];
    let done = 0;
    const lane = async () => {
      for (let s = due.shift(); s && !stopped; s = due.shift()) {
        try {
          await opts.refresh(s);
        } catch (e) {
          opts.log.error('refresh crashed', { source_id: s.id, error: e instanceof Error ? e.message : String(e) });
        }
        done++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return done;
  }

  function runOnce(): Promise<number> {
    current ??= round().finally(() => {
      current = null;
    });
    return current;
  }

  const safeRun = () =>
    runOnce().catch((e: unknown) => opts.log.error('scheduler round failed', { error: e instanceof Error ? e.message : String(e) }));
  const timer = opts.autoStart === false ? null : setInterval(() => void safeRun(), opts.tickMs ?? 30_000);
  timer?.unref();
  if (opts.autoStart !== false) void safeRun();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await current;
    },
  };
}
