// `lede worker`: polls due sources and runs article jobs, with no web server. Run as many as
// you like against one database: a due source is claimed by one worker, a job by one worker, and
// a killed worker's claims come back when their leases end. SIGTERM stops taking work, lets
// running jobs finish (up to --grace seconds) and releases the rest.
import type { Command } from 'commander';
import { LedeError } from '../../core/errors.ts';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';
import { onShutdown, parsePort } from '../process-signals.ts';

interface WorkerOptions {
  concurrency?: string;
  metricsPort?: string;
  grace?: string;
  poll?: boolean;
}

function positiveInt(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new LedeError('invalid-input', `worker: ${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

/** Registers `worker`. */
export function registerWorker(program: Command, boot: Boot): void {
  program
    .command('worker')
    .description('poll sources and process article jobs (no web server); run several for more throughput')
    .option('--concurrency <n>', 'article jobs at once in this process (env LEDE_ARTICLE_CONCURRENCY)')
    .option('--no-poll', 'only run article jobs; leave polling to other workers')
    .option('--metrics-port <n>', 'serve /health, /ready and /metrics on this port')
    .option('--grace <seconds>', 'on SIGTERM, how long running jobs may take to finish', '30')
    .action(async (opts: WorkerOptions, cmd: Command) => {
      const articleConcurrency = positiveInt(opts.concurrency, '--concurrency', 256);
      const graceSeconds = positiveInt(opts.grace, '--grace', 3600);
      const metricsPort = parsePort(opts.metricsPort, '--metrics-port');
      const app = await boot(globals(cmd), { defaultLogLevel: 'info', ...(articleConcurrency ? { articleConcurrency } : {}) });
      const { startPoller } = await import('../poller.ts');
      const metrics = app.metrics;
      metrics.setQueueDepthSource(async () => {
        const counts = await app.queue.counts();
        return Object.fromEntries(Object.entries(counts).map(([q, c]) => [q, { ...c }]));
      });
      const poller = await startPoller(app, {
        ...(opts.poll === false ? {} : { tickMs: 10_000 }),
      });
      let server: { close(timeoutMs?: number): Promise<void> } | undefined;
      if (metricsPort !== undefined) {
        const { startOpsServer, webDepsOf } = await import('../web-server.ts');
        server = await startOpsServer(app, metricsPort, webDepsOf(app, { metrics, ready: async () => void (await app.queue.counts()) }));
      }
      print(`Lede worker started (${opts.poll === false ? 'article jobs only' : 'polling and article jobs'}, ${app.config.polling.articleConcurrency} jobs at once)`);
      onShutdown(
        app.log,
        async () => {
          await poller.stop({ timeoutMs: (graceSeconds ?? 30) * 1000 });
          await server?.close(2000);
          await app.close();
        },
        ((graceSeconds ?? 30) + 15) * 1000,
      );
    });
}
