// robots.txt for article pages, fetched once per origin and kept for a day (RFC 9309 §2.4 asks for
// no more than 24 hours). A 4xx answer allows everything; a 5xx, 429 or an unreachable host
// disallows everything for a few minutes (§2.3.1.4), after which it is asked again. Feeds are not
// checked: a publisher who offers a feed asks to be polled.
import type { FetchOutcome } from '../core/records.ts';
import { fetchUrl, type FetchOptions } from './fetch-url.ts';
import type { HostGate } from './host-limiter.ts';
import { ALLOW_ALL, isAllowed, parseRobots, type RobotsRules } from './robots-rules.ts';

/** What robots.txt says about one URL. */
export interface RobotsVerdict {
  readonly allowed: boolean;
  /** The host's Crawl-delay for us, capped, in ms. */
  readonly crawlDelayMs?: number;
  /** robots.txt could not be read just now (5xx, 429, unreachable): not allowed until it can. */
  readonly unavailable?: boolean;
  /** One line for the record: why not allowed. */
  readonly reason?: string;
}

/** Checks URLs against their origin's robots.txt. */
export interface RobotsCheck {
  check(url: string): Promise<RobotsVerdict>;
}

/** Options of the robots.txt cache. */
export interface RobotsOptions {
  readonly fetch: Pick<FetchOptions, 'allowPrivateNetworks' | 'userAgent' | 'timeoutMs' | 'allowHosts' | 'resolve'>;
  /** Requests to a host go through the same per-host limits as every other fetch. */
  readonly gate?: HostGate;
  /** How long a robots.txt is kept (default 24 h). */
  readonly ttlMs?: number;
  /** How long an unreadable one counts as "disallow all" before it is asked again (default 10 min). */
  readonly unavailableTtlMs?: number;
  /** Origins kept (default 5000, oldest dropped first). */
  readonly maxOrigins?: number;
  /** Longest Crawl-delay honoured (default 30 s); longer ones are capped. */
  readonly maxCrawlDelayMs?: number;
}

type Entry = { readonly rules: RobotsRules | 'unavailable'; readonly reason: string; readonly expiresAt: number };

/** The product token of a User-Agent ("Lede/0.1 (+https://…)" → "Lede"). */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0] || userAgent;
}

/** Reads a robots.txt outcome the RFC's way. */
export function rulesFromOutcome(outcome: FetchOutcome, token: string): { rules: RobotsRules | 'unavailable'; reason: string } {
  if (outcome.kind === 'fetched') return { rules: parseRobots(outcome.body, token), reason: '' };
  if (outcome.kind === 'not-modified') return { rules: ALLOW_ALL, reason: '' };
  const status = outcome.status ?? 0;
  if (outcome.reason === 'http-error' && status >= 400 && status < 500 && status !== 429) return { rules: ALLOW_ALL, reason: '' };
  // Nothing robots.txt could say would help a blocked or invalid address: the page fetch fails on its own.
  if (outcome.reason === 'blocked-address' || outcome.reason === 'invalid-url' || outcome.reason === 'too-large' || outcome.reason === 'unsupported-content-type') {
    return { rules: ALLOW_ALL, reason: '' };
  }
  return { rules: 'unavailable', reason: `robots: cannot read robots.txt (${outcome.message})` };
}

/** Creates a per-process robots.txt cache. */
export function createRobotsCache(opts: RobotsOptions): RobotsCheck {
  const ttlMs = opts.ttlMs ?? 86_400_000;
  const unavailableTtlMs = opts.unavailableTtlMs ?? 600_000;
  const maxOrigins = opts.maxOrigins ?? 5000;
  const maxDelay = opts.maxCrawlDelayMs ?? 30_000;
  const token = productToken(opts.fetch.userAgent);
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry>>();

  async function load(origin: string): Promise<Entry> {
    const url = `${origin}/robots.txt`;
    const outcome = await fetchUrl(url, { ...opts.fetch, accept: 'any', maxBytes: 1024 * 1024, keepAlive: true, ...(opts.gate ? { hosts: opts.gate } : {}) });
    const { rules, reason } = rulesFromOutcome(outcome, token);
    const entry = { rules, reason, expiresAt: Date.now() + (rules === 'unavailable' ? unavailableTtlMs : ttlMs) };
    cache.delete(origin);
    cache.set(origin, entry);
    while (cache.size > maxOrigins) cache.delete(cache.keys().next().value!);
    return entry;
  }

  async function entryFor(origin: string): Promise<Entry> {
    const cached = cache.get(origin);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = inflight.get(origin);
    if (!pending) {
      pending = load(origin).finally(() => inflight.delete(origin));
      inflight.set(origin, pending);
    }
    return pending;
  }

  return {
    async check(url: string): Promise<RobotsVerdict> {
      let origin: string;
      try {
        const u = new URL(url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') return { allowed: true };
        origin = u.origin;
      } catch {
        return { allowed: true }; // the fetch reports the invalid URL
      }
      const entry = await entryFor(origin);
      if (entry.rules === 'unavailable') return { allowed: false, unavailable: true, reason: entry.reason };
      const delay = entry.rules.crawlDelaySeconds;
      const crawlDelayMs = delay !== undefined ? Math.min(maxDelay, Math.round(delay * 1000)) : undefined;
      if (!isAllowed(entry.rules, url)) return { allowed: false, reason: `robots: ${origin}/robots.txt disallows ${new URL(url).pathname}`, ...(crawlDelayMs ? { crawlDelayMs } : {}) };
      return { allowed: true, ...(crawlDelayMs ? { crawlDelayMs } : {}) };
    },
  };
}
