// Conversions between the store's rows and the records of `lede export`/`lede import`
// (TransferRecord in store.ts): every column kept, JSON text columns parsed on the way out and
// written back with JSON.stringify (which keeps key order), so a row survives the round trip
// byte for byte. kysely-transfer.ts reads and writes the tables with them.
import type { Generated } from 'kysely';
import type { Author, ImageRef, SummaryMethod } from '../core/records.ts';
import type { AdminRow, ApiTokenRow, ArticleRow, FeedEntryRow, JobRow, ReactionRow, SourceRow } from './rows.ts';
import { summaryMethodJson } from './rows.ts';
import type { FeedEntryState } from './store.ts';
import type {
  TransferAdmin,
  TransferApiToken,
  TransferArticle,
  TransferFeedEntry,
  TransferJob,
  TransferReaction,
  TransferRecord,
  TransferSource,
} from './transfer-store.ts';

type Plain<T> = { [K in keyof T]: T[K] extends Generated<infer U> ? U : T[K] };

/** Where each record type lives: its table, key columns (in export order) and how to convert. */
export interface TransferTable {
  readonly table: 'sources' | 'articles' | 'feed_entries' | 'reactions' | 'jobs' | 'admins' | 'api_tokens';
  readonly keys: readonly string[];
  /** A fixed SQL condition on the rows exported and counted as "the store is not empty". */
  readonly where?: string;
  toRecord(row: Record<string, unknown>): TransferRecord;
  toRow(record: TransferRecord): Record<string, unknown>;
}

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function sourceRecord(r: Plain<SourceRow>): TransferSource {
  return {
    type: 'source',
    id: r.id,
    name: r.name,
    homepageUrl: r.homepage_url,
    feedUrl: r.feed_url,
    logoUrl: r.logo_url,
    email: r.email,
    description: r.description,
    lang: r.lang,
    createdAt: r.created_at,
    lastCheckedAt: r.last_checked_at,
    nextCheckAt: r.next_check_at,
    lastError: r.last_error,
    errorCount: num(r.error_count),
    etag: r.etag,
    lastModified: r.last_modified,
    pollIntervalMinutes: numOrNull(r.poll_interval_minutes),
    retryAfterUntil: r.retry_after_until,
    lastSuccessAt: r.last_success_at,
  };
}

function sourceRow(s: TransferSource): Plain<SourceRow> {
  return {
    id: s.id,
    name: s.name,
    homepage_url: s.homepageUrl,
    feed_url: s.feedUrl,
    logo_url: s.logoUrl,
    email: s.email,
    description: s.description,
    lang: s.lang,
    created_at: s.createdAt,
    last_checked_at: s.lastCheckedAt,
    next_check_at: s.nextCheckAt,
    last_error: s.lastError,
    error_count: s.errorCount,
    etag: s.etag,
    last_modified: s.lastModified,
    poll_interval_minutes: s.pollIntervalMinutes,
    retry_after_until: s.retryAfterUntil,
    // A lease belongs to a running poller of the old install: the moved source is free.
    poll_lease_until: null,
    last_success_at: s.lastSuccessAt,
  };
}

function articleRecord(r: ArticleRow): TransferArticle {
  return {
    type: 'article',
    id: r.id,
    sourceId: r.source_id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    deck: JSON.parse(r.deck) as string[],
    authors: JSON.parse(r.authors) as Author[],
    summary: JSON.parse(r.summary) as string[],
    summaryMethod: r.summary_method === null ? null : (JSON.parse(r.summary_method) as SummaryMethod),
    publishedAt: r.published_at,
    modifiedAt: r.modified_at,
    siteName: r.site_name,
    lang: r.lang,
    excerpt: r.excerpt,
    partial: r.partial !== 0,
    leadImage: r.lead_image === null ? null : (JSON.parse(r.lead_image) as ImageRef),
    images: JSON.parse(r.images) as ImageRef[],
    contentHtml: r.content_html,
    text: r.text,
    fetchedAt: r.fetched_at,
    updatedAt: r.updated_at,
    sortAt: r.sort_at,
  };
}

function articleRow(a: TransferArticle): ArticleRow {
  return {
    id: a.id,
    source_id: a.sourceId,
    url: a.url,
    canonical_url: a.canonicalUrl,
    title: a.title,
    deck: JSON.stringify(a.deck),
    authors: JSON.stringify(a.authors),
    summary: JSON.stringify(a.summary),
    summary_method: a.summaryMethod === null ? null : summaryMethodJson(a.summaryMethod),
    published_at: a.publishedAt,
    modified_at: a.modifiedAt,
    site_name: a.siteName,
    lang: a.lang,
    excerpt: a.excerpt,
    partial: a.partial ? 1 : 0,
    lead_image: a.leadImage === null ? null : JSON.stringify(a.leadImage),
    images: JSON.stringify(a.images),
    content_html: a.contentHtml,
    text: a.text,
    fetched_at: a.fetchedAt,
    updated_at: a.updatedAt,
    sort_at: a.sortAt,
  };
}

function feedEntryRecord(r: Plain<FeedEntryRow>): TransferFeedEntry {
  return {
    type: 'feed-entry',
    sourceId: r.source_id,
    entryKey: r.entry_key,
    articleId: r.article_id,
    seenAt: r.seen_at,
    url: r.url,
    canonicalUrl: r.canonical_url,
    contentHash: r.content_hash,
    title: r.title,
    publishedAt: r.published_at,
    state: r.state as FeedEntryState,
    attempts: num(r.attempts),
    error: r.error,
    updatedAt: r.updated_at,
  };
}

function feedEntryRow(e: TransferFeedEntry): Plain<FeedEntryRow> {
  return {
    source_id: e.sourceId,
    entry_key: e.entryKey,
    article_id: e.articleId,
    seen_at: e.seenAt,
    url: e.url,
    canonical_url: e.canonicalUrl,
    content_hash: e.contentHash,
    title: e.title,
    published_at: e.publishedAt,
    state: e.state,
    attempts: e.attempts,
    error: e.error,
    updated_at: e.updatedAt,
  };
}

function reactionRecord(r: ReactionRow): TransferReaction {
  return { type: 'reaction', articleId: r.article_id, readerId: r.reader_id, reaction: r.reaction, createdAt: r.created_at, updatedAt: r.updated_at };
}

function reactionRow(r: TransferReaction): ReactionRow {
  return { article_id: r.articleId, reader_id: r.readerId, reaction: r.reaction, created_at: r.createdAt, updated_at: r.updatedAt };
}

function jobRecord(r: Plain<JobRow>): TransferJob {
  return {
    type: 'job',
    id: r.id,
    name: r.name,
    data: JSON.parse(r.data) as Record<string, unknown>,
    state: r.state as TransferJob['state'],
    singletonKey: r.singleton_key,
    runAfter: r.run_after,
    attempts: num(r.attempts),
    retryLimit: num(r.retry_limit),
    retryDelaySeconds: num(r.retry_delay_seconds),
    lockedUntil: r.locked_until,
    lockedBy: r.locked_by,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function jobRow(j: TransferJob): Plain<JobRow> {
  return {
    id: j.id,
    name: j.name,
    data: JSON.stringify(j.data),
    state: j.state,
    singleton_key: j.singletonKey,
    run_after: j.runAfter,
    attempts: j.attempts,
    retry_limit: j.retryLimit,
    retry_delay_seconds: j.retryDelaySeconds,
    locked_until: j.lockedUntil,
    locked_by: j.lockedBy,
    last_error: j.lastError,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
    completed_at: null,
  };
}

const adminRecord = (r: AdminRow): TransferAdmin => ({ type: 'admin', id: r.id, email: r.email, passwordHash: r.password_hash, createdAt: r.created_at });
const adminRow = (a: TransferAdmin): AdminRow => ({ id: a.id, email: a.email, password_hash: a.passwordHash, created_at: a.createdAt });

const tokenRecord = (r: ApiTokenRow): TransferApiToken => ({
  type: 'api-token',
  id: r.id,
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});
const tokenRow = (t: TransferApiToken): ApiTokenRow => ({
  id: t.id,
  name: t.name,
  token_hash: t.tokenHash,
  created_at: t.createdAt,
  last_used_at: t.lastUsedAt,
  revoked_at: t.revokedAt,
});

// The casts are safe: each entry's functions only ever see rows of its table and records of its type.
const table = <R extends TransferRecord, Row>(
  spec: Omit<TransferTable, 'toRecord' | 'toRow'>,
  toRecord: (row: Row) => R,
  toRow: (record: R) => Row,
): TransferTable => ({
  ...spec,
  toRecord: toRecord as unknown as (row: Record<string, unknown>) => TransferRecord,
  toRow: toRow as unknown as (record: TransferRecord) => Record<string, unknown>,
});

/** Every record type's table, by type. */
export const TRANSFER_TABLES: Readonly<Record<TransferRecord['type'], TransferTable>> = {
  source: table({ table: 'sources', keys: ['id'] }, sourceRecord, sourceRow),
  article: table({ table: 'articles', keys: ['id'] }, articleRecord, articleRow),
  'feed-entry': table({ table: 'feed_entries', keys: ['source_id', 'entry_key'] }, feedEntryRecord, feedEntryRow),
  reaction: table({ table: 'reactions', keys: ['article_id', 'reader_id'] }, reactionRecord, reactionRow),
  // Completed jobs are history (the queue deletes them after a day); the rest is work to carry over.
  job: table({ table: 'jobs', keys: ['id'], where: "state <> 'completed'" }, jobRecord, jobRow),
  admin: table({ table: 'admins', keys: ['id'] }, adminRecord, adminRow),
  'api-token': table({ table: 'api_tokens', keys: ['id'] }, tokenRecord, tokenRow),
};
