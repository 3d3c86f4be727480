// What every command gets from the composition root: the configuration, a logger, an open
// store and the pipeline's dependencies. Commands never pick adapters themselves.
import type { Config, ConfigOverrides } from '../core/config.ts';
import type { Logger } from '../core/log.ts';
import type { Metrics } from '../core/metrics.ts';
import type { EntryDeps } from '../pipeline/process-entry.ts';
import type { PipelineDeps } from '../pipeline/process-item.ts';
import type { RefreshDeps } from '../pipeline/refresh-feed.ts';
import type { Queue } from '../queue/queue.ts';
import type { Store } from '../store/store.ts';

/** The running application, as commands see it. */
export interface AppContext {
  readonly config: Config;
  readonly log: Logger;
  /** This process's Prometheus metrics (fetches are recorded from boot on). */
  readonly metrics: Metrics;
  readonly store: Store;
  readonly pipeline: PipelineDeps;
  /** The job queue (embedded: its table lives in the store's database). */
  readonly queue: Queue;
  /** What polling and article jobs need: the pipeline with per-host limits, robots.txt and the isolated feed parser. */
  readonly poller: RefreshDeps & EntryDeps;
  /** The secret that signs reader cookies (from config, or kept in the data folder). */
  readonly secret: string;
  close(): Promise<void>;
}

/** Global flags every command takes. */
export interface GlobalOptions {
  data?: string;
  database?: string;
}

/** Opens the application for a command; provided by main.ts. */
export type Boot = (global: GlobalOptions, overrides?: ConfigOverrides & { storeless?: boolean }) => Promise<AppContext>;

/** The command-line input of `ingest`/`extract`: a URL or a local file. */
export type ArticleInput = { kind: 'url'; url: string } | { kind: 'file'; path: string };
