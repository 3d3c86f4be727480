// Every setting Lede reads, described once: name, type, default and check. Parsed once in
// main.ts from the environment and command-line flags, frozen, and passed down.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { ReactionChoice } from './records.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Default poll reactions: id and label. */
export const DEFAULT_REACTIONS: readonly ReactionChoice[] = Object.freeze([
  { id: 'informative', label: 'Informative' },
  { id: 'interesting', label: 'Interesting' },
  { id: 'surprising', label: 'Surprising' },
  { id: 'sad', label: 'Sad' },
  { id: 'angry', label: 'Angry' },
]);

/** Parses "id:Label,id2:Label 2" into reaction choices (4 to 6 of them). */
export function parseReactions(value: string): ReactionChoice[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [id = '', ...rest] = s.split(':');
      return { id: id.trim(), label: (rest.join(':') || id).trim() };
    });
  for (const r of items) {
    if (!/^[a-z0-9][a-z0-9_-]{0,31}$/.test(r.id)) throw new Error(`config: invalid reaction id "${r.id}"`);
  }
  if (items.length < 4 || items.length > 6) throw new Error('config: LEDE_REACTIONS must list 4 to 6 reactions');
  if (new Set(items.map((r) => r.id)).size !== items.length) throw new Error('config: duplicate reaction id');
  return items;
}

const schema = z.object({
  LEDE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().optional(),
  LEDE_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier').default('public'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LEDE_ALLOW_PRIVATE_NETWORKS: bool.default(false),
  LEDE_USER_AGENT: z.string().optional(),
  LEDE_CONTACT_URL: z.string().url().default('https://github.com/lede-news/lede'),
  LEDE_POLL_INTERVAL_MINUTES: z.coerce.number().positive().default(30),
  LEDE_POLL_MIN_MINUTES: z.coerce.number().positive().default(5),
  LEDE_POLL_MAX_MINUTES: z.coerce.number().positive().default(1440),
  LEDE_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  LEDE_HOST_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(250),
  LEDE_FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  LEDE_ARTICLE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  LEDE_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  LEDE_POLL_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  LEDE_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  LEDE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  LEDE_REACTIONS: z.string().optional(),
  LEDE_SECRET: z.string().min(16).optional(),
  LEDE_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'not an IANA time zone (e.g. UTC, Asia/Seoul, Europe/London)'),
  LEDE_LLM_URL: z.string().url().optional(),
  LEDE_LLM_MODEL: z.string().min(1).optional(),
  LEDE_LLM_API_KEY: z.string().min(1).optional(),
  LEDE_LLM_API_KEY_FILE: z.string().min(1).optional(),
  LEDE_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60000),
  LEDE_LLM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  LEDE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  LEDE_MEDIA_PROXY: bool.default(false),
  LEDE_MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  LEDE_TRUST_PROXY: z.string().default(''),
  LEDE_VOTE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(300),
  LEDE_VOTE_LIMIT_PER_READER: z.coerce.number().int().min(0).default(60),
  LEDE_VOTE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  LEDE_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LEDE_LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  LEDE_WEB_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
});

/** The frozen, validated configuration. */
export interface Config {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** PostgreSQL schema of Lede's tables. */
  readonly databaseSchema: string;
  readonly port: number;
  readonly host: string;
  /** Web processes of `lede web`/`lede start` sharing the port (node:cluster); 1: serve in the process itself. */
  readonly webWorkers: number;
  readonly allowPrivateNetworks: boolean;
  readonly userAgent: string;
  readonly pollIntervalMinutes: number;
  /** Polling at scale: bounds of the adaptive interval, per-host politeness, and how much runs at once. */
  readonly polling: {
    readonly minMinutes: number;
    readonly maxMinutes: number;
    /** Requests in flight per host, and the rest of each slot after its request. */
    readonly hostConcurrency: number;
    readonly hostDelayMs: number;
    /** Requests in flight over all hosts (bounds memory: each may hold a body up to maxBodyBytes). */
    readonly fetchConcurrency: number;
    /** Article jobs run at once by one process. */
    readonly articleConcurrency: number;
    /** A running job's claim, renewed while it runs; a killed worker's jobs return after it. */
    readonly jobLeaseSeconds: number;
    /** A claimed source's lease; a killed poller's sources return after it. */
    readonly pollLeaseSeconds: number;
  };
  readonly fetchTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly reactions: readonly ReactionChoice[];
  /** Signs reader cookies and CSRF tokens; when unset, main.ts keeps one in the data folder. */
  readonly secret?: string;
  /** IANA time zone in which pages show dates. */
  readonly timeZone: string;
  /** An OpenAI-compatible chat-completions endpoint for abstractive summaries; offline when unset. */
  readonly llm?: {
    readonly url: string;
    readonly model: string;
    readonly apiKey?: string;
    readonly timeoutMs: number;
    readonly concurrency: number;
  };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Serve images of other hosts through /media so readers' addresses stay with Lede. */
  readonly mediaProxy: boolean;
  /** Largest image the media proxy passes on. */
  readonly mediaMaxBytes: number;
  /** Addresses (IPs or CIDRs) of reverse proxies whose X-Forwarded-For is believed. */
  readonly trustProxy: readonly string[];
  /** Poll limits per window; 0 turns a limit off. */
  readonly voteLimits: { readonly perAddress: number; readonly perReader: number; readonly windowSeconds: number };
  /** Failed logins (per account and per address) before the login form locks for `lockoutMinutes`. */
  readonly login: { readonly maxFailures: number; readonly lockoutMinutes: number };
}

/** Parses LEDE_TRUST_PROXY: comma-separated IP addresses or CIDR ranges ("loopback" for 127.0.0.0/8 and ::1). */
export function parseTrustProxy(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (raw === 'loopback') {
      out.push('127.0.0.0/8', '::1/128');
      continue;
    }
    const [addr = '', bits, extra] = raw.split('/');
    const v = isIP(addr);
    const max = v === 4 ? 32 : 128;
    if (!v || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`config: LEDE_TRUST_PROXY: "${raw}" is not an IP address or CIDR range`);
    }
    out.push(bits === undefined ? `${addr}/${max}` : raw);
  }
  return out;
}

/** Reads a secret from a file (Docker/Kubernetes secrets), trimmed; a one-line error when unreadable. */
function readSecretFile(path: string, name: string): string {
  try {
    const value = readFileSync(path, 'utf8').trim();
    if (!value) throw new Error('empty');
    return value;
  } catch (e) {
    throw new Error(`config: ${name}: cannot read ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
  allowPrivateNetworks?: boolean;
  /** Log level when LEDE_LOG_LEVEL is unset: the server logs at info, one-shot commands at warn. */
  defaultLogLevel?: Config['logLevel'];
  /** `lede worker --concurrency N`. */
  articleConcurrency?: number;
}

/** Builds the configuration from environment variables and flags; throws a one-line error when invalid. */
export function loadConfig(env: Record<string, string | undefined>, overrides: ConfigOverrides = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`config: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const version = '0.1';
  if (e.LEDE_LLM_URL && !e.LEDE_LLM_MODEL) throw new Error('config: LEDE_LLM_URL is set but LEDE_LLM_MODEL is not');
  if (e.LEDE_POLL_MIN_MINUTES > e.LEDE_POLL_MAX_MINUTES) throw new Error('config: LEDE_POLL_MIN_MINUTES is more than LEDE_POLL_MAX_MINUTES');
  if (e.LEDE_LLM_API_KEY && e.LEDE_LLM_API_KEY_FILE) throw new Error('config: set LEDE_LLM_API_KEY or LEDE_LLM_API_KEY_FILE, not both');
  const apiKey = e.LEDE_LLM_API_KEY_FILE ? readSecretFile(e.LEDE_LLM_API_KEY_FILE, 'LEDE_LLM_API_KEY_FILE') : e.LEDE_LLM_API_KEY;
  return Object.freeze({
    dataDir: overrides.dataDir ?? e.LEDE_DATA_DIR,
    databaseUrl: overrides.databaseUrl ?? (e.DATABASE_URL || undefined),
    databaseSchema: e.LEDE_DATABASE_SCHEMA,
    port: overrides.port ?? e.PORT,
    webWorkers: e.LEDE_WEB_WORKERS,
    host: overrides.host ?? e.HOST,
    allowPrivateNetworks: overrides.allowPrivateNetworks ?? e.LEDE_ALLOW_PRIVATE_NETWORKS,
    userAgent: e.LEDE_USER_AGENT ?? `Lede/${version} (+${e.LEDE_CONTACT_URL})`,
    pollIntervalMinutes: e.LEDE_POLL_INTERVAL_MINUTES,
    polling: Object.freeze({
      minMinutes: e.LEDE_POLL_MIN_MINUTES,
      maxMinutes: e.LEDE_POLL_MAX_MINUTES,
      hostConcurrency: e.LEDE_HOST_CONCURRENCY,
      hostDelayMs: e.LEDE_HOST_DELAY_MS,
      fetchConcurrency: e.LEDE_FETCH_CONCURRENCY,
      articleConcurrency: overrides.articleConcurrency ?? e.LEDE_ARTICLE_CONCURRENCY,
      jobLeaseSeconds: e.LEDE_JOB_LEASE_SECONDS,
      pollLeaseSeconds: e.LEDE_POLL_LEASE_SECONDS,
    }),
    fetchTimeoutMs: e.LEDE_FETCH_TIMEOUT_MS,
    maxBodyBytes: e.LEDE_MAX_BODY_BYTES,
    reactions: Object.freeze(e.LEDE_REACTIONS ? parseReactions(e.LEDE_REACTIONS) : [...DEFAULT_REACTIONS]),
    secret: e.LEDE_SECRET,
    timeZone: e.LEDE_TIMEZONE,
    llm:
      e.LEDE_LLM_URL && e.LEDE_LLM_MODEL
        ? Object.freeze({ url: e.LEDE_LLM_URL, model: e.LEDE_LLM_MODEL, apiKey, timeoutMs: e.LEDE_LLM_TIMEOUT_MS, concurrency: e.LEDE_LLM_CONCURRENCY })
        : undefined,
    logLevel: e.LEDE_LOG_LEVEL ?? overrides.defaultLogLevel ?? 'info',
    mediaProxy: e.LEDE_MEDIA_PROXY,
    mediaMaxBytes: e.LEDE_MEDIA_MAX_BYTES,
    trustProxy: Object.freeze(parseTrustProxy(e.LEDE_TRUST_PROXY)),
    voteLimits: Object.freeze({
      perAddress: e.LEDE_VOTE_LIMIT_PER_ADDRESS,
      perReader: e.LEDE_VOTE_LIMIT_PER_READER,
      windowSeconds: e.LEDE_VOTE_LIMIT_WINDOW_SECONDS,
    }),
    login: Object.freeze({ maxFailures: e.LEDE_LOGIN_MAX_FAILURES, lockoutMinutes: e.LEDE_LOGIN_LOCKOUT_MINUTES }),
  });
}
