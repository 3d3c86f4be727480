// GET /admin and the source actions: add (discovering the feed), check now, delete.
import type { Context, Hono } from 'hono';
import { isLedeError } from '../../core/errors.ts';
import { addSourceFromUrl, removeSource } from '../../pipeline/manage-sources.ts';
import { type AdminRequest, requireAdmin, requireAdminForm } from '../admin-session.ts';
import { renderPage } from '../render-page.tsx';
import { AdminSourcesPage } from '../views/admin-pages.tsx';
import type { WebDeps } from '../web-deps.ts';

const NOTICES: Record<string, string> = {
  added: 'Source added. Its first check runs within a minute.',
  deleted: 'Source deleted. Its articles stay on the site.',
  checked: 'The source will be checked within a minute.',
};

async function sourcesPage(c: Context, deps: WebDeps, session: AdminRequest, notice?: string, status: 200 | 422 | 502 | 409 = 200) {
  const [sources, stats] = await Promise.all([deps.store.listSources(), deps.store.sourceStats(new Date())]);
  return renderPage(
    c,
    deps,
    <AdminSourcesPage email={session.admin.email} csrf={session.csrf} sources={sources} stats={new Map(stats.map((s) => [s.sourceId, s]))} notice={notice} />,
    status,
  );
}

/** Registers the admin sources page and its actions. */
export function registerAdminSources(app: Hono, deps: WebDeps): void {
  app.get('/admin', async (c) => sourcesPage(c, deps, await requireAdmin(c, deps), NOTICES[c.req.query('done') ?? '']));

  app.post('/admin/sources', async (c) => {
    const { session, form } = await requireAdminForm(c, deps);
    if (!deps.pipeline) return sourcesPage(c, deps, session, 'Adding sources is not available in this process.', 422);
    const name = typeof form.name === 'string' && form.name.trim() ? form.name.trim() : undefined;
    try {
      await addSourceFromUrl(typeof form.url === 'string' ? form.url : '', { store: deps.store, fetch: deps.pipeline.fetch }, { name });
    } catch (e) {
      if (!isLedeError(e)) throw e;
      const status = e.code === 'conflict' ? 409 : e.code === 'fetch-failed' ? 502 : 422;
      return sourcesPage(c, deps, session, `Could not add the source: ${e.message}`, status);
    }
    return c.redirect('/admin?done=added', 303);
  });

  app.post('/admin/sources/:id/check', async (c) => {
    await requireAdminForm(c, deps);
    await deps.store.requestSourceCheck(c.req.param('id'));
    return c.redirect('/admin?done=checked', 303);
  });

  app.post('/admin/sources/:id/delete', async (c) => {
    await requireAdminForm(c, deps);
    await removeSource(deps.store, c.req.param('id'));
    return c.redirect('/admin?done=deleted', 303);
  });
}
