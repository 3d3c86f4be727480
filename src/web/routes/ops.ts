// GET /health (the process answers), /ready (it can reach its store and queue) and /metrics
// (Prometheus text format), for load balancers and monitoring.
import type { Context, Hono } from 'hono';
import type { WebDeps } from '../web-deps.ts';

/** Registers the operations endpoints. */
export function registerOps(app: Hono, deps: WebDeps): void {
  const health = (c: Context) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true });
  };
  app.get('/health', health);
  app.get('/healthz', health);

  app.get('/ready', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      // A primary-key lookup: cheap, and it fails when the database is unreachable.
      await deps.store.getArticle('ready-probe');
      await deps.ready?.();
      return c.json({ ready: true });
    } catch (e) {
      deps.log.warn('not ready', { error: e instanceof Error ? e.message : String(e) });
      return c.json({ ready: false, error: 'the store or the queue cannot be reached' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    if (!deps.metrics) return c.text('metrics are not enabled in this process\n', 404);
    c.header('Cache-Control', 'no-store');
    const text = deps.metricsText ? await deps.metricsText() : await deps.metrics.registry.metrics();
    return c.body(text, 200, { 'Content-Type': deps.metrics.registry.contentType });
  });
}
