// Readers are anonymous: a random id in a signed first-party cookie names one reader, and
// CSRF tokens for the poll form are derived from it, so any web process with the same secret
// can check them (no server-side session state).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Name of the reader cookie. */
export const READER_COOKIE = 'lede_reader';

function sign(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The reader id from a valid signed cookie, or undefined. */
export function readReader(c: Context, secret: string): string | undefined {
  const raw = getCookie(c, READER_COOKIE);
  if (!raw) return undefined;
  const dot = raw.indexOf('.');
  if (dot <= 0) return undefined;
  const id = raw.slice(0, dot);
  return /^[A-Za-z0-9_-]{16,64}$/.test(id) && safeEqual(raw.slice(dot + 1), sign(secret, 'reader', id)) ? id : undefined;
}

/** The reader id of the request, issuing a new signed cookie when it has none. */
export function ensureReader(c: Context, secret: string): string {
  const existing = readReader(c, secret);
  if (existing) return existing;
  const id = randomBytes(16).toString('base64url');
  setCookie(c, READER_COOKIE, `${id}.${sign(secret, 'reader', id)}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: 60 * 60 * 24 * 400,
  });
  return id;
}

/** The CSRF token of a reader's forms. */
export function csrfToken(secret: string, readerId: string): string {
  return sign(secret, 'csrf', readerId);
}

/** True when `token` is the reader's CSRF token. */
export function checkCsrf(secret: string, readerId: string, token: unknown): boolean {
  return typeof token === 'string' && safeEqual(token, csrfToken(secret, readerId));
}
