// `lede start`: the web server and the poller in one process (what `npm start` runs).
import type { Command } from 'commander';
import { LedeError } from '../../core/errors.ts';
import type { FixtureSite } from '../../demo/fixture-site.ts';
import type { AppContext, Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

interface StartOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  demoPort?: string;
}

function parsePort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new LedeError('invalid-input', `${flag} must be a port number, not "${value}"`);
  return n;
}

/** Starts the demo publisher on loopback and registers it as sources with fixed ids. */
async function startDemo(app: AppContext, port: number): Promise<FixtureSite> {
  const { demoPublishers, resolveDemoPublisher, startFixtureSite } = await import('../../demo/fixture-site.ts');
  const site = await startFixtureSite({ port });
  for (const info of demoPublishers) {
    const p = resolveDemoPublisher(info, site.url);
    await app.store.upsertSource({
      id: `demo-${p.slug}`,
      name: p.name,
      homepageUrl: p.homepageUrl,
      feedUrl: p.feedUrl,
      logoUrl: p.logoUrl,
      email: p.email,
      description: p.description,
      lang: p.lang,
    });
  }
  return site;
}

/** Registers `start`. */
export function registerStart(program: Command, boot: Boot): void {
  program
    .command('start')
    .description('serve the reader and API, and poll sources, in one process')
    .option('--port <n>', 'port to listen on (default 3000, env PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, env HOST)')
    .option('--demo', 'also serve a bundled sample publisher on loopback and ingest it')
    .option('--demo-port <n>', 'port of the demo publisher site', '3001')
    .action(async (opts: StartOptions, cmd: Command) => {
      const port = parsePort(opts.port, '--port');
      const demoPort = parsePort(opts.demoPort, '--demo-port') ?? 3001;
      const app = await boot(globals(cmd), {
        defaultLogLevel: 'info',
        port,
        host: opts.host,
        ...(opts.demo ? { allowPrivateNetworks: true } : {}),
      });
      const site = opts.demo ? await startDemo(app, demoPort) : undefined;
      const [{ serve }, { createWebApp }, { startPoller }] = await Promise.all([
        import('@hono/node-server'),
        import('../../web/app.tsx'),
        import('../poller.ts'),
      ]);
      const web = createWebApp({
        store: app.store,
        reactions: app.config.reactions,
        secret: app.secret,
        log: app.log,
        timeZone: app.config.timeZone,
        pipeline: app.pipeline,
        mediaProxy: app.config.mediaProxy ? { maxBytes: app.config.mediaMaxBytes } : undefined,
        trustProxy: app.config.trustProxy,
        voteLimits: app.config.voteLimits,
        login: app.config.login,
      });
      const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve({ fetch: web.fetch, port: app.config.port, hostname: app.config.host }, () => resolve(s));
        s.once('error', (e: NodeJS.ErrnoException) =>
          reject(new LedeError('invalid-input', `start: cannot listen on ${app.config.host}:${app.config.port} (${e.code ?? e.message})`)),
        );
      });
      // Due sources every 10 s (each source's own interval decides when it is due), and the article jobs.
      const poller = await startPoller(app, { tickMs: 10_000 });
      const address = server.address();
      const shownPort = typeof address === 'object' && address ? address.port : app.config.port;
      const shownHost = app.config.host === '0.0.0.0' || app.config.host === '127.0.0.1' ? 'localhost' : app.config.host;
      print(`Lede is running at http://${shownHost}:${shownPort}/ (data: ${app.config.databaseUrl ? 'DATABASE_URL' : app.config.dataDir})`);
      if (site) print(`Demo publisher site at ${site.url}/ — its articles appear within a few seconds.`);

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.log.info('shutting down', { signal });
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await poller.stop();
        await site?.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
