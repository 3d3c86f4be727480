// `lede web`: the reader, admin pages and API only — stateless, so any number of them can run
// behind a load balancer (the same LEDE_SECRET and database everywhere). No polling, no jobs.
import type { Command } from 'commander';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';
import { onShutdown, parsePort } from '../process-signals.ts';
import { clusterMetricsReader, serveClusterMetrics } from '../cluster-metrics.ts';
import { forkWebWorkers, isWebWorker, parseWorkers } from '../web-cluster.ts';

/** Registers `web`. */
export function registerWeb(program: Command, boot: Boot): void {
  program
    .command('web')
    .description('serve the reader, admin pages and API (no polling or jobs; run `lede worker` for those)')
    .option('--port <n>', 'port to listen on (default 3000, env PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, env HOST)')
    .option('--workers <n>', 'web processes sharing the port (env LEDE_WEB_WORKERS, default 1)')
    .action(async (opts: { port?: string; host?: string; workers?: string }, cmd: Command) => {
      const workersFlag = parseWorkers(opts.workers);
      const app = await boot(globals(cmd), { defaultLogLevel: 'info', port: parsePort(opts.port, '--port'), host: opts.host });
      const workers = workersFlag ?? app.config.webWorkers;
      if (workers > 1 && !isWebWorker()) {
        // The primary only keeps its web processes running.
        serveClusterMetrics(app.metrics.registry);
        const web = forkWebWorkers(workers, app.log);
        const port = await web.listening;
        print(`Lede web is serving on http://${app.config.host}:${port}/ (${workers} processes)`);
        onShutdown(app.log, async () => {
          await web.stop();
          await app.close();
        });
        return;
      }
      const { startWebServer, webDepsOf } = await import('../web-server.ts');
      const metricsText = isWebWorker() ? clusterMetricsReader(app.metrics.registry) : undefined;
      const server = await startWebServer(app, webDepsOf(app, { metrics: app.metrics, ...(metricsText ? { metricsText } : {}) }));
      if (!isWebWorker()) print(`Lede web is serving on http://${app.config.host}:${server.port}/`);
      onShutdown(app.log, async () => {
        await server.close();
        await app.close();
      });
    });
}
