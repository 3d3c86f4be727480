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

/** Every SQLite migration, by name. */
export const sqliteMigrations: Record<string, Migration> = {
  '001_initial': { up: up001 },
  '002_summary_method': { up: up002 },
  '003_admin': { up: createAdminTables },
};
