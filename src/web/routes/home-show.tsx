// GET / — the latest articles.
import type { Hono } from 'hono';
import type { Source } from '../../core/records.ts';
import { renderPage } from '../render-page.tsx';
import type { WebDeps } from '../web-deps.ts';
import { HomePage } from '../views/pages.tsx';

/** Registers the home page route. */
export function registerHomeShow(app: Hono, deps: WebDeps): void {
  app.get('/', async (c) => {
    const cursor = c.req.query('cursor') ?? null;
    const [page, sources] = await Promise.all([deps.store.listArticles({ limit: 30, cursor }), deps.store.listSources()]);
    const byId = new Map<string, Source>(sources.map((s) => [s.id, s]));
    const nextHref = page.nextCursor ? `/?cursor=${encodeURIComponent(page.nextCursor)}` : null;
    return renderPage(c, deps, <HomePage articles={page.items} sources={byId} nextHref={nextHref} />);
  });
}
