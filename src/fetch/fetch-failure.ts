// Turns fetch errors into FetchOutcome failures with stable reason codes and one-line messages.
import type { FetchFailureReason, FetchOutcome } from '../core/records.ts';
import { BodyTooLargeError } from './read-body.ts';
import { BlockedAddressError } from './ssrf-guard.ts';

/** Collapses a message onto one line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Quotes user input for a message, truncated. */
export function quote(s: string): string {
  const t = s.length > 200 ? `${s.slice(0, 200)}…` : s;
  return JSON.stringify(t);
}

/** "10 MB", "1000 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

/** "15 s", "200 ms". */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

/** Builds a failed outcome with a one-line message. */
export function failed(url: string, reason: FetchFailureReason, message: string, status?: number): FetchOutcome {
  return { kind: 'failed', url, reason, message: oneLine(message), ...(status !== undefined ? { status } : {}) };
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message for a refused address. */
export function blockedMessage(b: BlockedAddressError, url: string): string {
  const what = b.address === b.hostname.replace(/^\[|\]$/g, '') && !/^[\d.]+$|:/.test(b.address) ? 'host' : 'address';
  return `fetch: refusing private ${what} ${b.address} (${b.range}) for ${url}`;
}

function findBlocked(e: unknown): BlockedAddressError | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    if (cur instanceof BlockedAddressError) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps an error thrown by undici, the guarded lookup or the body reader to a failure; undefined for an abort. */
export function failureFromError(e: unknown, url: string, opts: { timeoutMs: number; maxBytes: number }): FetchOutcome | undefined {
  const blocked = findBlocked(e);
  if (blocked) return failed(url, 'blocked-address', blockedMessage(blocked, url));
  if (e instanceof BodyTooLargeError) return failed(url, 'too-large', `fetch: body of ${url} exceeds ${formatBytes(opts.maxBytes)}`);
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return failed(url, 'timeout', `fetch: ${url} timed out after ${formatDuration(opts.timeoutMs)}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return failed(url, 'dns-failed', `fetch: cannot resolve host of ${url} (${code})`);
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return failed(url, 'connect-failed', `fetch: cannot connect to ${url} (${code})`);
    case 'ABORT_ERR':
    case 'UND_ERR_ABORTED':
      return undefined; // caller's abort: handled by the caller of this function
    default:
      if (code?.startsWith('ERR_TLS') || /certificate|ssl|tls/i.test(detail)) {
        return failed(url, 'connect-failed', `fetch: TLS failure for ${url} (${code ?? detail})`);
      }
      return failed(url, 'network-error', `fetch: ${url} failed: ${code ? `${code} ` : ''}${detail}`);
  }
}
