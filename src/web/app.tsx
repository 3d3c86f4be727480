// The web app: reader pages, the JSON API and static assets, with security headers and the one
// error handler that turns failures into pages or JSON.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { registerArticlesApi } from '../api/routes/articles.ts';
import { registerSourcesApi } from '../api/routes/sources.ts';
import { registerWriteApi } from '../api/routes/write.ts';
import { forbidden, type HttpError, toHttpError } from '../api/http-errors.ts';
import { HttpErrorResponse } from './http-error-response.ts';
import { renderPage } from './render-page.tsx';
import { registerAdminArticles } from './routes/admin-articles.tsx';
import { registerAdminJobs } from './routes/admin-jobs.tsx';
import { registerAdminLogin } from './routes/admin-login.tsx';
import { registerAdminSources } from './routes/admin-sources.tsx';
import { registerAdminTokens } from './routes/admin-tokens.tsx';
import { registerArticleShow } from './routes/article-show.tsx';
import { registerHomeShow } from './routes/home-show.tsx';
import { registerMediaShow } from './routes/media-show.ts';
import { registerOps } from './routes/ops.ts';
import { registerReactionCreate } from './routes/reaction-create.ts';
import { registerSourceShow } from './routes/source-show.tsx';
import { ErrorPage } from './views/pages.tsx';
import type { WebDeps } from './web-deps.ts';

const CSS = readFileSync(new URL('./assets/lede.css', import.meta.url), 'utf8');

// With the media proxy on, every image of another host goes through /media, so no other host is allowed.
const buildCsp = (mediaProxy: boolean): string => [
  "default-src 'self'",
  mediaProxy ? "img-src 'self' data:" : "img-src 'self' https: http: data:",
  "style-src 'self'",
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Builds the Hono app serving the reader and the API. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  const CSP = buildCsp(deps.mediaProxy !== undefined);

  if (deps.metrics) {
    const metrics = deps.metrics;
    app.use('*', async (c, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        // The matched route pattern (/articles/:id), never the raw path: bounded label values.
        metrics.observeHttp(c.req.method, c.req.routePath || 'unmatched', c.res.status, (performance.now() - started) / 1000);
      }
    });
  }

  app.use('*', async (c, next) => {
    // Unsafe methods must come from this site: browsers send Origin on cross-site POSTs.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin) {
        throw new HttpErrorResponse(forbidden('Cross-site requests are not accepted.'));
      }
    }
    // Set before the route runs, so the response is built once with them; a route may replace
    // one (the media proxy's stricter CSP).
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    await next();
  });

  // Pages and API answers carry an ETag of their bytes (conditional.ts): a revalidating browser gets a 304.

  app.get('/assets/lede.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  registerOps(app, deps);

  registerHomeShow(app, deps);
  registerArticleShow(app, deps);
  registerReactionCreate(app, deps);
  registerSourceShow(app, deps);
  registerMediaShow(app, deps);
  registerArticlesApi(app, deps);
  registerSourcesApi(app, deps);
  registerWriteApi(app, deps);
  registerAdminLogin(app, deps);
  registerAdminSources(app, deps);
  registerAdminArticles(app, deps);
  registerAdminJobs(app, deps);
  registerAdminTokens(app, deps);

  const respond = (c: Parameters<Parameters<typeof app.onError>[0]>[1], err: HttpError) => {
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
    if (err.status === 401 && new URL(c.req.url).pathname.startsWith('/api/')) c.header('WWW-Authenticate', 'Bearer realm="lede"');
    if (new URL(c.req.url).pathname.startsWith('/api/')) {
      return c.json({ error: { code: err.code, message: err.message } }, err.status);
    }
    return renderPage(c, deps, <ErrorPage status={err.status} title={err.title} message={err.message} />, err.status);
  };
  app.notFound((c) =>
    respond(c, { status: 404, code: 'not-found', title: 'Not found', message: `There is no page at ${new URL(c.req.url).pathname}.` }),
  );
  app.onError((e, c) => {
    const err = e instanceof HttpErrorResponse ? e.error : toHttpError(e);
    if (err.status >= 500) deps.log.error('request failed', { path: new URL(c.req.url).pathname, error: e.message, stack: e.stack });
    return respond(c, err);
  });
  return app;
}
