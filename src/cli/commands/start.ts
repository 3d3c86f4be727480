// `lede start`: the web server and the poller in one process (what `npm start` runs).
import type { Command } from 'commander';
import type { FixtureSite } from '../../demo/fixture-site.ts';
import type { AppContext, Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';
import { onShutdown, parsePort } from '../process-signals.ts';
import { clusterMetricsReader, serveClusterMetrics } from '../cluster-metrics.ts';
import { forkWebWorkers, isWebWorker, parseWorkers } from '../web-cluster.ts';

interface StartOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  demoPort?: string;
  workers?: string;
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
    .option('--workers <n>', 'web processes sharing the port; polling and jobs stay in this one (env LEDE_WEB_WORKERS, default 1)')
    .action(async (opts: StartOptions, cmd: Command) => {
      const port = parsePort(opts.port, '--port');
      const demoPort = parsePort(opts.demoPort, '--demo-port') ?? 3001;
      const workersFlag = parseWorkers(opts.workers);
      const app = await boot(globals(cmd), {
        defaultLogLevel: 'info',
        port,
        host: opts.host,
        ...(opts.demo ? { allowPrivateNetworks: true } : {}),
      });
      const [{ startWebServer, webDepsOf }, { startPoller }] = await Promise.all([import('../web-server.ts'), import('../poller.ts')]);
      const metrics = app.metrics;
      metrics.setQueueDepthSource(async () => Object.fromEntries(Object.entries(await app.queue.counts()).map(([q, c]) => [q, { ...c }])));
      const ready = async () => void (await app.queue.counts());
      if (isWebWorker()) {
        const webDeps = webDepsOf(app, { metrics, metricsText: clusterMetricsReader(metrics.registry), ready });
        // A web process forked by `lede start --workers N`: it only serves.
        const server = await startWebServer(app, webDeps);
        onShutdown(app.log, async () => {
          await server.close();
          await app.close();
        });
        return;
      }
      const workers = workersFlag ?? app.config.webWorkers;
      const site = opts.demo ? await startDemo(app, demoPort) : undefined;
      let web: { port: number; close(): Promise<void> };
      const webDeps = webDepsOf(app, { metrics, ready });
      if (workers > 1) {
        serveClusterMetrics(metrics.registry);
        const forked = forkWebWorkers(workers, app.log);
        web = { port: await forked.listening, close: () => forked.stop() };
      } else {
        web = await startWebServer(app, webDeps);
      }
      // Due sources every 10 s (each source's own interval decides when it is due), and the article jobs.
      const poller = await startPoller(app, { tickMs: 10_000 });
      const shownHost = app.config.host === '0.0.0.0' || app.config.host === '127.0.0.1' ? 'localhost' : app.config.host;
      print(
        `Lede is running at http://${shownHost}:${web.port}/ (data: ${app.config.databaseUrl ? 'DATABASE_URL' : app.config.dataDir}${workers > 1 ? `; ${workers} web processes` : ''})`,
      );
      if (site) print(`Demo publisher site at ${site.url}/ — its articles appear within a few seconds.`);
      onShutdown(app.log, async () => {
        await web.close();
        await poller.stop();
        await site?.close();
        await app.close();
      });
    });
}
