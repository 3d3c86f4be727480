// Conditional answers (RFC 9110 §13): an ETag, and a Last-Modified where a page has a meaningful
// one, and a 304 when the client's copy is current, decided before the body is built where the
// route can (answerWith) and otherwise from the bytes already in hand (answer).
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A weak ETag of a body. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The HTTP date (IMF-fixdate) of an ISO 8601 time, or undefined when it is not a time. */
export function httpDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toUTCString();
}

/** The validators of one representation. */
export interface Validators {
  readonly etag: string;
  /** An HTTP date (httpDate); only when the page changes only when that time moves on. */
  readonly lastModified?: string;
}

function etagMatches(header: string, tag: string): boolean {
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes do not matter.
  const bare = tag.startsWith('W/') ? tag.slice(2) : tag;
  return header.split(',').some((t) => {
    const v = t.trim();
    return (v.startsWith('W/') ? v.slice(2) : v) === bare;
  });
}

/**
 * True when the request's copy is current: If-None-Match when sent, else If-Modified-Since
 * against `lastModified` (RFC 9110 §13.2.2: a recipient ignores If-Modified-Since when the
 * request has If-None-Match). GET and HEAD only.
 */
export function isNotModified(c: Context, v: Validators): boolean {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  const inm = c.req.header('if-none-match');
  if (inm !== undefined) return etagMatches(inm, v.etag);
  if (!v.lastModified) return false;
  const ims = c.req.header('if-modified-since');
  if (!ims) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds: the page is unmodified when its time, so truncated, is not later.
  return !Number.isNaN(since) && Math.floor(Date.parse(v.lastModified) / 1000) <= Math.floor(since / 1000);
}

/**
 * Sets the validators and answers 304 when the client's copy is current; otherwise the body,
 * which `body` builds only then.
 */
export function answerWith(c: Context, v: Validators, body: () => string | Uint8Array<ArrayBuffer>, contentType: string): Response {
  c.header('ETag', v.etag);
  if (v.lastModified) c.header('Last-Modified', v.lastModified);
  if (isNotModified(c, v)) return c.body(null, 304);
  return c.body(body(), 200, { 'Content-Type': contentType });
}

/**
 * Answers `body` with its ETag (and `lastModified` when given), or 304 when the client has it
 * (GET and HEAD with status 200 only).
 */
export function answer(c: Context, body: string, contentType: string, status: ContentfulStatusCode = 200, lastModified?: string): Response {
  if (status === 200 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    return answerWith(c, { etag: etagOf(body), lastModified }, () => body, contentType);
  }
  return c.body(body, status, { 'Content-Type': contentType });
}

/** A JSON answer with an ETag. */
export function answerJson(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  return answer(c, JSON.stringify(value), 'application/json; charset=utf-8', status);
}
