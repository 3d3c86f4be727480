// The poller of one process: every tick it claims due sources from the store (a lease, so other
// processes polling the same database never take the same source) and refreshes them, a bounded
// number at a time. Most of those wait on their host's limits (the HostGate inside the refresh),
// so the bound is generous while requests in flight stay few. The store's next_check_at is the
// truth, so a restart loses nothing; a crashed poller's leases simply run out.
import type { Logger } from '../core/log.ts';
import type { Source } from '../core/records.ts';
import type { Store } from '../store/store.ts';

/** A running scheduler. */
export interface Scheduler {
  /**
   * Runs one round now (what each tick does): claims due sources until none is left and
   * refreshes each; with `all`, every source with a feed once, due or not. Resolves with how
   * many sources were refreshed.
   */
  runOnce(opts?: { all?: boolean }): Promise<number>;
  /** Stops ticking and claiming, and waits for the refreshes in progress. */
  stop(): Promise<void>;
}

/** Options of the scheduler. */
export interface SchedulerOptions {
  readonly store: Store;
  readonly refresh: (source: Source) => Promise<unknown>;
  readonly log: Logger;
  /** Time between rounds (default 30 s). */
  readonly tickMs?: number;
  /**
   * Refreshes in progress at once (default 1000). Most of them wait for their host's turn (the
   * HostGate also caps requests in flight), but a host only uses both of its slots when at
   * least two of its sources are in progress, so this is several per host.
   */
  readonly concurrency?: number;
  /** Sources claimed per query (default 500); claimed ones wait their turn in this process. */
  readonly batchSize?: number;
  /** How long a claim holds a source (default 15 min); a round must finish a source within it. */
  readonly leaseMs?: number;
  /** Start ticking at once (default true); false for a single `runOnce`. */
  readonly autoStart?: boolean;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Starts polling due sources every `tickMs`. */
export function startScheduler(opts: SchedulerOptions): Scheduler {
  const concurrency = Math.max(1, opts.concurrency ?? 1000);
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const leaseMs = opts.leaseMs ?? 15 * 60_000;
  let current: Promise<number> | null = null;
  let stopped = false;

  async function round(all: boolean): Promise<number> {
    const started = new Date().toISOString();
    const inProgress = new Set<Promise<void>>();
    const pending: Source[] = []; // claimed, not started yet
    let done = 0;
    let exhausted = false;
    // One waiter woken by any finished refresh. (Promise.race over the set would attach a reaction
    // to every pending refresh on each turn: quadratic in promises kept alive.)
    let wake: (() => void) | null = null;
    const start = (source: Source) => {
      const task = opts
        .refresh(source)
        .catch((e: unknown) => opts.log.error('refresh crashed', { source_id: source.id, error: message(e) }))
        .then(() => {
          done++;
          inProgress.delete(task);
          wake?.();
        });
      inProgress.add(task);
    };
    try {
      while (!stopped) {
        if (pending.length === 0 && !exhausted) {
          const now = Date.now();
          const batch = await opts.store.claimSources({
            now: new Date(now).toISOString(),
            limit: batchSize,
            leaseUntil: new Date(now + leaseMs).toISOString(),
            all,
            // A round takes each source once, even one that comes due again meanwhile (a short Retry-After).
            notCheckedSince: started,
          });
          exhausted = batch.length < batchSize;
          pending.push(...batch);
        }
        while (pending.length > 0 && inProgress.size < concurrency && !stopped) start(pending.shift()!);
        if (inProgress.size === 0) {
          if (pending.length === 0 && exhausted) break;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      await Promise.all(inProgress);
    } finally {
      // Sources claimed but never started go back at once rather than when their lease runs out.
      if (pending.length > 0) await opts.store.releaseSources(pending.splice(0).map((s) => s.id));
    }
    return done;
  }

  function runOnce(o: { all?: boolean } = {}): Promise<number> {
    current ??= round(o.all ?? false).finally(() => {
      current = null;
    });
    return current;
  }

  const safeRun = () => runOnce().catch((e: unknown) => opts.log.error('scheduler round failed', { error: message(e) }));
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
