// GET/POST /admin/login and POST /admin/logout — admin sign-in with lockout.
import type { Hono } from 'hono';
import { isLedeError, LedeError, RetryAfterError } from '../../core/errors.ts';
import { signIn, signOut } from '../../pipeline/admin-accounts.ts';
import { clientAddress, trustList } from '../client-address.ts';
import { checkToken, clearSessionCookie, loginCsrf, requireAdminForm, setSessionCookie } from '../admin-session.ts';
import { ensureReader, readReader } from '../reader-identity.ts';
import { renderPage } from '../render-page.tsx';
import { LoginPage } from '../views/admin-pages.tsx';
import type { WebDeps } from '../web-deps.ts';

/** Registers sign-in and sign-out. */
export function registerAdminLogin(app: Hono, deps: WebDeps): void {
  const proxies = trustList(deps.trustProxy ?? []);
  const policy = deps.login ?? { maxFailures: 5, lockoutMinutes: 15 };

  app.get('/admin/login', (c) => {
    const readerId = ensureReader(c, deps.secret);
    c.header('Cache-Control', 'private, no-store');
    return renderPage(c, deps, <LoginPage csrf={loginCsrf(deps.secret, readerId)} />);
  });

  app.post('/admin/login', async (c) => {
    const form = await c.req.parseBody();
    const readerId = readReader(c, deps.secret);
    if (!readerId || !checkToken(form.csrf, loginCsrf(deps.secret, readerId))) {
      throw new LedeError('forbidden', 'The sign-in form has expired. Reload it and try again.');
    }
    const email = typeof form.email === 'string' ? form.email : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const csrf = loginCsrf(deps.secret, readerId);
    c.header('Cache-Control', 'private, no-store');
    try {
      const session = await signIn(deps.store, { email, password, address: clientAddress(c, proxies) }, policy);
      setSessionCookie(c, session.token, session.expiresAt);
      deps.log.info('admin signed in', { admin: session.admin.email });
      return c.redirect('/admin', 303);
    } catch (e) {
      if (e instanceof RetryAfterError) {
        c.header('Retry-After', String(Math.max(1, Math.ceil(e.retryAfterMs / 1000))));
        deps.log.warn('admin sign-in locked', { email });
        return renderPage(c, deps, <LoginPage csrf={csrf} email={email} error="Too many failed sign-ins. Wait a few minutes and try again." />, 429);
      }
      if (isLedeError(e, 'unauthorized')) {
        return renderPage(c, deps, <LoginPage csrf={csrf} email={email} error="Wrong email or password." />, 401);
      }
      throw e;
    }
  });

  app.post('/admin/logout', async (c) => {
    const { session } = await requireAdminForm(c, deps);
    await signOut(deps.store, session.token);
    clearSessionCookie(c);
    return c.redirect('/admin/login', 303);
  });
}
