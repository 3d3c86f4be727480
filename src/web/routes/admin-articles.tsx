// GET /admin/articles and the article actions: reset the poll, delete.
import type { Hono } from 'hono';
import { removeArticle, resetPoll } from '../../pipeline/manage-sources.ts';
import { requireAdmin, requireAdminForm } from '../admin-session.ts';
import { renderPage } from '../render-page.tsx';
import { AdminArticlesPage } from '../views/admin-pages.tsx';
import type { WebDeps } from '../web-deps.ts';

const NOTICES: Record<string, string> = { deleted: 'Article deleted.', reset: 'Poll reset.' };

/** Registers the admin articles page and its actions. */
export function registerAdminArticles(app: Hono, deps: WebDeps): void {
  app.get('/admin/articles', async (c) => {
    const session = await requireAdmin(c, deps);
    const page = await deps.store.listArticles({ limit: 50, cursor: c.req.query('cursor') ?? null });
    const articles = await Promise.all(
      page.items.map(async (article) => ({
        article,
        votes: Object.values(await deps.store.reactionCounts(article.id)).reduce((a, b) => a + b, 0),
      })),
    );
    const nextHref = page.nextCursor ? `/admin/articles?cursor=${encodeURIComponent(page.nextCursor)}` : null;
    return renderPage(
      c,
      deps,
      <AdminArticlesPage email={session.admin.email} csrf={session.csrf} articles={articles} nextHref={nextHref} notice={NOTICES[c.req.query('done') ?? '']} />,
    );
  });

  app.post('/admin/articles/:id/delete', async (c) => {
    await requireAdminForm(c, deps);
    await removeArticle(deps.store, c.req.param('id'));
    return c.redirect('/admin/articles?done=deleted', 303);
  });

  app.post('/admin/articles/:id/reactions/reset', async (c) => {
    await requireAdminForm(c, deps);
    await resetPoll(deps.store, c.req.param('id'));
    return c.redirect('/admin/articles?done=reset', 303);
  });
}
