// Serves the web app for `lede web` and `lede start`: listens, and on shutdown stops accepting
// connections, lets requests in flight finish (up to a timeout), then closes idle keep-alives.
import type { AddressInfo } from 'node:net';
import { LedeError } from '../core/errors.ts';
import type { Metrics } from '../core/metrics.ts';
import type { WebDeps } from '../web/web-deps.ts';
import type { AppContext } from './app-context.ts';

/** A listening web server. */
export interface WebServer {
  readonly port: number;
  /** Stops accepting connections and waits for requests in flight (at most `timeoutMs`). */
  close(timeoutMs?: number): Promise<void>;
}

/** The web app's dependencies from the application context. */
export function webDepsOf(app: AppContext, extra: { metrics?: Metrics; metricsText?: () => Promise<string>; ready?: () => Promise<void> } = {}): WebDeps {
  return {
    store: app.store,
    reactions: app.config.reactions,
    secret: app.secret,
    log: app.log,
    timeZone: app.config.timeZone,
    pipeline: app.pipeline,
    queue: app.queue,
    mediaProxy: app.config.mediaProxy ? { maxBytes: app.config.mediaMaxBytes } : undefined,
    trustProxy: app.config.trustProxy,
    voteLimits: app.config.voteLimits,
    login: app.config.login,
    ...extra,
  };
}

/** Serves only /health, /ready and /metrics (a worker's --metrics-port). */
export async function startOpsServer(app: AppContext, port: number, deps: WebDeps): Promise<WebServer> {
  const [{ Hono }, { registerOps }] = await Promise.all([import('hono'), import('../web/routes/ops.ts')]);
  const ops = new Hono();
  registerOps(ops, deps);
  return listen(app, ops.fetch, port);
}

/** Builds the web app and listens on the configured host and port. */
export async function startWebServer(app: AppContext, deps: WebDeps): Promise<WebServer> {
  const { createWebApp } = await import('../web/app.tsx');
  return listen(app, createWebApp(deps).fetch, app.config.port);
}

async function listen(app: AppContext, fetch: (request: Request, env: unknown) => Response | Promise<Response>, port: number): Promise<WebServer> {
  const { serve } = await import('@hono/node-server');
  const web = { fetch };
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: web.fetch, port, hostname: app.config.host }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(new LedeError('invalid-input', `web: cannot listen on ${app.config.host}:${port} (${e.code ?? e.message})`)),
    );
  });
  // Keep idle connections longer than a load balancer's idle timeout (60 s on most), so a proxy
  // never sends a request on a socket the server is closing.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const address = server.address() as AddressInfo | null;
  return {
    port: address?.port ?? port,
    close: (timeoutMs = 10_000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          // Requests still running after the timeout are cut: the load balancer retries them elsewhere.
          if ('closeAllConnections' in server) server.closeAllConnections();
          resolve();
        }, timeoutMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
