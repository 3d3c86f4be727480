// The store side of `lede export` and `lede import` (part of the store port, store.ts): the records
// an export writes, one per row of a table, and the two calls that read and write them.
import type { Author, ImageRef, SummaryMethod } from '../core/records.ts';
import type { FeedEntryState } from './store.ts';

// Records of `lede export`/`lede import`: every column of a table, absent values as null, JSON
// columns as JSON values, so a line written from one dialect reads back the same from the other.

/** A source with its poll state (the poller's lease is transient and left out). */
export interface TransferSource {
  readonly type: 'source';
  readonly id: string;
  readonly name: string;
  readonly homepageUrl: string | null;
  readonly feedUrl: string | null;
  readonly logoUrl: string | null;
  readonly email: string | null;
  readonly description: string | null;
  readonly lang: string | null;
  readonly createdAt: string;
  readonly lastCheckedAt: string | null;
  readonly nextCheckAt: string | null;
  readonly lastError: string | null;
  readonly errorCount: number;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly pollIntervalMinutes: number | null;
  readonly retryAfterUntil: string | null;
  readonly lastSuccessAt: string | null;
}

/** An article with every column the store keeps. */
export interface TransferArticle {
  readonly type: 'article';
  readonly id: string;
  readonly sourceId: string | null;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly title: string;
  readonly deck: readonly string[];
  readonly authors: readonly Author[];
  readonly summary: readonly string[];
  /** null for articles stored before summaries recorded their method. */
  readonly summaryMethod: SummaryMethod | null;
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly siteName: string | null;
  readonly lang: string | null;
  readonly excerpt: string | null;
  readonly partial: boolean;
  readonly leadImage: ImageRef | null;
  readonly images: readonly ImageRef[];
  readonly contentHtml: string;
  readonly text: string;
  readonly fetchedAt: string;
  readonly updatedAt: string;
  /** The newest-first position (published_at when known, else fetched_at at the first save). */
  readonly sortAt: string;
}

/** A feed entry a poll recorded, so a moved install does not ingest it again. */
export interface TransferFeedEntry {
  readonly type: 'feed-entry';
  readonly sourceId: string;
  readonly entryKey: string;
  readonly articleId: string | null;
  readonly seenAt: string;
  readonly url: string | null;
  readonly canonicalUrl: string | null;
  readonly contentHash: string | null;
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly state: FeedEntryState;
  readonly attempts: number;
  readonly error: string | null;
  readonly updatedAt: string | null;
}

/** One reader's vote on one article. */
export interface TransferReaction {
  readonly type: 'reaction';
  readonly articleId: string;
  readonly readerId: string;
  readonly reaction: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A job of the embedded queue that is not finished (queued, running or failed). */
export interface TransferJob {
  readonly type: 'job';
  readonly id: string;
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly state: 'queued' | 'active' | 'failed';
  readonly singletonKey: string | null;
  readonly runAfter: string;
  readonly attempts: number;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  readonly lockedUntil: string | null;
  readonly lockedBy: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An admin account (its scrypt password hash; exported only when asked for). */
export interface TransferAdmin {
  readonly type: 'admin';
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

/** An API token (the SHA-256 of its secret; exported only when asked for). */
export interface TransferApiToken {
  readonly type: 'api-token';
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** Any record of an export, discriminated by `type`. */
export type TransferRecord = TransferSource | TransferArticle | TransferFeedEntry | TransferReaction | TransferJob | TransferAdmin | TransferApiToken;

/** The record types, in the order an export writes them: each refers only to types before it. */
export const TRANSFER_TYPES = ['source', 'article', 'feed-entry', 'reaction', 'job', 'admin', 'api-token'] as const;

/** Records per type. */
export type TransferCounts = Record<TransferRecord['type'], number>;

/** The store side of `lede export` and `lede import`. */
export interface TransferStore {
  /**
   * Reads every record in one consistent snapshot, type by type in TRANSFER_TYPES order, each
   * table in byte order of its key, a page at a time (never the whole table in memory).
   * Admins and API tokens only with `credentials`. Completed jobs are history and left out.
   *
   * @example
   * for await (const record of store.exportRecords({ credentials: false })) out.write(JSON.stringify(record) + '\n');
   */
  exportRecords(opts?: { credentials?: boolean; pageSize?: number }): AsyncIterable<TransferRecord>;
  /**
   * Writes records (in TRANSFER_TYPES order, references before referrers) in one transaction,
   * in batches: all or nothing. Each is upserted by its key, the record winning. Without
   * `merge`, a store that already holds any source, article, entry, reaction, job, admin or
   * token is refused (LedeError 'conflict') before anything is written.
   */
  importRecords(records: AsyncIterable<TransferRecord>, opts?: { merge?: boolean; batchSize?: number }): Promise<TransferCounts>;
}
