// Conditional answers without a second pass over the body: the ETag is a SHA-1 of the bytes
// already in hand, computed synchronously, and a matching If-None-Match gets a 304 at once.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A weak ETag of a body. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

function matches(c: Context, tag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes do not matter.
  const bare = tag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/** Answers `body` with its ETag, or 304 when the client has it (GET and HEAD with status 200 only). */
export function answer(c: Context, body: string, contentType: string, status: ContentfulStatusCode = 200): Response {
  if (status === 200 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    const tag = etagOf(body);
    c.header('ETag', tag);
    if (matches(c, tag)) return c.body(null, 304);
  }
  return c.body(body, status, { 'Content-Type': contentType });
}

/** A JSON answer with an ETag. */
export function answerJson(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  return answer(c, JSON.stringify(value), 'application/json; charset=utf-8', status);
}
