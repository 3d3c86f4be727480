// The store port: everything Lede keeps, behind one interface. Implementations live below this
// folder (sqlite/, later postgres/) and share the Kysely queries of kysely-store.ts.
import type { ReactionCount, Source, StoredArticle, SummarizedArticle } from '../core/records.ts';

/** Fields a new source is created with. */
export interface NewSource {
  /** Optional fixed id (demo sources); generated when absent. */
  readonly id?: string;
  readonly name: string;
  readonly homepageUrl?: string;
  readonly feedUrl?: string;
  readonly logoUrl?: string;
  readonly email?: string;
  readonly description?: string;
  readonly lang?: string;
}

/** What a poll of one source changed. */
export interface SourceCheck {
  readonly checkedAt: string;
  readonly nextCheckAt: string;
  /** null clears a previous error. */
  readonly error: string | null;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

/** One page of a newest-first listing. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** The result of saving an article: the stored record and whether it was new. */
export interface SaveResult {
  readonly article: StoredArticle;
  readonly created: boolean;
}

/**
 * Persistent state of Lede.
 *
 * @example
 * const { article } = await store.saveArticle(summarized, { sourceId: 'abc', entryKey: 'guid-1' });
 * await store.setReaction(article.id, readerId, 'informative');
 */
export interface Store {
  /** Brings the schema up to date. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Inserts or updates (same canonical URL) an article in one transaction, and records the
   * feed entry it came from so the next poll skips it.
   */
  saveArticle(
    article: SummarizedArticle,
    opts?: { sourceId?: string | null; entryKey?: string },
  ): Promise<SaveResult>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  listArticles(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<StoredArticle>>;
  /** Feed entry keys of `sourceId` already ingested, among `keys`. */
  seenEntries(sourceId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Marks feed entries as handled without an article (e.g. failed permanently). */
  markEntriesSeen(sourceId: string, keys: readonly string[]): Promise<void>;

  addSource(source: NewSource): Promise<Source>;
  /** Creates the source, or updates the one with the same id or feed URL. */
  upsertSource(source: NewSource): Promise<Source>;
  getSource(id: string): Promise<Source | undefined>;
  listSources(): Promise<readonly Source[]>;
  /** Sources whose next check is due at `now` (or never checked), oldest first. */
  dueSources(now: string, limit: number): Promise<readonly Source[]>;
  recordSourceCheck(id: string, check: SourceCheck): Promise<void>;

  /** Records the reader's reaction to an article, replacing any earlier one. */
  setReaction(articleId: string, readerId: string, reactionId: string): Promise<void>;
  /** Counts per reaction id for the article. */
  reactionCounts(articleId: string): Promise<Record<string, number>>;
  /** The reader's current reaction to the article, if any. */
  readerReaction(articleId: string, readerId: string): Promise<string | undefined>;
}

/** Joins configured reaction choices with their counts. */
export function withCounts(
  choices: readonly { id: string; label: string }[],
  counts: Record<string, number>,
): ReactionCount[] {
  return choices.map((c) => ({ id: c.id, label: c.label, count: counts[c.id] ?? 0 }));
}
