// The store's queries, written once with Kysely for every SQL dialect. Dialect folders
// (sqlite/, postgres/) supply the connection and migrations only.
import { type Kysely, sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Source, StoredArticle, SummarizedArticle } from '../core/records.ts';
import { KyselyTransferStore } from './kysely-transfer.ts';
import { articleRowToArticle, type ArticleRow, type Database, sourceRowToSource } from './rows.ts';
import type { NewSource, Page, SaveResult, SourceStats, Store } from './store.ts';

type Cursor = { sortAt: string; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.sortAt}|${c.id}`, 'utf8').toString('base64url');
}

function decodeCursor(s: string): Cursor {
  const raw = Buffer.from(s, 'base64url').toString('utf8');
  const bar = raw.lastIndexOf('|');
  if (bar <= 0 || !/^[0-9a-z]{1,32}$/.test(raw.slice(bar + 1))) {
    throw new LedeError('invalid-input', 'store: invalid cursor');
  }
  return { sortAt: raw.slice(0, bar), id: raw.slice(bar + 1) };
}

function articleColumns(a: SummarizedArticle, now: string) {
  return {
    url: a.url,
    title: a.title,
    deck: JSON.stringify(a.deck),
    authors: JSON.stringify(a.authors),
    summary: JSON.stringify(a.summary),
    summary_method: JSON.stringify(a.summaryMethod ?? { kind: 'extractive' }),
    published_at: a.publishedAt ?? null,
    modified_at: a.modifiedAt ?? null,
    site_name: a.siteName ?? null,
    lang: a.lang ?? null,
    excerpt: a.excerpt ?? null,
    lead_image: a.leadImage ? JSON.stringify(a.leadImage) : null,
    images: JSON.stringify(a.images),
    content_html: a.contentHtml,
    text: a.text,
    updated_at: now,
  };
}

/** A Store over any Kysely database that has run Lede's migrations. */
export class KyselyStore extends KyselyTransferStore implements Omit<Store, 'migrate' | 'close'> {
  constructor(db: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
    super(db, dialect);
  }

  async saveArticle(
    article: SummarizedArticle,
    opts: { sourceId?: string | null; entryKey?: string } = {},
  ): Promise<SaveResult> {
    const now = new Date().toISOString();
    const id = newId();
    const columns = articleColumns(article, now);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('articles')
        .values({
          id,
          source_id: opts.sourceId ?? null,
          canonical_url: article.canonicalUrl,
          fetched_at: now,
          sort_at: article.publishedAt ?? now,
          ...columns,
        })
        .onConflict((oc) =>
          oc.column('canonical_url').doUpdateSet({
            ...columns,
            // Keep the first source and position unless the page now states its date.
            source_id: sql`coalesce(articles.source_id, excluded.source_id)`,
            sort_at: sql`coalesce(excluded.published_at, articles.sort_at)`,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      if (opts.sourceId && opts.entryKey) {
        await trx
          .insertInto('feed_entries')
          .values({ source_id: opts.sourceId, entry_key: opts.entryKey, article_id: row.id, seen_at: now, url: article.url, state: 'done', updated_at: now })
          .onConflict((oc) => oc.columns(['source_id', 'entry_key']).doUpdateSet({ article_id: row.id, state: 'done', error: null, updated_at: now }))
          .execute();
      }
      return { article: articleRowToArticle(row as ArticleRow), created: row.id === id };
    });
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? articleRowToArticle(row) : undefined;
  }

  async listArticles(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<StoredArticle>> {
    const limit = Math.max(1, Math.min(100, Math.floor(opts.limit)));
    let q = this.db.selectFrom('articles').selectAll();
    if (opts.sourceId) q = q.where('source_id', '=', opts.sourceId);
    if (opts.cursor) {
      const c = decodeCursor(opts.cursor);
      q = q.where((eb) =>
        eb.or([eb('sort_at', '<', c.sortAt), eb.and([eb('sort_at', '=', c.sortAt), eb('id', '<', c.id)])]),
      );
    }
    const rows = await q.orderBy('sort_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(articleRowToArticle);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor({ sortAt: last.sort_at, id: last.id }) : null };
  }

  async seenEntries(sourceId: string, keys: readonly string[]): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db
        .selectFrom('feed_entries')
        .select('entry_key')
        .where('source_id', '=', sourceId)
        .where('entry_key', 'in', keys.slice(i, i + 500))
        .execute();
      for (const r of rows) seen.add(r.entry_key);
    }
    return seen;
  }

  async markEntriesSeen(sourceId: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const now = new Date().toISOString();
    await this.db
      .insertInto('feed_entries')
      .values(keys.map((k) => ({ source_id: sourceId, entry_key: k, article_id: null, seen_at: now })))
      .onConflict((oc) => oc.columns(['source_id', 'entry_key']).doNothing())
      .execute();
  }

  async addSource(s: NewSource): Promise<Source> {
    if (s.feedUrl) {
      const existing = await this.db.selectFrom('sources').select('id').where('feed_url', '=', s.feedUrl).executeTakeFirst();
      if (existing) throw new LedeError('conflict', `store: a source with feed ${s.feedUrl} exists (${existing.id})`);
    }
    const row = await this.db
      .insertInto('sources')
      .values({ ...sourceColumns(s), id: s.id ?? newId(), created_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return sourceRowToSource(row);
  }

  async upsertSource(s: NewSource): Promise<Source> {
    let q = this.db.selectFrom('sources').select('id');
    q = s.id ? q.where('id', '=', s.id) : q.where('feed_url', '=', s.feedUrl ?? '');
    const existing = await q.executeTakeFirst();
    if (!existing) return this.addSource(s);
    const row = await this.db
      .updateTable('sources')
      .set(sourceColumns(s))
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return sourceRowToSource(row);
  }

  async getSource(id: string): Promise<Source | undefined> {
    const row = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? sourceRowToSource(row) : undefined;
  }

  async listSources(): Promise<readonly Source[]> {
    const rows = await this.db.selectFrom('sources').selectAll().orderBy('name').orderBy('id').execute();
    return rows.map(sourceRowToSource);
  }

  async dueSources(now: string, limit: number): Promise<readonly Source[]> {
    const rows = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('feed_url', 'is not', null)
      .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]))
      .orderBy('next_check_at')
      .limit(limit)
      .execute();
    return rows.map(sourceRowToSource);
  }

  async requestSourceCheck(id: string): Promise<void> {
    await this.db.updateTable('sources').set({ next_check_at: new Date().toISOString() }).where('id', '=', id).execute();
  }

  async deleteSource(id: string): Promise<boolean> {
    const row = await this.db.deleteFrom('sources').where('id', '=', id).returning('id').executeTakeFirst();
    return !!row;
  }

  async sourceStats(now: Date): Promise<readonly SourceStats[]> {
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const rows = await this.db
      .selectFrom('sources')
      .leftJoin('articles', 'articles.source_id', 'sources.id')
      .select((eb) => [
        'sources.id as sourceId',
        'sources.error_count as errorCount',
        eb.fn.count<number>('articles.id').as('articles'),
        eb.fn.sum<number>(eb.case().when('articles.fetched_at', '>=', weekAgo).then(1).else(0).end()).as('recent'),
        eb.fn.max('articles.fetched_at').as('lastArticleAt'),
      ])
      .groupBy(['sources.id', 'sources.error_count'])
      .execute();
    return rows.map((r) => ({
      sourceId: r.sourceId,
      articles: Number(r.articles),
      articlesPerDay: Math.round((Number(r.recent ?? 0) / 7) * 10) / 10,
      lastArticleAt: r.lastArticleAt ?? undefined,
      errorCount: Number(r.errorCount),
    }));
  }

  async deleteArticle(id: string): Promise<boolean> {
    const row = await this.db.deleteFrom('articles').where('id', '=', id).returning('id').executeTakeFirst();
    return !!row;
  }

  async clearReactions(articleId: string): Promise<number> {
    const result = await this.db.deleteFrom('reactions').where('article_id', '=', articleId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async setReaction(articleId: string, readerId: string, reactionId: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('reactions')
      .values({ article_id: articleId, reader_id: readerId, reaction: reactionId, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['article_id', 'reader_id']).doUpdateSet({ reaction: reactionId, updated_at: now }))
      .execute();
  }

  async reactionCounts(articleId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('reactions')
      .select(['reaction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', '=', articleId)
      .groupBy('reaction')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.reaction, Number(r.n)]));
  }

  async readerReaction(articleId: string, readerId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('reactions')
      .select('reaction')
      .where('article_id', '=', articleId)
      .where('reader_id', '=', readerId)
      .executeTakeFirst();
    return row?.reaction;
  }
}

function sourceColumns(s: NewSource) {
  return {
    name: s.name,
    homepage_url: s.homepageUrl ?? null,
    feed_url: s.feedUrl ?? null,
    logo_url: s.logoUrl ?? null,
    email: s.email ?? null,
    description: s.description ?? null,
    lang: s.lang ?? null,
  };
}
