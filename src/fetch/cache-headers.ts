// The response headers that tell a poller when to come back: Cache-Control max-age (RFC 9111
// §5.2.2.1) and Retry-After (RFC 9110 §10.2.3, seconds or an HTTP date).

/** Seconds of Cache-Control `max-age` (`s-maxage` is for shared caches; `no-store`/`no-cache` mean 0); undefined when absent. */
export function parseMaxAge(cacheControl: string | undefined): number | undefined {
  if (!cacheControl) return undefined;
  const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache')) return 0;
  for (const d of directives) {
    const m = /^max-age\s*=\s*"?(\d{1,10})"?$/.exec(d);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Seconds a Retry-After asks to wait, from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{1,10}$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (!Number.isFinite(at) || !/[a-z]/i.test(v)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
