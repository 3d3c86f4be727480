// `lede web`: the reader, admin pages and API only — stateless, so any number of them can run
// behind a load balancer (the same LEDE_SECRET and database everywhere). No polling, no jobs.
import type { Command } from 'commander';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';
import { onShutdown, parsePort } from '../process-signals.ts';

/** Registers `web`. */
export function registerWeb(program: Command, boot: Boot): void {
  program
    .command('web')
    .description('serve the reader, admin pages and API (no polling or jobs; run `lede worker` for those)')
    .option('--port <n>', 'port to listen on (default 3000, env PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, env HOST)')
    .action(async (opts: { port?: string; host?: string }, cmd: Command) => {
      const app = await boot(globals(cmd), { defaultLogLevel: 'info', port: parsePort(opts.port, '--port'), host: opts.host });
      const { startWebServer, webDepsOf } = await import('../web-server.ts');
      const server = await startWebServer(app, webDepsOf(app, { metrics: app.metrics }));
      print(`Lede web is serving on http://${app.config.host}:${server.port}/`);
      onShutdown(app.log, async () => {
        await server.close();
        await app.close();
      });
    });
}
