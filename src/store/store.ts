// The store port: everything Lede keeps, behind one interface. Implementations live below this
// folder (sqlite/, postgres/) and share the Kysely queries of kysely-store.ts.
import type { Kysely } from 'kysely';
import type { TransferStore } from './transfer-store.ts';
import type { Author, ImageRef, ReactionCount, Source, StoredArticle, SummarizedArticle, SummaryMethod } from '../core/records.ts';

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
  /** The interval the next check was scheduled with (kept as the base of the next backoff). */
  readonly intervalMinutes?: number;
  /** No fetch before this time (a Retry-After); null clears it. */
  readonly retryAfterUntil?: string | null;
}

/** What became of a feed entry. */
export type FeedEntryState = 'queued' | 'done' | 'failed' | 'skipped';

/** An entry of a polled feed, with its dedupe keys. */
export interface NewFeedEntry {
  /** The entry's id, else its link. */
  readonly entryKey: string;
  readonly url?: string;
  /** The link without tracking parameters: an entry whose canonical URL another entry (of any source) has is a duplicate. */
  readonly canonicalUrl?: string;
  /** Hash of the normalized title and summary: an entry whose hash another entry of the same source has is a duplicate. */
  readonly contentHash?: string;
  readonly title?: string;
  readonly publishedAt?: string;
  /** Recorded as skipped with this reason instead of queued (e.g. an entry without a link). */
  readonly skipReason?: string;
}

/** A job the store writes into the embedded queue's table in the same transaction as the rows it is about. */
export interface JobRequest {
  readonly name: string;
  readonly data: Readonly<Record<string, string>>;
  readonly singletonKey?: string;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** Not before this time (ISO 8601); now when absent. */
  readonly runAfter?: string;
}

/** What recordFeedPoll did with a feed's entries. */
export interface FeedPollResult {
  /** Keys of the entries queued now, in the order given. */
  readonly queued: readonly string[];
  /** Entries recorded by an earlier poll (or twice in this feed). */
  readonly known: number;
  /** New entries recorded as skipped: same canonical URL or same content as another entry. */
  readonly duplicates: number;
  /** New entries recorded as skipped for their own reason (no link). */
  readonly skipped: number;
}

/** A recorded feed entry. */
export interface StoredFeedEntry {
  readonly sourceId: string;
  readonly entryKey: string;
  readonly url?: string;
  readonly canonicalUrl?: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly state: FeedEntryState;
  readonly attempts: number;
  readonly error?: string;
  readonly articleId?: string;
  readonly seenAt: string;
}

/** The store's own database, for an adapter that keeps its tables beside Lede's (the embedded job queue). */
export interface SharedDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly db: Kysely<unknown>;
}

/** One page of a newest-first listing. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** An article without its body (contentHtml, text): what lists show. */
export type ArticleHead = Omit<StoredArticle, 'contentHtml' | 'text'>;

/** What the article page needs per request besides its rendered copy, read in one query. */
export interface ArticleStamp {
  /** The article's updated time (ISO 8601). */
  readonly updatedAt: string;
  /** Changes whenever anything the page shows of the article or its source changes (not the poll). */
  readonly version: string;
  /** The reader's current reaction, when a reader id was given and that reader voted. */
  readonly chosen?: string;
}

/** What a listing page needs to tell whether its rendered copy is current. */
export interface ListStamp {
  /** Changes whenever the listed articles, their order, the sources' names they show, or the next page change. */
  readonly version: string;
  /** The newest updated time among the listed articles (ISO 8601); absent for an empty page. */
  readonly updatedAt?: string;
}

/** The result of saving an article: the stored record and whether it was new. */
export interface SaveResult {
  readonly article: StoredArticle;
  readonly created: boolean;
}

/** An admin account; the password is kept as a scrypt hash only. */
export interface AdminAccount {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

/** An API token as listed (its secret is shown once, at creation, and never stored). */
export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}

/** A rate-limit counter after a hit: how many hits in the current window, and when it ends. */
export interface RateLimitState {
  readonly count: number;
  readonly resetAt: string;
}

/** Health figures of one source for the admin page. */
export interface SourceStats {
  readonly sourceId: string;
  readonly articles: number;
  /** Articles stored in the last 7 days, divided by 7. */
  readonly articlesPerDay: number;
  readonly lastArticleAt?: string;
  readonly errorCount: number;
}

/** Admin accounts, sessions, API tokens and shared rate-limit counters (the same in every process). */
export interface AdminStore {
  createAdmin(email: string, passwordHash: string): Promise<AdminAccount>;
  getAdminByEmail(email: string): Promise<AdminAccount | undefined>;
  listAdmins(): Promise<readonly AdminAccount[]>;
  /** Replaces the password and ends every session of the account; false when there is no such account. */
  setAdminPassword(email: string, passwordHash: string): Promise<boolean>;

  createSession(tokenHash: string, adminId: string, expiresAt: string): Promise<void>;
  /** The admin of an unexpired session. */
  sessionAdmin(tokenHash: string, now: string): Promise<AdminAccount | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  createApiToken(name: string, tokenHash: string): Promise<ApiTokenInfo>;
  /** The live (not revoked) token with this hash, marking it used at `now`. */
  useApiToken(tokenHash: string, now: string): Promise<ApiTokenInfo | undefined>;
  listApiTokens(): Promise<readonly ApiTokenInfo[]>;
  /** False when there is no live token with that id. */
  revokeApiToken(id: string): Promise<boolean>;

  /**
   * Counts one hit on `key` atomically: the count restarts at 1 when the previous window has
   * ended, and a new window lasts `windowMs` from `now`.
   */
  hitRateLimit(key: string, windowMs: number, now: Date): Promise<RateLimitState>;
  /** The current count of `key` (0 when none or its window has ended). */
  peekRateLimit(key: string, now: Date): Promise<RateLimitState>;
  /** Moves the end of `key`'s window (a lockout that lasts from the last failure). */
  extendRateLimit(key: string, resetAt: Date): Promise<void>;
  clearRateLimit(key: string): Promise<void>;
  /** Deletes counters and sessions that have ended. */
  pruneExpired(now: Date): Promise<void>;
}

/**
 * Persistent state of Lede.
 *
 * @example
 * const { article } = await store.saveArticle(summarized, { sourceId: 'abc', entryKey: 'guid-1' });
 * await store.setReaction(article.id, readerId, 'informative');
 */
export interface Store extends AdminStore, TransferStore {
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
  /**
   * Replaces an article's summary (the 'summarize' job), only while the article is the version
   * that was summarized: `ifUpdatedAt` must still be its `updatedAt`. Returns false when the
   * article is gone or changed since (a newer save owes a summary job of its own).
   */
  setSummary(id: string, update: { summary: readonly string[]; method: SummaryMethod; ifUpdatedAt: string }): Promise<boolean>;
  /** Ids of articles stored since `since`, unchanged since `before`, still waiting for the model's summary (method pending). */
  pendingSummaries(opts: { since: string; before: string; limit: number }): Promise<readonly string[]>;
  listArticles(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<StoredArticle>>;
  /** The same page as listArticles without the bodies (lighter to read: the home and source pages). */
  listArticleHeads(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<ArticleHead>>;
  /**
   * The article's version and, with `readerId`, that reader's reaction, in one cheap query: lets a
   * web process tell whether its rendered copy of the page is current. Undefined when there is no
   * such article.
   */
  articleStamp(id: string, readerId?: string): Promise<ArticleStamp | undefined>;
  /** The version of the page listArticleHeads(opts) returns, from a few short columns of it. */
  listStamp(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<ListStamp>;
  /** Feed entry keys of `sourceId` already ingested, among `keys`. */
  seenEntries(sourceId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Marks feed entries as handled without an article (e.g. failed permanently). */
  markEntriesSeen(sourceId: string, keys: readonly string[]): Promise<void>;
  /**
   * Records a good poll in one transaction, all or nothing: the feed's new entries, deduplicated by
   * entry key, then canonical URL across every source, then content hash within the source; a job
   * (`opts.job`) for each entry queued; and the check. Concurrent polls never queue a URL twice.
   */
  recordFeedPoll(
    sourceId: string,
    entries: readonly NewFeedEntry[],
    check: SourceCheck,
    opts?: { job?: (entryKey: string) => JobRequest },
  ): Promise<FeedPollResult>;
  getFeedEntry(sourceId: string, entryKey: string): Promise<StoredFeedEntry | undefined>;
  /** Sets what became of an entry, optionally counting an attempt; `error: null` clears the error. */
  markFeedEntry(sourceId: string, entryKey: string, update: { state: FeedEntryState; error?: string | null; attempt?: boolean }): Promise<void>;
  /**
   * Entries still queued whose last change is older than `before`, in key order after `after`: the
   * jobs a queue outside the store's database may owe (a process died between the poll's commit
   * and the send), for the poller's sweep to send again.
   */
  owedFeedEntries(opts: { before: string; limit: number; after?: { sourceId: string; entryKey: string } }): Promise<readonly { sourceId: string; entryKey: string }[]>;
  /** Feed entries by state, of one source or all. */
  feedEntryCounts(sourceId?: string): Promise<Record<FeedEntryState, number>>;
  /** The database itself, for the embedded job queue (whose table the migrations create). */
  sharedDatabase(): SharedDatabase;

  addSource(source: NewSource): Promise<Source>;
  /** Creates the source, or updates the one with the same id or feed URL. */
  upsertSource(source: NewSource): Promise<Source>;
  getSource(id: string): Promise<Source | undefined>;
  listSources(): Promise<readonly Source[]>;
  /** Sources whose next check is due at `now` (or never checked), oldest first. */
  dueSources(now: string, limit: number): Promise<readonly Source[]>;
  /**
   * Takes up to `limit` sources to poll: due at `now` (every source with a feed when `all`), not
   * held by another poller, not within a Retry-After, and (with `notCheckedSince`) not checked since
   * then, so a round takes each source once. Each is leased until `leaseUntil` (cleared by
   * recordSourceCheck), so several processes never poll one source at once. Most overdue first.
   */
  claimSources(opts: { now: string; limit: number; leaseUntil: string; all?: boolean; notCheckedSince?: string }): Promise<readonly Source[]>;
  /** Ends the poller's lease on sources it claimed but will not poll (it is stopping). */
  releaseSources(ids: readonly string[]): Promise<void>;
  /** Records a check (and ends the poller's lease); an error counts one more failure in a row. */
  recordSourceCheck(id: string, check: SourceCheck): Promise<void>;
  /** Makes the source due now (the admin's "check now"). */
  requestSourceCheck(id: string): Promise<void>;
  /** Deletes a source; its articles stay, without a source. False when there was none. */
  deleteSource(id: string): Promise<boolean>;
  /** Article counts and rate per source, for the admin page. */
  sourceStats(now: Date): Promise<readonly SourceStats[]>;
  /** Deletes an article with its reactions. False when there was none. */
  deleteArticle(id: string): Promise<boolean>;

  /** Records the reader's reaction to an article, replacing any earlier one. */
  setReaction(articleId: string, readerId: string, reactionId: string): Promise<void>;
  /** Counts per reaction id for the article. */
  reactionCounts(articleId: string): Promise<Record<string, number>>;
  /** The reader's current reaction to the article, if any. */
  readerReaction(articleId: string, readerId: string): Promise<string | undefined>;
  /** Removes every reaction to the article (resets its poll); returns how many were removed. */
  clearReactions(articleId: string): Promise<number>;
}

/** Joins configured reaction choices with their counts. */
export function withCounts(
  choices: readonly { id: string; label: string }[],
  counts: Record<string, number>,
): ReactionCount[] {
  return choices.map((c) => ({ id: c.id, label: c.label, count: counts[c.id] ?? 0 }));
}
