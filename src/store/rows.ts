// Row types of the store's tables, and their conversion to and from the domain records of core/.
import type { Generated } from 'kysely';
import type { ImageRef, Source, StoredArticle, SummarizedArticle, SummaryMethod } from '../core/records.ts';
import type { ArticleStamp } from './store.ts';

/** The `sources` table. */
export interface SourceRow {
  id: string;
  name: string;
  homepage_url: string | null;
  feed_url: string | null;
  logo_url: string | null;
  email: string | null;
  description: string | null;
  lang: string | null;
  created_at: string;
  last_checked_at: string | null;
  next_check_at: string | null;
  last_error: string | null;
  error_count: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  /** The interval the last check scheduled the next one with (adaptive polling); null before the first. */
  poll_interval_minutes: number | null;
  /** Set from a 429/503 Retry-After: no poll before this time, even a forced one. */
  retry_after_until: string | null;
  /** Set while a poller holds the source (claimSources), so no other process polls it at once. */
  poll_lease_until: string | null;
  /** The last check that ended without an error. */
  last_success_at: string | null;
}

/** The `articles` table; list-valued fields are JSON text. */
export interface ArticleRow {
  id: string;
  source_id: string | null;
  url: string;
  canonical_url: string;
  title: string;
  deck: string;
  authors: string;
  summary: string;
  /** JSON of SummaryMethod; null for rows written before it was recorded. */
  summary_method: string | null;
  published_at: string | null;
  modified_at: string | null;
  site_name: string | null;
  lang: string | null;
  excerpt: string | null;
  /** 1 for a teaser or paywalled page (ExtractedArticle.partial), else 0. */
  partial: number;
  lead_image: string | null;
  images: string;
  content_html: string;
  text: string;
  fetched_at: string;
  updated_at: string;
  /** published_at when known, else fetched_at: the newest-first order. */
  sort_at: string;
}

/** The `reactions` table: one row per reader and article. */
export interface ReactionRow {
  article_id: string;
  reader_id: string;
  reaction: string;
  created_at: string;
  updated_at: string;
}

/** The `feed_entries` table: every entry of a source seen by a poll, and what became of it. */
export interface FeedEntryRow {
  source_id: string;
  /** The entry's id, else its link. */
  entry_key: string;
  article_id: string | null;
  seen_at: string;
  /** The entry's link as the feed gives it. */
  url: string | null;
  /** The link without tracking parameters; unique among entries not skipped (one story, one article). */
  canonical_url: string | null;
  /** Hash of the normalized title and summary, for feeds that change ids and links of the same entry. */
  content_hash: string | null;
  title: string | null;
  published_at: string | null;
  /** 'queued' | 'done' | 'failed' | 'skipped'; rows from before migration 004 are 'done'. */
  state: Generated<string>;
  attempts: Generated<number>;
  error: string | null;
  updated_at: string | null;
}

/** The `jobs` table of the embedded queue (src/queue/db-queue.ts reads and writes it). */
export interface JobRow {
  id: string;
  name: string;
  /** JSON of the payload. */
  data: string;
  /** 'queued' | 'active' | 'completed' | 'failed'. */
  state: string;
  singleton_key: string | null;
  run_after: string;
  attempts: Generated<number>;
  retry_limit: number;
  retry_delay_seconds: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** The `admins` table. */
export interface AdminRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
}

/** The `admin_sessions` table: sessions by the SHA-256 of their token. */
export interface AdminSessionRow {
  token_hash: string;
  admin_id: string;
  created_at: string;
  expires_at: string;
}

/** The `api_tokens` table. */
export interface ApiTokenRow {
  id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The `rate_limits` table: a counter per key until `reset_at`. */
export interface RateLimitRow {
  key: string;
  count: number;
  reset_at: string;
}

/** The whole schema, as Kysely sees it. */
export interface Database {
  sources: SourceRow;
  articles: ArticleRow;
  reactions: ReactionRow;
  feed_entries: FeedEntryRow;
  admins: AdminRow;
  admin_sessions: AdminSessionRow;
  api_tokens: ApiTokenRow;
  rate_limits: RateLimitRow;
  jobs: JobRow;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Converts a `sources` row to a Source record. */
export function sourceRowToSource(r: Omit<SourceRow, 'error_count'> & { error_count?: number }): Source {
  return {
    id: r.id,
    name: r.name,
    homepageUrl: opt(r.homepage_url),
    feedUrl: opt(r.feed_url),
    logoUrl: opt(r.logo_url),
    email: opt(r.email),
    description: opt(r.description),
    lang: opt(r.lang),
    createdAt: r.created_at,
    lastCheckedAt: opt(r.last_checked_at),
    nextCheckAt: opt(r.next_check_at),
    lastError: opt(r.last_error),
    etag: opt(r.etag),
    lastModified: opt(r.last_modified),
    ...(r.error_count !== undefined ? { errorCount: Number(r.error_count) } : {}),
    ...(r.poll_interval_minutes != null ? { pollIntervalMinutes: Number(r.poll_interval_minutes) } : {}),
    ...(r.retry_after_until ? { retryAfterUntil: r.retry_after_until } : {}),
    ...(r.last_success_at ? { lastSuccessAt: r.last_success_at } : {}),
  };
}

/** Converts an `articles` row to a StoredArticle record. */
export function articleRowToArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    sourceId: r.source_id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    deck: JSON.parse(r.deck) as string[],
    authors: JSON.parse(r.authors) as StoredArticle['authors'],
    summary: JSON.parse(r.summary) as string[],
    summaryMethod: r.summary_method ? (JSON.parse(r.summary_method) as SummaryMethod) : { kind: 'extractive' },
    publishedAt: opt(r.published_at),
    modifiedAt: opt(r.modified_at),
    siteName: opt(r.site_name),
    lang: opt(r.lang),
    excerpt: opt(r.excerpt),
    ...(r.partial ? { partial: true } : {}),
    leadImage: r.lead_image ? (JSON.parse(r.lead_image) as ImageRef) : undefined,
    images: JSON.parse(r.images) as ImageRef[],
    contentHtml: r.content_html,
    text: r.text,
    fetchedAt: r.fetched_at,
    updatedAt: r.updated_at,
  };
}

/** An ISO date at any offset as UTC ISO; undefined when absent or unreadable. */
export function utcIso(iso: string | undefined): string | undefined {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A summary method as stored: JSON with its keys in one order, so the pending ones can be found by value. */
export function summaryMethodJson(m: SummaryMethod): string {
  return m.kind === 'llm'
    ? JSON.stringify({ kind: 'llm', model: m.model })
    : JSON.stringify({ kind: 'extractive', ...(m.fallback ? { fallback: m.fallback } : {}), ...(m.pending ? { pending: true } : {}) });
}

/** The columns an article's save writes (both insert and update). */
export function articleColumns(a: SummarizedArticle, now: string) {
  return {
    url: a.url,
    title: a.title,
    deck: JSON.stringify(a.deck),
    authors: JSON.stringify(a.authors),
    summary: JSON.stringify(a.summary),
    summary_method: summaryMethodJson(a.summaryMethod ?? { kind: 'extractive' }),
    published_at: a.publishedAt ?? null,
    modified_at: a.modifiedAt ?? null,
    site_name: a.siteName ?? null,
    lang: a.lang ?? null,
    excerpt: a.excerpt ?? null,
    partial: a.partial ? 1 : 0,
    lead_image: a.leadImage ? JSON.stringify(a.leadImage) : null,
    images: JSON.stringify(a.images),
    content_html: a.contentHtml,
    text: a.text,
    updated_at: now,
  };
}

/** The source's columns in an article's stamp: those its page shows (the publisher card). */
export const STAMP_SOURCE_COLUMNS = ['name', 'homepage_url', 'logo_url', 'email', 'description', 'lang'] as const;

/** The columns of the article page's stamp read (articleStamp). */
export type StampRow = { readonly updated_at: string; readonly source_id: string | null; readonly chosen: string | null } & {
  readonly [C in (typeof STAMP_SOURCE_COLUMNS)[number]]: string | null;
};

/** An article's stamp from its row. */
export function stampOf(row: StampRow): ArticleStamp {
  // The source's fields are part of the version: the page shows its card, and sources keep no
  // updated time. A source deleted or renamed changes the version without touching the article.
  const version = JSON.stringify([row.updated_at, row.source_id, ...STAMP_SOURCE_COLUMNS.map((c) => row[c])]);
  return { updatedAt: row.updated_at, version, ...(row.chosen ? { chosen: row.chosen } : {}) };
}
