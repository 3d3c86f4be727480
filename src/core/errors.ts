// Errors thrown across module boundaries. Expected failures are values (see FetchOutcome);
// these classes are for failures a caller must stop on, each with a stable code.

/** Stable reason codes for LedeError. */
export type LedeErrorCode =
  | 'invalid-input'
  | 'fetch-failed'
  | 'no-article'
  | 'feed-invalid'
  | 'not-found'
  | 'unknown-reaction'
  | 'conflict'
  | 'config-invalid'
  | 'store-failed'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited';

/** An expected failure with a stable code and a one-line message prefixed with its module. */
export class LedeError extends Error {
  readonly code: LedeErrorCode;
  constructor(code: LedeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedeError';
    this.code = code;
  }
}

/** Thrown by parseFeed when the input is not a feed it can read. */
export class FeedParseError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('feed-invalid', message, options);
    this.name = 'FeedParseError';
  }
}

/** A request refused for now by a rate limit or lockout; it may be retried after `retryAfterMs`. */
export class RetryAfterError extends LedeError {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number) {
    super('rate-limited', message);
    this.name = 'RetryAfterError';
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }
}

/** True when `e` is a LedeError with the given code. */
export function isLedeError(e: unknown, code?: LedeErrorCode): e is LedeError {
  return e instanceof LedeError && (code === undefined || e.code === code);
}
