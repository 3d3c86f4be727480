// What the web and API routes need, wired by main.ts.
import type { Logger } from '../core/log.ts';
import type { ReactionChoice } from '../core/records.ts';
import type { Store } from '../store/store.ts';

/** Dependencies of the web app. */
export interface WebDeps {
  readonly store: Store;
  readonly reactions: readonly ReactionChoice[];
  /** Signs reader cookies and CSRF tokens; the same in every web process. */
  readonly secret: string;
  readonly log: Logger;
  /** IANA time zone for dates on pages (default UTC). */
  readonly timeZone?: string;
}
