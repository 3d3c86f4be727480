// GET /admin/tokens and the token actions: create (the secret is shown once), revoke.
import type { Hono } from 'hono';
import { LedeError } from '../../core/errors.ts';
import { createApiToken } from '../../pipeline/admin-accounts.ts';
import { requireAdmin, requireAdminForm } from '../admin-session.ts';
import { renderPage } from '../render-page.tsx';
import { AdminTokensPage } from '../views/admin-pages.tsx';
import type { WebDeps } from '../web-deps.ts';

/** Registers the admin tokens page and its actions. */
export function registerAdminTokens(app: Hono, deps: WebDeps): void {
  app.get('/admin/tokens', async (c) => {
    const session = await requireAdmin(c, deps);
    const notice = c.req.query('done') === 'revoked' ? 'Token revoked.' : undefined;
    return renderPage(c, deps, <AdminTokensPage email={session.admin.email} csrf={session.csrf} tokens={await deps.store.listApiTokens()} notice={notice} />);
  });

  app.post('/admin/tokens', async (c) => {
    const { session, form } = await requireAdminForm(c, deps);
    const { token } = await createApiToken(deps.store, typeof form.name === 'string' ? form.name : '');
    // Rendered, not redirected: the secret must not travel in a URL or be shown twice.
    return renderPage(c, deps, <AdminTokensPage email={session.admin.email} csrf={session.csrf} tokens={await deps.store.listApiTokens()} created={token} />, 201);
  });

  app.post('/admin/tokens/:id/revoke', async (c) => {
    await requireAdminForm(c, deps);
    if (!(await deps.store.revokeApiToken(c.req.param('id')))) throw new LedeError('not-found', `There is no live token with id ${c.req.param('id')}.`);
    return c.redirect('/admin/tokens?done=revoked', 303);
  });
}
