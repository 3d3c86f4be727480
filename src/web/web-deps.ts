// What the web and API routes need, wired by main.ts.
import type { Logger } from '../core/log.ts';
import type { Metrics } from '../core/metrics.ts';
import type { ReactionChoice } from '../core/records.ts';
import type { PipelineDeps } from '../pipeline/process-item.ts';
import type { Queue } from '../queue/queue.ts';
import type { Store } from '../store/store.ts';

/** Dependencies of the web app. */
export interface WebDeps {
  readonly store: Store;
  readonly reactions: readonly ReactionChoice[];
  /** Signs reader cookies, CSRF tokens and media-proxy URLs; the same in every web process. */
  readonly secret: string;
  readonly log: Logger;
  /** IANA time zone for dates on pages (default UTC). */
  readonly timeZone?: string;
  /** The pipeline, for the write API and admin pages (add a source, ingest a URL); read-only without it. */
  readonly pipeline?: PipelineDeps;
  /** When set, images of other hosts are served through /media (LEDE_MEDIA_PROXY). */
  readonly mediaProxy?: { readonly maxBytes: number };
  /** Reverse proxies (IP/CIDR) whose X-Forwarded-For is believed (LEDE_TRUST_PROXY). */
  readonly trustProxy?: readonly string[];
  /** Poll limits per window; 0 turns one off. Defaults: 300 per address, 60 per reader, per hour. */
  readonly voteLimits?: { readonly perAddress: number; readonly perReader: number; readonly windowSeconds: number };
  /** Login lockout: failures per account or address before the form locks. Default 5 and 15 minutes. */
  readonly login?: { readonly maxFailures: number; readonly lockoutMinutes: number };
  /** The job queue, read by the admin jobs page (counts and the dead letter). */
  readonly queue?: Pick<Queue, 'counts' | 'failedJobs'>;
  /** This process's Prometheus registry, served at /metrics. */
  readonly metrics?: Metrics;
  /** The text /metrics answers with, when it is more than this process's registry (every web process of `--workers N`). */
  readonly metricsText?: () => Promise<string>;
  /** Bytes of rendered pages each web process keeps (page-cache.ts); default 32 MiB, 0 keeps none. */
  readonly pageCacheBytes?: number;
  /** Checks what the process needs to serve (the store, the queue); throws when not ready. */
  readonly ready?: () => Promise<void>;
}
