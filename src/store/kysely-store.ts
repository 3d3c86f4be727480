// The store's queries, written once with Kysely for every SQL dialect. Dialect folders
// (sqlite/, postgres/) supply the connection and migrations only.
import { sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Source, StoredArticle, SummarizedArticle, SummaryMethod } from '../core/records.ts';
import { KyselyPageReads } from './kysely-page-reads.ts';
import { articleColumns, articleRowToArticle, type ArticleRow, summaryMethodJson, sourceRowToSource, utcIso } from './rows.ts';
import type { NewSource, SaveResult, SourceStats, Store } from './store.ts';

/** A Store over any Kysely database that has run Lede's migrations. */
export class KyselyStore extends KyselyPageReads implements Omit<Store, 'migrate' | 'close'> {
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
          // The sort key is UTC: a page's date keeps its own offset ("…-04:00"), and text sorts only at one offset.
          sort_at: utcIso(article.publishedAt) ?? now,
          ...columns,
        })
        .onConflict((oc) =>
          oc.column('canonical_url').doUpdateSet({
            ...columns,
            // Keep the first source and position unless the page now states its date.
            source_id: sql`coalesce(articles.source_id, excluded.source_id)`,
            sort_at: sql`case when excluded.published_at is not null then excluded.sort_at else articles.sort_at end`,
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

  async setSummary(id: string, update: { summary: readonly string[]; method: SummaryMethod; ifUpdatedAt: string }): Promise<boolean> {
    // A new updated_at, so pages and feeds built on the old summary get a new ETag.
    const updatedAt = new Date(Math.max(Date.now(), Date.parse(update.ifUpdatedAt) + 1)).toISOString();
    const result = await this.db
      .updateTable('articles')
      .set({ summary: JSON.stringify(update.summary), summary_method: summaryMethodJson(update.method), updated_at: updatedAt })
      .where('id', '=', id)
      .where('updated_at', '=', update.ifUpdatedAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async pendingSummaries(opts: { since: string; before: string; limit: number }): Promise<readonly string[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('fetched_at', '>=', opts.since)
      .where('updated_at', '<', opts.before)
      .where('summary_method', '=', summaryMethodJson({ kind: 'extractive', pending: true }))
      .orderBy('fetched_at')
      .limit(Math.max(1, Math.floor(opts.limit)))
      .execute();
    return rows.map((r) => r.id);
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
