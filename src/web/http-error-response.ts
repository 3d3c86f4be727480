// An error that already carries its HTTP answer (CSRF, origin checks), thrown from routes and
// rendered by the app's error handler.
import type { HttpError } from '../api/http-errors.ts';

/** Thrown by a route to answer with a specific HTTP error. */
export class HttpErrorResponse extends Error {
  constructor(readonly error: HttpError) {
    super(error.message);
    this.name = 'HttpErrorResponse';
  }
}
