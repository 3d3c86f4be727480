// Fetches one URL for the pipeline: SSRF-guarded at connect time, redirects followed by hand
// (every hop re-checked), body capped after decompression, charset decoded. Network and HTTP
// problems come back as `{ kind: 'failed', reason }` values, never as exceptions. With
// accept 'image' the body stays bytes: no charset decoding, and the magic bytes must be a raster image.
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import type { FetchOutcome } from '../core/records.ts';
import { acceptHeader, describeAccept, documentKind, judgeMediaType, mediaTypeOf, sniffAccepts, sniffedType, sniffImageType, type AcceptKind } from './content-type-check.ts';
import { decodeBody } from './decode-body.ts';
import { parseMaxAge, parseRetryAfter } from './cache-headers.ts';
import { blockedMessage, failed, failureFromError, formatBytes, quote } from './fetch-failure.ts';
import { readBodyCapped } from './read-body.ts';
import type { HostGate } from './host-limiter.ts';
import { checkHostname, createGuardedLookup, type Resolver } from './ssrf-guard.ts';

/** Options of fetchUrl. */
export interface FetchOptions {
  /** Allow loopback, private, link-local… addresses (config LEDE_ALLOW_PRIVATE_NETWORKS). Cloud metadata stays refused. */
  allowPrivateNetworks: boolean;
  /** User-Agent header, e.g. 'Lede/0.1 (+https://github.com/lede)'. */
  userAgent: string;
  /**
   * Which content types are acceptable. 'image' passes raster images only (never SVG), judged by
   * their magic bytes: the outcome's contentType is the sniffed type, body is '' and charset ''.
   */
  accept: AcceptKind;
  /** Connect, headers and body-idle timeouts in ms; default 15000. */
  timeoutMs?: number;
  /** Cap on the (decompressed) body; default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /** Told of every fetch's outcome and duration on the wire, waits for host slots left out (metrics). */
  observe?: (accept: AcceptKind, outcome: FetchOutcome, seconds: number) => void;
  /** Conditional GET validators from the previous fetch. */
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
  /** Hosts ("host" or "host:port") exempt from the private-address guard, e.g. a local fixture site. */
  allowHosts?: readonly string[];
  /** DNS resolver override (tests); the system resolver otherwise. */
  resolve?: Resolver;
  /**
   * Reuse connections across calls: a pool shared by the process (per trust level and timeout),
   * for a poller that asks the same hosts again and again. Its guarded lookup still checks every
   * new connection. Ignored with `resolve`.
   */
  keepAlive?: boolean;
  /** false leaves the body as bytes only (`body` and `charset` empty): for feeds, parsed from their bytes. */
  decodeText?: boolean;
  /**
   * Per-host limits: every hop's request waits for a slot of its own host, and a redirect gives
   * its slot back before the next hop asks for one (so two hosts redirecting to each other cannot
   * deadlock). Each outcome names the host that answered (`url`), the one to pause after a 429.
   */
  hosts?: HostGate;
  /** At least this long between request starts on the first URL's host (robots.txt Crawl-delay); with `hosts`. */
  spacingMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Drops a response body we will not read; the listener keeps undici's abort error from going uncaught.
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

// Drops a small body we will not read (304, redirect, error page): read to the end, a shared
// connection stays usable; a per-call one is closed anyway.
function drain(body: Dispatcher.ResponseData['body'], keepAlive: boolean | undefined): void {
  if (!keepAlive) return discard(body);
  body.on('error', () => undefined);
  body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}

const sharedAgents = new Map<string, Agent>();

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function hostAllowed(url: URL, allowHosts: readonly string[] | undefined): boolean {
  if (!allowHosts?.length) return false;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowHosts.includes(url.hostname) || allowHosts.includes(`${url.hostname}:${port}`);
}

/** Fetches `url` (GET) and returns the decoded body, not-modified, or a failure with a stable reason; never throws for network/HTTP problems. */
export function fetchUrl(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  return fetchUrlThen(url, opts, async (outcome) => outcome);
}

/**
 * fetchUrl, then `use` of the outcome while the answering host's slot is still held (with
 * `opts.hosts`): a feed is parsed inside its request slot, so only a few fetched bodies ever wait
 * for the parser.
 */
export async function fetchUrlThen<T>(url: string, opts: FetchOptions, use: (outcome: FetchOutcome, timing: FetchTiming) => Promise<T>): Promise<T> {
  if (!opts.observe) return fetchOnce(url, opts, use);
  const observe = opts.observe;
  return fetchOnce(url, opts, (outcome, timing) => {
    observe(opts.accept, outcome, timing.requestMs / 1000);
    return use(outcome, timing);
  });
}

/** How long a fetch took: on the wire (every hop), and waiting for host slots before that. */
export interface FetchTiming {
  readonly requestMs: number;
  readonly waitMs: number;
}

async function fetchOnce<T>(url: string, opts: FetchOptions, use: (outcome: FetchOutcome, timing: FetchTiming) => Promise<T>): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return use(failed(url, 'invalid-url', `fetch: invalid URL ${quote(url)}`), { requestMs: 0, waitMs: 0 });
  }
  // One agent per call per trust level (or, with keepAlive, one per process): connections never
  // outlive the call unless asked to, and the guarded one only ever connects to addresses its
  // lookup has checked.
  const agentOptions = (allowPrivate: boolean): Agent.Options => ({
    connect: { timeout: timeoutMs, lookup: createGuardedLookup({ allowPrivateNetworks: allowPrivate, ...(opts.resolve ? { resolve: opts.resolve } : {}) }) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const agents = new Map<boolean, Agent>();
  const keepAlive = opts.keepAlive && !opts.resolve;
  const agentFor = (allowPrivate: boolean): Agent => {
    if (keepAlive) {
      const key = `${allowPrivate}:${timeoutMs}`;
      let shared = sharedAgents.get(key);
      if (!shared) sharedAgents.set(key, (shared = new Agent(agentOptions(allowPrivate))));
      return shared;
    }
    let a = agents.get(allowPrivate);
    if (!a) agents.set(allowPrivate, (a = new Agent(agentOptions(allowPrivate))));
    return a;
  };
  const visited = new Set<string>();
  const firstHost = current.hostname;
  /** Time spent waiting for host slots, left out of the request's duration. */
  let waitMs = 0;
  let held: (() => void) | null = null;
  const letGo = () => {
    held?.();
    held = null;
  };
  const walk = async (): Promise<FetchOutcome> => {
    for (let hop = 0; ; hop++) {
      const here = current.href;
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        return failed(here, 'invalid-url', `fetch: unsupported scheme ${current.protocol} in ${quote(here)}`);
      }
      visited.add(here);
      const exempt = hostAllowed(current, opts.allowHosts);
      const allowPrivate = opts.allowPrivateNetworks || exempt;
      const blocked = checkHostname(current.hostname, allowPrivate);
      if (blocked) {
        return failed(here, 'blocked-address', blockedMessage(blocked, here));
      }
      if (opts.hosts) {
        const asked = performance.now();
        held = await opts.hosts.acquire(here, current.hostname === firstHost && opts.spacingMs ? { spacingMs: opts.spacingMs } : {});
        waitMs += performance.now() - asked;
      }
      let res: Dispatcher.ResponseData;
      try {
        res = await request(here, {
          method: 'GET',
          dispatcher: agentFor(allowPrivate),
          headers: {
            'user-agent': opts.userAgent,
            accept: acceptHeader(opts.accept),
            'accept-encoding': 'gzip, deflate, br',
            ...(opts.etag ? { 'if-none-match': opts.etag } : {}),
            ...(opts.lastModified ? { 'if-modified-since': opts.lastModified } : {}),
          },
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      } catch (e) {
        return failureOrRethrow(e, here, { timeoutMs, maxBytes }, opts.signal);
      }
      const status = res.statusCode;
      if (REDIRECT_STATUSES.has(status) && header(res.headers, 'location')) {
        drain(res.body, keepAlive);
        const location = header(res.headers, 'location')!;
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return failed(here, 'invalid-url', `fetch: ${here} redirects to invalid URL ${quote(location)}`);
        }
        if (visited.has(next.href)) {
          return failed(here, 'too-many-redirects', `fetch: redirect loop from ${url} (back to ${next.href})`);
        }
        if (hop + 1 > maxRedirects) {
          return failed(here, 'too-many-redirects', `fetch: too many redirects (more than ${maxRedirects}) from ${url}`);
        }
        current = next;
        letGo();
        continue;
      }
      return await finish(res, url, here, opts, { timeoutMs, maxBytes });
    }
  };
  const started = performance.now();
  try {
    const outcome = await walk();
    return await use(outcome, { requestMs: performance.now() - started - waitMs, waitMs });
  } finally {
    letGo();
    for (const a of agents.values()) a.destroy().catch(() => undefined);
  }
}

function failureOrRethrow(e: unknown, url: string, limits: { timeoutMs: number; maxBytes: number }, signal?: AbortSignal): FetchOutcome {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    // An AbortSignal.timeout() is a timeout like any other; any other abort is the caller's and is rethrown.
    if (reason instanceof DOMException && reason.name === 'TimeoutError') {
      return failed(url, 'timeout', `fetch: ${url} timed out (aborted by the caller's deadline)`);
    }
    throw reason ?? e;
  }
  return failureFromError(e, url, limits) ?? failed(url, 'network-error', `fetch: ${url} aborted`);
}

// Handles a final (non-redirect) response: status, content type, body and charset.
async function finish(
  res: Dispatcher.ResponseData,
  requestedUrl: string,
  url: string,
  opts: FetchOptions,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<FetchOutcome> {
  const status = res.statusCode;
  const maxAge = parseMaxAge(header(res.headers, 'cache-control'));
  const freshness = maxAge !== undefined ? { maxAgeSeconds: maxAge } : {};
  if (status === 304) {
    drain(res.body, opts.keepAlive && !opts.resolve);
    return { kind: 'not-modified', url, ...freshness };
  }
  if (status < 200 || status >= 300) {
    drain(res.body, opts.keepAlive && !opts.resolve);
    const text = STATUS_CODES[status] ?? 'Unknown Status';
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(header(res.headers, 'retry-after')) : undefined;
    if (retryAfter === undefined) return failed(url, 'http-error', `fetch: ${url} answered ${status} ${text}`, status);
    return { kind: 'failed', url, reason: 'http-error', status, message: `fetch: ${url} answered ${status} ${text} (retry after ${retryAfter} s)`, retryAfterSeconds: retryAfter };
  }
  const rawType = header(res.headers, 'content-type');
  const mediaType = mediaTypeOf(rawType);
  const verdict = judgeMediaType(opts.accept, mediaType);
  if (verdict === 'reject') {
    discard(res.body);
    return failed(url, 'unsupported-content-type', `fetch: expected ${describeAccept(opts.accept)} but ${url} is ${mediaType}`);
  }
  const length = Number(header(res.headers, 'content-length'));
  if (Number.isFinite(length) && length > limits.maxBytes) {
    discard(res.body);
    return failed(url, 'too-large', `fetch: body of ${url} exceeds ${formatBytes(limits.maxBytes)} (Content-Length ${length})`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBodyCapped(res.body, header(res.headers, 'content-encoding'), limits.maxBytes);
  } catch (e) {
    discard(res.body);
    return failureOrRethrow(e, url, limits, opts.signal);
  }
  if (verdict === 'sniff' && !sniffAccepts(opts.accept, bytes)) {
    return failed(url, 'unsupported-content-type', `fetch: expected ${describeAccept(opts.accept)} but ${url} is ${mediaType || 'untyped'} and does not look like one`);
  }
  const etag = header(res.headers, 'etag');
  const lastModified = header(res.headers, 'last-modified');
  if (opts.accept === 'image') {
    // Binary: decoding bytes to text would cost time and mean nothing. The sniff above passed, so there is a type.
    const imageType = sniffImageType(bytes) ?? 'application/octet-stream';
    return {
      kind: 'fetched',
      requestedUrl,
      url,
      status,
      contentType: imageType,
      body: '',
      bytes,
      charset: '',
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  }
  const kind = documentKind(mediaType, bytes);
  const decoded = opts.decodeText === false ? { text: '', charset: '' } : decodeBody(bytes, { ...(rawType ? { contentType: rawType } : {}), kind });
  return {
    kind: 'fetched',
    requestedUrl,
    url,
    status,
    contentType: mediaType || sniffedType(kind),
    body: decoded.text,
    bytes,
    charset: decoded.charset,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    ...freshness,
  };
}
