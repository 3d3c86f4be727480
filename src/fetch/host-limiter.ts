// Politeness per host for every fetch of one process (feeds, robots.txt, article pages): at most
// `perHost` requests in flight to a host, each slot resting `delayMs` after its request before
// the next, an optional spacing between request starts (robots.txt Crawl-delay), pauses after a
// 429/503, and a cap on requests in flight overall. A request takes its host slot and its global
// slot together, so a busy host never holds up requests to idle ones.
import { hostKey } from '../core/http-url.ts';

/** Options of the limiter. */
export interface HostLimiterOptions {
  /** Requests in flight per host (default 2). */
  readonly perHost?: number;
  /** Rest of a host slot after its request ends, in ms (default 250). */
  readonly delayMs?: number;
  /** Requests in flight over all hosts (default 32; the configuration says 64). */
  readonly maxTotal?: number;
}

/** Options of one request. */
export interface GateOptions {
  /** At least this long between the starts of two requests to the host (Crawl-delay). */
  readonly spacingMs?: number;
}

/** Runs requests within the per-host limits. */
export interface HostGate {
  /** Waits for a slot of the host of `url` and returns its release (call it once, when the request is over). */
  acquire(url: string, opts?: GateOptions): Promise<() => void>;
  /** Holds every request to the host of `url` until `untilMs` (epoch ms), e.g. after a Retry-After. */
  pause(url: string, untilMs: number): void;
}

/** A request slot of a host: in use, or the time from which it may be used again. */
interface Slot {
  busy: boolean;
  readyAt: number;
}

interface Waiter {
  readonly spacingMs: number;
  readonly start: (slot: Slot) => void;
}

interface HostState {
  readonly slots: Slot[];
  readonly waiters: Waiter[];
  lastStartAt: number;
  pausedUntil: number;
  timer: NodeJS.Timeout | null;
  timerAt: number;
}


/** Creates a limiter; one per process, shared by the poller and the article workers. */
export function createHostLimiter(opts: HostLimiterOptions = {}): HostGate {
  const perHost = Math.max(1, Math.floor(opts.perHost ?? 2));
  const delayMs = Math.max(0, opts.delayMs ?? 250);
  const maxTotal = Math.max(1, Math.floor(opts.maxTotal ?? 32));
  const hosts = new Map<string, HostState>();
  /** Hosts with a waiter that could start but for the global cap, in the order they hit it. */
  const blocked = new Set<string>();
  let total = 0;

  function state(key: string): HostState {
    let s = hosts.get(key);
    if (!s) {
      s = { slots: Array.from({ length: perHost }, () => ({ busy: false, readyAt: 0 })), waiters: [], lastStartAt: 0, pausedUntil: 0, timer: null, timerAt: 0 };
      hosts.set(key, s);
    }
    return s;
  }

  function forget(key: string, s: HostState, now: number): void {
    // A host with nothing waiting, nothing running and every rest over holds no information.
    if (s.waiters.length === 0 && !s.timer && s.pausedUntil <= now && s.slots.every((x) => !x.busy && x.readyAt <= now)) hosts.delete(key);
  }

  function pump(key: string): void {
    const s = hosts.get(key);
    if (!s) return;
    const now = Date.now();
    while (s.waiters.length > 0) {
      const w = s.waiters[0]!;
      const free = s.slots.filter((x) => !x.busy);
      if (free.length === 0) return; // a release pumps again
      const slot = free.find((x) => x.readyAt <= now);
      const at = Math.max(s.pausedUntil, s.lastStartAt + w.spacingMs, slot ? now : Math.min(...free.map((x) => x.readyAt)));
      if (at > now) return void wakeAt(key, s, at);
      if (total >= maxTotal) {
        blocked.add(key);
        return;
      }
      blocked.delete(key);
      slot!.busy = true;
      s.lastStartAt = now;
      total++;
      s.waiters.shift();
      w.start(slot!);
    }
    forget(key, s, now);
  }

  /** Pumps the host at `at`; a timer with no request waiting on it (`waiting` false) does not keep the process alive. */
  function wakeAt(key: string, s: HostState, at: number, waiting = true): void {
    if (s.timer && s.timerAt <= at) {
      if (waiting) s.timer.ref();
      return;
    }
    if (s.timer) clearTimeout(s.timer);
    s.timerAt = at;
    s.timer = setTimeout(() => {
      s.timer = null;
      pump(key);
      const now = Date.now();
      forget(key, s, now);
    }, at - Date.now());
    if (!waiting) s.timer.unref();
  }

  function release(key: string, s: HostState, slot: Slot): void {
    slot.busy = false;
    slot.readyAt = Date.now() + delayMs;
    total--;
    pump(key);
    if (s.waiters.length === 0 && delayMs > 0 && !s.timer) wakeAt(key, s, slot.readyAt, false); // lets forget() run
    for (const other of [...blocked]) {
      if (total >= maxTotal) break;
      pump(other);
    }
  }

  function acquire(url: string, o: GateOptions = {}): Promise<() => void> {
    const key = hostKey(url);
    const s = state(key);
    return new Promise<() => void>((resolve) => {
      s.waiters.push({
        spacingMs: Math.max(0, o.spacingMs ?? 0),
        start: (slot) => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            release(key, s, slot);
          });
        },
      });
      pump(key);
    });
  }

  return {
    acquire,
    pause(url: string, untilMs: number): void {
      const key = hostKey(url);
      const s = state(key);
      s.pausedUntil = Math.max(s.pausedUntil, untilMs);
      pump(key);
    },
  };
}
