// Schema migrations for SQLite, in order. Never edit a migration that has shipped: add one.
import { type Kysely, type Migration, sql } from 'kysely';
import { createAdminTables } from '../admin-schema.ts';

async function up001(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('homepage_url', 'text')
    .addColumn('feed_url', 'text', (c) => c.unique())
    .addColumn('logo_url', 'text')
    .addColumn('email', 'text')
    .addColumn('description', 'text')
    .addColumn('lang', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addColumn('next_check_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .execute();
  await db.schema.createIndex('sources_next_check_at').on('sources').column('next_check_at').execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deck', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('modified_at', 'text')
    .addColumn('site_name', 'text')
    .addColumn('lang', 'text')
    .addColumn('excerpt', 'text')
    .addColumn('lead_image', 'text')
    .addColumn('images', 'text', (c) => c.notNull())
    .addColumn('content_html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sort_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_sort').on('articles').columns(['sort_at', 'id']).execute();
  await db.schema.createIndex('articles_source_sort').on('articles').columns(['source_id', 'sort_at', 'id']).execute();

  await db.schema
    .createTable('reactions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('reader_id', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['article_id', 'reader_id'])
    .execute();

  await db.schema
    .createTable('feed_entries')
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('entry_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_entries_pk', ['source_id', 'entry_key'])
    .execute();
  await sql`select 1`.execute(db);
}

async function up002(db: Kysely<unknown>): Promise<void> {
  // How each summary was made: JSON of SummaryMethod; null for rows written before this column.
  await db.schema.alterTable('articles').addColumn('summary_method', 'text').execute();
}

async function up004(db: Kysely<unknown>): Promise<void> {
  // Adaptive polling, Retry-After and the poller's lease on a source.
  for (const column of ['retry_after_until', 'poll_lease_until', 'last_success_at']) {
    await db.schema.alterTable('sources').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('sources').addColumn('poll_interval_minutes', 'real').execute();
  // Every entry a poll sees, with its dedupe keys and what became of it.
  for (const column of ['url', 'canonical_url', 'content_hash', 'title', 'published_at', 'error', 'updated_at']) {
    await db.schema.alterTable('feed_entries').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('feed_entries').addColumn('state', 'text', (c) => c.notNull().defaultTo('done')).execute();
  await db.schema.alterTable('feed_entries').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // One story, one article: the same URL in two feeds is queued once (skipped rows stay out).
  await sql`create unique index feed_entries_canonical_url on feed_entries (canonical_url) where canonical_url is not null and state <> 'skipped'`.execute(db);
  await db.schema.createIndex('feed_entries_content_hash').on('feed_entries').columns(['source_id', 'content_hash']).execute();

  // The embedded job queue (src/queue/db-queue.ts).
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await sql`create unique index jobs_singleton on jobs (name, singleton_key) where singleton_key is not null and state in ('queued', 'active')`.execute(db);
  // Partial indexes: a claim reads queued jobs only, lease expiry active ones only, and finished
  // jobs (most of the table) cost neither index anything.
  await sql`create index jobs_claim on jobs (name, run_after) where state = 'queued'`.execute(db);
  await sql`create index jobs_lease on jobs (locked_until) where state = 'active'`.execute(db);
}

async function up005(db: Kysely<unknown>): Promise<void> {
  // Teasers and paywalled pages (ExtractedArticle.partial): 1 when the page held only the start of the article.
  await db.schema.alterTable('articles').addColumn('partial', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

async function up006(db: Kysely<unknown>): Promise<void> {
  // The home page's stamp (KyselyPageReads.listStamp) reads the newest rows' updated_at and
  // source_id on every view. The table holds each article's HTML and text inline, so reaching those
  // columns walked each row's overflow pages: an index that holds them answers from the index alone
  // (31 rows: 92 → 52 µs). It leads with (sort_at, id), so it replaces articles_sort.
  await db.schema.createIndex('articles_sort_stamp').on('articles').columns(['sort_at', 'id', 'updated_at', 'source_id']).execute();
  await db.schema.dropIndex('articles_sort').execute();
}

/** Every SQLite migration, by name. */
export const sqliteMigrations: Record<string, Migration> = {
  '001_initial': { up: up001 },
  '002_summary_method': { up: up002 },
  '003_admin': { up: createAdminTables },
  '004_polling': { up: up004 },
  '005_partial': { up: up005 },
  '006_list_stamp_index': { up: up006 },
};
