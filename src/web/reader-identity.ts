// Readers are anonymous: a random id in a signed first-party cookie names one reader, and
// CSRF tokens for the poll form are derived from it, so any web process with the same secret
// can check them (no server-side session state).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';

/** Name of the reader cookie. */
export const READER_COOKIE = 'lede_reader';

function sign(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

// Every page view checks the reader's cookie and derives their CSRF token: two HMACs that cost
// more than the rest of a cached page (issue #6). The results for recent readers are kept per
// secret; only signatures that verified are kept, and the maps are emptied when they fill up.
const MEMO_LIMIT = 10_000;
const memos = new Map<string, { readers: Map<string, string>; csrf: Map<string, string> }>();
function memoOf(secret: string) {
  let memo = memos.get(secret);
  if (!memo) {
    memo = { readers: new Map(), csrf: new Map() };
    memos.set(secret, memo);
  }
  return memo;
}
function remember(map: Map<string, string>, key: string, value: string): void {
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The value of cookie `name` in a Cookie header, without parsing the others (every page view
 * reads this one cookie). Values Lede sets need no decoding; any other value fails the signature.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let from = 0;
  for (;;) {
    const at = header.indexOf(`${name}=`, from);
    if (at < 0) return undefined;
    // Only at the start of a cookie pair: not the tail of another cookie's name or value.
    let before = at - 1;
    while (before >= 0 && header[before] === ' ') before--;
    if (before < 0 || header[before] === ';') {
      const end = header.indexOf(';', at);
      return header.slice(at + name.length + 1, end < 0 ? undefined : end).trim();
    }
    from = at + 1;
  }
}

/** The reader id from a valid signed cookie, or undefined. */
export function readReader(c: Context, secret: string): string | undefined {
  const raw = cookieValue(c.req.header('cookie'), READER_COOKIE);
  if (!raw) return undefined;
  const memo = memoOf(secret);
  const known = memo.readers.get(raw);
  if (known) return known;
  const dot = raw.indexOf('.');
  if (dot <= 0) return undefined;
  const id = raw.slice(0, dot);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id) || !safeEqual(raw.slice(dot + 1), sign(secret, 'reader', id))) return undefined;
  remember(memo.readers, raw, id);
  return id;
}

/** Issues a new reader: a random id in a new signed cookie. */
export function issueReader(c: Context, secret: string): string {
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

/** The reader id of the request, issuing a new signed cookie when it has none. */
export function ensureReader(c: Context, secret: string): string {
  return readReader(c, secret) ?? issueReader(c, secret);
}

/** The CSRF token of a reader's forms. */
export function csrfToken(secret: string, readerId: string): string {
  const memo = memoOf(secret);
  let token = memo.csrf.get(readerId);
  if (!token) {
    token = sign(secret, 'csrf', readerId);
    remember(memo.csrf, readerId, token);
  }
  return token;
}

/** True when `token` is the reader's CSRF token. */
export function checkCsrf(secret: string, readerId: string, token: unknown): boolean {
  return typeof token === 'string' && safeEqual(token, csrfToken(secret, readerId));
}
