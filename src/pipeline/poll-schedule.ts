// When to poll a feed next. After a good check: as often as the feed publishes (the span of its
// recent entries over their number), never more often than its <ttl>/sy:updatePeriod or the
// response's Cache-Control max-age ask, all within the configured bounds. After a failure: the
// interval doubled per failure in a row, up to a cap, or exactly what a Retry-After says.

/** Bounds of the schedule, from the configuration. */
export interface PollPolicy {
  /** The interval of a feed whose entries carry no dates (LEDE_POLL_INTERVAL_MINUTES). */
  readonly defaultMinutes: number;
  readonly minMinutes: number;
  readonly maxMinutes: number;
  /** Longest wait after failures in a row, and the most of a Retry-After honoured (default 24 h). */
  readonly maxBackoffMinutes?: number;
}

/** Dated entries looked at: enough to see a rhythm, few enough to follow a change of pace. */
const RECENT = 20;
const DAY_MS = 86_400_000;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Minutes between new entries of a feed: the time from the oldest of its last 20 dated entries
 * until now, divided by their number, so a feed that went quiet slows down too. Dates in the
 * future (beyond a day of clock skew) or before 1995 are ignored; fewer than two dates give undefined.
 */
export function publishIntervalMinutes(dates: readonly (string | undefined)[], now: number): number | undefined {
  const times = dates
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter((t) => Number.isFinite(t) && t <= now + DAY_MS && t >= Date.UTC(1995, 0, 1))
    .sort((a, b) => b - a)
    .slice(0, RECENT);
  if (times.length < 2) return undefined;
  const span = Math.max(now, times[0]!) - times[times.length - 1]!;
  return span / times.length / 60_000;
}

/** The interval after a good check, in minutes. */
export function intervalAfterSuccess(
  hints: { readonly publishMinutes?: number; readonly ttlMinutes?: number; readonly maxAgeSeconds?: number },
  policy: PollPolicy,
): number {
  const base = hints.publishMinutes ?? policy.defaultMinutes;
  // The publisher's own hints may slow us down, never speed us up beyond the rate.
  const asked = Math.max(hints.ttlMinutes ?? 0, (hints.maxAgeSeconds ?? 0) / 60);
  return Math.round(clamp(Math.max(base, asked), policy.minMinutes, policy.maxMinutes) * 100) / 100;
}

/**
 * The wait after a failed check, in minutes: `intervalMinutes` × 2^failuresInARow (so twice the
 * interval after the first failure), at most maxBackoffMinutes; a Retry-After replaces it.
 */
export function delayAfterFailure(intervalMinutes: number, failuresInARow: number, policy: PollPolicy, retryAfterSeconds?: number): number {
  const cap = Math.max(policy.maxBackoffMinutes ?? 1440, policy.minMinutes);
  if (retryAfterSeconds !== undefined) return Math.min(cap, retryAfterSeconds / 60);
  return Math.min(cap, intervalMinutes * 2 ** Math.max(1, Math.min(30, failuresInARow)));
}

/** `minutes` after `from`, as ISO 8601. */
export function minutesAfter(from: Date, minutes: number): string {
  return new Date(from.getTime() + Math.round(minutes * 60_000)).toISOString();
}
