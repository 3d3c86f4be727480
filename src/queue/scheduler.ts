// The poller of one process: every tick it claims due sources from the store (a lease, so other
// processes polling the same database never take the same source) and refreshes them, a bounded
// number at a time and a few per host: claimed sources wait by host and the hosts take turns, so
// every host keeps its request slots busy side by side, whatever order the store hands sources out
// in (a host whose sources all came last would otherwise finish the round alone). Refreshes in
// progress wait on their host's limits (the HostGate inside the refresh), which also cap requests
// in flight. The store's next_check_at is the truth, so a restart loses nothing; a crashed
// poller's leases simply run out.
import { hostKey } from '../core/http-url.ts';
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
  /**
   * Refreshes of one host in progress at once (default 4). The rest of a host's claimed sources
   * wait here, so one big host never fills the whole `concurrency` while others sit idle.
   */
  readonly perHost?: number;
  /** The host of a source (default: its feed URL's host name, lower-cased). */
  readonly hostOf?: (source: Source) => string;
  /** Sources claimed per query (default 500); claimed ones wait their turn in this process. */
  readonly batchSize?: number;
  /**
   * Claimed sources waiting to start, at most (default 2000). Claiming ahead lets every host
   * start at once whatever order the store hands sources out in; the bound keeps a claim's wait
   * far within its lease even when all of them are on one host.
   */
  readonly maxWaiting?: number;
  /** How long a claim holds a source (default 15 min); a round must finish a source within it. */
  readonly leaseMs?: number;
  /** Start ticking at once (default true); false for a single `runOnce`. */
  readonly autoStart?: boolean;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A source's host: its feed URL's, as the HostGate keys hosts. */
const feedHost = (source: Source): string => hostKey(source.feedUrl ?? '');

/** Starts polling due sources every `tickMs`. */
export function startScheduler(opts: SchedulerOptions): Scheduler {
  const concurrency = Math.max(1, opts.concurrency ?? 1000);
  const perHost = Math.max(1, opts.perHost ?? 4);
  const hostOf = opts.hostOf ?? feedHost;
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const maxWaiting = Math.max(batchSize, opts.maxWaiting ?? 2000);
  const leaseMs = opts.leaseMs ?? 15 * 60_000;
  let current: Promise<number> | null = null;
  let stopped = false;

  async function round(all: boolean): Promise<number> {
    const started = new Date().toISOString();
    const inProgress = new Set<Promise<void>>();
    // Claimed sources not started yet, by host, and the hosts that may start one now (fewer
    // than perHost in progress), in turn: every host keeps its requests going side by side.
    const waiting = new Map<string, Source[]>();
    const running = new Map<string, number>();
    const ready: string[] = [];
    const isReady = new Set<string>();
    let waitingCount = 0;
    let done = 0;
    let exhausted = false;
    // One waiter woken by any finished refresh. (Promise.race over the set would attach a reaction
    // to every pending refresh on each turn: quadratic in promises kept alive.)
    let wake: (() => void) | null = null;
    const markReady = (host: string) => {
      if (isReady.has(host) || !waiting.get(host)?.length || (running.get(host) ?? 0) >= perHost) return;
      isReady.add(host);
      ready.push(host);
    };
    const start = (host: string, source: Source) => {
      running.set(host, (running.get(host) ?? 0) + 1);
      const task = opts
        .refresh(source)
        .catch((e: unknown) => opts.log.error('refresh crashed', { source_id: source.id, error: message(e) }))
        .then(() => {
          done++;
          inProgress.delete(task);
          const left = (running.get(host) ?? 1) - 1;
          if (left > 0) running.set(host, left);
          else running.delete(host);
          markReady(host);
          wake?.();
        });
      inProgress.add(task);
    };
    try {
      while (!stopped) {
        while (!exhausted && waitingCount < maxWaiting && !stopped) {
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
          for (const source of batch) {
            const host = hostOf(source);
            const list = waiting.get(host);
            if (list) list.push(source);
            else waiting.set(host, [source]);
            waitingCount++;
            markReady(host);
          }
        }
        while (ready.length > 0 && inProgress.size < concurrency && !stopped) {
          const host = ready.shift()!;
          isReady.delete(host);
          const list = waiting.get(host)!;
          const source = list.shift()!;
          if (list.length === 0) waiting.delete(host);
          waitingCount--;
          start(host, source);
          markReady(host); // to the back of the line, if it may start another
        }
        if (inProgress.size === 0) {
          if (waitingCount === 0 && exhausted) break;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      await Promise.all(inProgress);
    } finally {
      // Sources claimed but never started go back at once rather than when their lease runs out.
      const unstarted = [...waiting.values()].flat();
      waiting.clear();
      if (unstarted.length > 0) await opts.store.releaseSources(unstarted.map((s) => s.id));
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
