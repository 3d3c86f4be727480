// The composition root: the only file that reads the environment and picks adapters. It parses
// the command line, and each command gets an AppContext built here.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { AppContext, Boot } from './cli/app-context.ts';
import { registerAdmin } from './cli/commands/admin.ts';
import { registerExport } from './cli/commands/export.ts';
import { registerExtract } from './cli/commands/extract.ts';
import { registerImport } from './cli/commands/import.ts';
import { registerIngest } from './cli/commands/ingest.ts';
import { registerMigrate } from './cli/commands/migrate.ts';
import { registerPoll } from './cli/commands/poll.ts';
import { registerSources } from './cli/commands/sources.ts';
import { registerStart } from './cli/commands/start.ts';
import { registerTokens } from './cli/commands/tokens.ts';
import { registerWeb } from './cli/commands/web.ts';
import { registerWorker } from './cli/commands/worker.ts';
import { type Config, loadConfig } from './core/config.ts';
import { LedeError } from './core/errors.ts';
import { createLogger, type Logger } from './core/log.ts';
import { createMetrics } from './core/metrics.ts';
import type { ExtractOptions } from './extract/extract-article.ts';
import type { FetchSettings } from './pipeline/process-item.ts';
import type { Queue } from './queue/queue.ts';
import type { Store } from './store/store.ts';

/** Keeps a random secret in the data folder so reader cookies survive restarts. */
function dataSecret(dataDir: string): string {
  const path = join(dataDir, 'secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret + '\n', { mode: 0o600 });
  return secret;
}

// Adapters are imported when a command needs them, so `lede --help` starts in a blink.
async function openStore(databaseUrl: string | undefined, dataDir: string, schema: string): Promise<Store> {
  if (!databaseUrl || /^sqlite:/.test(databaseUrl)) {
    const { openSqliteStore } = await import('./store/sqlite/sqlite-store.ts');
    return openSqliteStore(databaseUrl ? databaseUrl.replace(/^sqlite:(\/\/)?/, '') : join(dataDir, 'lede.sqlite'));
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { openPostgresStore } = await import('./store/postgres/postgres-store.ts');
    return openPostgresStore({ connectionString: databaseUrl, schema });
  }
  throw new LedeError('config-invalid', `store: DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got ${databaseUrl.split(':')[0]}:)`);
}

/** pg-boss on the store's PostgreSQL, in schema `pgboss` (or `<LEDE_DATABASE_SCHEMA>_pgboss`). */
async function pgBossQueue(config: Config, log: Logger): Promise<Queue> {
  const [{ openPgBossQueue }, { lazyQueue }] = await Promise.all([import('./queue/pgboss-queue.ts'), import('./queue/lazy-queue.ts')]);
  const lease = config.polling.jobLeaseSeconds;
  return lazyQueue(() =>
    openPgBossQueue({
      connectionString: config.databaseUrl!,
      schema: config.databaseSchema === 'public' ? 'pgboss' : `${config.databaseSchema}_pgboss`,
      log,
      // A dead worker's job is retried once its lease is over; maintenance looks twice per lease.
      expireInSeconds: lease,
      maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(lease / 2))),
      pollingIntervalSeconds: 1,
    }),
  );
}

const boot: Boot = async (global, overrides = {}) => {
  const config = loadConfig(process.env, {
    defaultLogLevel: 'warn',
    ...overrides,
    dataDir: global.data ?? overrides.dataDir,
    databaseUrl: global.database ?? overrides.databaseUrl,
  });
  const log = createLogger(config.logLevel);
  const dataDir = resolve(config.dataDir);
  const store = await openStore(overrides.storeless ? 'sqlite::memory:' : config.databaseUrl, dataDir, config.databaseSchema);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  const [{ createIsolatedExtractor }, { createArticleSummarizer }] = await Promise.all([
    import('./extract/extract-isolated.ts'),
    import('./summarize/summarize-article.ts'),
  ]);
  const extractor = createIsolatedExtractor();
  // One summarizer per process: its cache and its limit on concurrent model calls live here.
  const llm = config.llm
    ? (await import('./summarize/openai-llm.ts')).createOpenAiLlm({ url: config.llm.url, model: config.llm.model, apiKey: config.llm.apiKey, timeoutMs: config.llm.timeoutMs, maxConcurrency: config.llm.concurrency })
    : undefined;
  const summarize = createArticleSummarizer({ llm, log });
  // Polling at scale: one per-host limiter for every fetch of the poller and the article jobs,
  // robots.txt per origin, feeds parsed in a worker thread, and the embedded job queue in the
  // store's own database (so a poll's entries and their jobs are written in one transaction).
  const [{ createHostLimiter }, { createRobotsCache }, { createIsolatedFeedParser }, { createDbQueue }] = await Promise.all([
    import('./fetch/host-limiter.ts'),
    import('./fetch/robots.ts'),
    import('./fetch/parse-feed-isolated.ts'),
    import('./queue/db-queue.ts'),
  ]);
  const hosts = createHostLimiter({ perHost: config.polling.hostConcurrency, delayMs: config.polling.hostDelayMs, maxTotal: config.polling.fetchConcurrency });
  const feedParser = createIsolatedFeedParser();
  // SQLite: the embedded queue in the store's own file. PostgreSQL: pg-boss in a schema beside
  // Lede's, opened on first use (web processes never use it).
  const postgres = !overrides.storeless && !!config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl);
  const queue = postgres ? await pgBossQueue(config, log) : createDbQueue({ database: store.sharedDatabase(), log, leaseMs: config.polling.jobLeaseSeconds * 1000 });
  const metrics = createMetrics();
  const fetchKind = { feed: 'feed', html: 'page', image: 'image', any: 'other' } as const;
  const fetchSettings: FetchSettings = {
    allowPrivateNetworks: config.allowPrivateNetworks,
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxBodyBytes,
    observe: (accept, outcome, seconds) => metrics.observeFetch(fetchKind[accept], outcome.kind === 'failed' ? outcome.reason : outcome.kind, seconds),
  };
  const pipeline = {
    store,
    log,
    extract: (html: string, opts: ExtractOptions) => extractor.extract(html, opts),
    summarize,
    fetch: fetchSettings,
  };
  const app: AppContext = {
    config,
    log,
    metrics,
    store,
    secret: config.secret ?? (overrides.storeless ? randomBytes(32).toString('base64url') : dataSecret(dataDir)),
    pipeline,
    queue,
    poller: {
      ...pipeline,
      queue,
      jobsInStore: !postgres,
      hosts,
      robots: createRobotsCache({ fetch: fetchSettings, gate: hosts }),
      parseFeed: (body, opts) => feedParser.parse(body, opts),
      // The model's summaries come in 'summarize' jobs, so a slow model holds up no article job.
      ...(llm ? { summaryJobs: queue } : {}),
    },
    close: async () => {
      await queue.stop({ timeoutMs: 10_000 });
      await feedParser.close();
      await extractor.close();
      await store.close();
    },
  };
  return app;
};

const program = new Command()
  .name('lede')
  .description('Lede: a self-hosted news wire. Fetches, extracts, summarizes and publishes news articles.')
  .version('0.1.0')
  .option('--data <dir>', 'data folder for the SQLite database (default ./data, env LEDE_DATA_DIR)')
  .option('--database <url>', 'database URL (env DATABASE_URL); SQLite under --data when unset')
  .showHelpAfterError()
  .exitOverride();

registerStart(program, boot);
registerWeb(program, boot);
registerWorker(program, boot);
registerIngest(program, boot);
registerExtract(program, boot);
registerSources(program, boot);
registerPoll(program, boot);
registerMigrate(program, boot);
registerAdmin(program, boot);
registerTokens(program, boot);
registerExport(program, boot);
registerImport(program, boot);
program.addHelpText(
  'after',
  `
All commands (each takes --data DIR and --database URL):
  lede start [--port N] [--host H] [--demo]   web reader, API and poller in one process
  lede web [--port N] [--host H]                reader, admin and API only (scale out: many of them)
  lede worker [--concurrency N] [--no-poll] [--metrics-port N]   polling and article jobs, no web
  lede ingest <url|file> [--source ID] [--json]  one article into the store
  lede extract <url|file> [--json|--markdown]    extract and summarize without storing
  lede sources add <feed-or-site-url> [--name --logo --email --description --lang]
  lede sources list                              publishers and their health
  lede sources import <file.opml|-> [--json]     add or update sources from an OPML file; no feed is fetched
  lede sources export [--output FILE]            every source with a feed, as OPML 2.0
  lede poll                                      poll every source once
  lede migrate                                   create or update the database schema
  lede export [--output FILE] [--credentials]    the whole store as JSONL (to move it to another database)
  lede import <file|-> [--merge] [--dry-run]     load an export: checked whole, then one transaction
  lede admin create <email> [--password-stdin]   an admin account for /admin (password printed once)
  lede admin password <email> | lede admin list
  lede tokens create [--name N] | list | revoke <id>   API tokens for the write API

Environment: LEDE_DATA_DIR, DATABASE_URL, PORT, HOST, LEDE_ALLOW_PRIVATE_NETWORKS,
LEDE_POLL_INTERVAL_MINUTES, LEDE_REACTIONS, LEDE_SECRET, LEDE_MEDIA_PROXY, LEDE_TRUST_PROXY,
LEDE_VOTE_LIMIT_PER_ADDRESS, LEDE_VOTE_LIMIT_PER_READER (see README).`,
);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has printed its own message (help, version, usage errors).
    process.exit(e.exitCode);
  }
  const message = e instanceof LedeError ? e.message : e instanceof Error ? e.message : String(e);
  process.stderr.write(`lede: ${message.split('\n')[0]}\n`);
  if (!(e instanceof LedeError) && process.env.LEDE_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(e instanceof LedeError && e.code === 'invalid-input' ? 2 : 1);
}
