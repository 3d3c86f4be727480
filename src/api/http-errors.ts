// The one place where errors become HTTP statuses.
import { isLedeError, RetryAfterError } from '../core/errors.ts';

/** An error as an HTTP status, a title and a message safe to show. */
export interface HttpError {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502;
  code: string;
  title: string;
  message: string;
  /** Seconds to wait before retrying (429). */
  retryAfterSeconds?: number;
}

/** Maps any thrown value to an HttpError; unknown errors become a 500 that reveals nothing. */
export function toHttpError(e: unknown): HttpError {
  if (isLedeError(e)) {
    switch (e.code) {
      case 'not-found':
        return { status: 404, code: e.code, title: 'Not found', message: e.message };
      case 'invalid-input':
      case 'unknown-reaction':
        return { status: 400, code: e.code, title: 'Bad request', message: e.message };
      case 'conflict':
        return { status: 409, code: e.code, title: 'Conflict', message: e.message };
      case 'no-article':
      case 'feed-invalid':
        return { status: 422, code: e.code, title: 'Unprocessable', message: e.message };
      case 'unauthorized':
        return { status: 401, code: e.code, title: 'Sign-in required', message: e.message };
      case 'forbidden':
        return { status: 403, code: e.code, title: 'Forbidden', message: e.message };
      case 'rate-limited':
        return {
          status: 429,
          code: e.code,
          title: 'Too many requests',
          message: e.message,
          retryAfterSeconds: e instanceof RetryAfterError ? Math.max(1, Math.ceil(e.retryAfterMs / 1000)) : 60,
        };
      case 'fetch-failed':
        return { status: 502, code: e.code, title: 'Upstream failed', message: e.message };
      default:
        break;
    }
  }
  return { status: 500, code: 'internal', title: 'Something went wrong', message: 'The server failed to answer this request.' };
}

/** A 403 for a request that failed a CSRF or origin check. */
export const forbidden = (message: string): HttpError => ({ status: 403, code: 'forbidden', title: 'Forbidden', message });
