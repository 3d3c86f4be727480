// Admin sessions in the browser: a random token in an HttpOnly, SameSite=Strict cookie (its
// SHA-256 is the session's key in the store, so any web process can check it), and CSRF tokens
// derived from it for every admin form.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashToken } from '../core/credentials.ts';
import { LedeError } from '../core/errors.ts';
import { sessionAdmin } from '../pipeline/admin-accounts.ts';
import type { AdminAccount } from '../store/store.ts';
import type { WebDeps } from './web-deps.ts';

/** Name of the admin session cookie. */
export const ADMIN_COOKIE = 'lede_admin';

function hmac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

function safeEqual(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sets the session cookie. */
export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, ADMIN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    expires: new Date(expiresAt),
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, ADMIN_COOKIE, { path: '/' });
}

/** The session token the browser sent, if any. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, ADMIN_COOKIE);
}

/** The signed-in admin and the CSRF token of their forms. */
export interface AdminRequest {
  readonly admin: AdminAccount;
  readonly token: string;
  readonly csrf: string;
}

/** The CSRF token of a session's forms. */
export function adminCsrf(secret: string, token: string): string {
  return hmac(secret, 'admin-csrf', hashToken(token));
}

/** The CSRF token of the sign-in form, bound to the reader cookie. */
export function loginCsrf(secret: string, readerId: string): string {
  return hmac(secret, 'login-csrf', readerId);
}

/** True when `value` is the expected token. */
export function checkToken(value: unknown, expected: string): boolean {
  return safeEqual(value, expected);
}

/** The signed-in admin; throws unauthorized (401) without a live session. */
export async function requireAdmin(c: Context, deps: WebDeps): Promise<AdminRequest> {
  const token = sessionToken(c);
  const admin = await sessionAdmin(deps.store, token);
  if (!admin || !token) throw new LedeError('unauthorized', 'Sign in as an admin to see this page.');
  c.header('Cache-Control', 'private, no-store');
  return { admin, token, csrf: adminCsrf(deps.secret, token) };
}

/** The signed-in admin of a form post whose CSRF token matches; 401 or 403 otherwise. */
export async function requireAdminForm(c: Context, deps: WebDeps): Promise<{ session: AdminRequest; form: Record<string, unknown> }> {
  const session = await requireAdmin(c, deps);
  const form = (await c.req.parseBody()) as Record<string, unknown>;
  if (!checkToken(form.csrf, session.csrf)) {
    throw new LedeError('forbidden', 'This form has expired or did not come from Lede. Reload the page and try again.');
  }
  return { session, form };
}
