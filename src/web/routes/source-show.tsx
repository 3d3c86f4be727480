// GET /sources and GET /sources/:id — the publishers and one publisher's page.
import type { Hono } from 'hono';
import { LedeError } from '../../core/errors.ts';
import { renderPage } from '../render-page.tsx';
import type { WebDeps } from '../web-deps.ts';
import { SourcePage, SourcesPage } from '../views/pages.tsx';

/** Registers the source routes. */
export function registerSourceShow(app: Hono, deps: WebDeps): void {
  app.get('/sources', async (c) => renderPage(c, deps, <SourcesPage sources={await deps.store.listSources()} />));
  app.get('/sources/:id', async (c) => {
    const source = await deps.store.getSource(c.req.param('id'));
    if (!source) throw new LedeError('not-found', `There is no source with id ${c.req.param('id')}.`);
    const cursor = c.req.query('cursor') ?? null;
    const page = await deps.store.listArticleHeads({ limit: 30, cursor, sourceId: source.id });
    const nextHref = page.nextCursor ? `/sources/${source.id}?cursor=${encodeURIComponent(page.nextCursor)}` : null;
    return renderPage(c, deps, <SourcePage source={source} articles={page.items} nextHref={nextHref} />);
  });
}
