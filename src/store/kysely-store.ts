// The store's queries, written once with Kysely for every SQL dialect. Dialect folders
// (sqlite/, postgres/) supply the connection and migrations only.
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Source, StoredArticle, SummarizedArticle, SummaryMethod } from '../core/records.ts';
import { KyselyTransferStore } from './kysely-transfer.ts';
import { preparedQuery, type ReadRunner } from './prepared-query.ts';
import { articleColumns, articleRowToArticle, type ArticleRow, type Database, summaryMethodJson, sourceRowToSource, utcIso } from './rows.ts';
import type { ArticleHead, ArticleStamp, ListStamp, NewSource, Page, SaveResult, SourceStats, Store } from './store.ts';

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

/** A Store over any Kysely database that has run Lede's migrations. */
export class KyselyStore extends KyselyTransferStore implements Omit<Store, 'migrate' | 'close'> {
  /** `reads`: how the dialect runs the pages' per-request reads outside Kysely (prepared-query.ts). */
  constructor(
    db: Kysely<Database>,
    dialect: 'sqlite' | 'postgres',
    private readonly reads?: ReadRunner,
  ) {
    super(db, dialect);
    this.stampAlone = preparedQuery(db, 'article_stamp', ['id'], (p) => this.stampQuery(p), reads);
    this.stampWithReader = preparedQuery(db, 'article_stamp_reader', ['id', 'readerId'], (p) => this.stampQuery(p), reads);
    this.countsQuery = preparedQuery(
      db,
      'reaction_counts',
      ['articleId'],
      (p) =>
        db
          .selectFrom('reactions')
          .select(['reaction', (eb) => eb.fn.countAll<number>().as('n')])
          .where('article_id', '=', p.articleId)
          .groupBy('reaction'),
      reads,
    );
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

  async listArticles(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<StoredArticle>> {
    return this.listPage(opts, (q) => q.selectAll(), articleRowToArticle);
  }

  async listArticleHeads(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<ArticleHead>> {
    const columns = ['id', 'source_id', 'url', 'canonical_url', 'title', 'deck', 'authors', 'summary', 'summary_method', 'published_at', 'modified_at', 'site_name', 'lang', 'excerpt', 'lead_image', 'images', 'fetched_at', 'updated_at', 'sort_at'] as const;
    return this.listPage(opts, (q) => q.select(columns), (row) => {
      const { contentHtml: _html, text: _text, ...head } = articleRowToArticle({ ...row, content_html: '', text: '' });
      return head;
    });
  }

  async listStamp(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<ListStamp> {
    type StampRow = { id: string; updated_at: string; sort_at: string; source_id: string | null; source_name: string | null };
    const columns = (q: SelectQueryBuilder<Database, 'articles', object>) =>
      q.select((eb) => [
        'id',
        'updated_at',
        'sort_at',
        'source_id',
        eb.selectFrom('sources').select('name').whereRef('sources.id', '=', 'articles.source_id').as('source_name'),
      ]);
    let page: Page<StampRow>;
    if (!opts.cursor && !opts.sourceId) {
      // The first page of the home page, read on every view of it: compiled once per page size.
      const limit = Math.max(1, Math.min(100, Math.floor(opts.limit)));
      let first = this.firstPageStamps.get(limit);
      if (!first) {
        first = preparedQuery(this.db, `list_stamp_${limit}`, [], () => columns(this.db.selectFrom('articles')).orderBy('sort_at', 'desc').orderBy('id', 'desc').limit(limit + 1), this.reads);
        this.firstPageStamps.set(limit, first);
      }
      const rows = (await first({})) as readonly StampRow[];
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      page = { items: rows.slice(0, limit), nextCursor: last ? encodeCursor({ sortAt: last.sort_at, id: last.id }) : null };
    } else {
      page = await this.listPage(opts, columns, (row) => row);
    }
    const updatedAt = page.items.reduce<string | undefined>((max, r) => (max === undefined || r.updated_at > max ? r.updated_at : max), undefined);
    const version = JSON.stringify([page.nextCursor, ...page.items.map((r) => [r.id, r.updated_at, r.source_id, r.source_name])]);
    return { version, ...(updatedAt ? { updatedAt } : {}) };
  }

  private readonly firstPageStamps = new Map<number, (values: Readonly<Record<never, string>>) => Promise<readonly unknown[]>>();

  /** One newest-first page of articles: `pick` chooses the columns, `convert` makes the items. */
  private async listPage<R extends { sort_at: string; id: string }, T>(
    opts: { limit: number; cursor?: string | null; sourceId?: string },
    pick: (q: SelectQueryBuilder<Database, 'articles', object>) => SelectQueryBuilder<Database, 'articles', R>,
    convert: (row: R) => T,
  ): Promise<Page<T>> {
    const limit = Math.max(1, Math.min(100, Math.floor(opts.limit)));
    let q = pick(this.db.selectFrom('articles'));
    if (opts.sourceId) q = q.where('source_id', '=', opts.sourceId);
    if (opts.cursor) {
      const c = decodeCursor(opts.cursor);
      q = q.where((eb) =>
        eb.or([eb('sort_at', '<', c.sortAt), eb.and([eb('sort_at', '=', c.sortAt), eb('id', '<', c.id)])]),
      );
    }
    const rows = await q.orderBy('sort_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(convert);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor({ sortAt: last.sort_at, id: last.id }) : null };
  }

  async articleStamp(id: string, readerId?: string): Promise<ArticleStamp | undefined> {
    const rows = readerId ? await this.stampWithReader({ id, readerId }) : await this.stampAlone({ id });
    const row = rows[0];
    return row ? stampOf(row) : undefined;
  }

  /** The article page's per-request read (articleStamp), compiled once: it runs on every page view. */
  private stampQuery(p: { id: string; readerId?: string }) {
    return this.db
      .selectFrom('articles')
      .leftJoin('sources', 'sources.id', 'articles.source_id')
      .select((eb) => [
        'articles.updated_at',
        'articles.source_id',
        'sources.name',
        'sources.homepage_url',
        'sources.logo_url',
        'sources.email',
        'sources.description',
        'sources.lang',
        (p.readerId === undefined
          ? sql<string | null>`null`
          : eb.selectFrom('reactions').select('reaction').where('reactions.article_id', '=', p.id).where('reactions.reader_id', '=', p.readerId)
        ).as('chosen'),
      ])
      .where('articles.id', '=', p.id);
  }

  private readonly stampAlone;
  private readonly stampWithReader;

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
    const rows = await this.countsQuery({ articleId });
    return Object.fromEntries(rows.map((r) => [r.reaction, Number(r.n)]));
  }

  /** Read on every page view of a reader who voted: compiled once. */
  private readonly countsQuery;

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

/** The columns of the article page's stamp read (articleStamp). */
export interface StampRow {
  readonly updated_at: string;
  readonly source_id: string | null;
  readonly name: string | null;
  readonly homepage_url: string | null;
  readonly logo_url: string | null;
  readonly email: string | null;
  readonly description: string | null;
  readonly lang: string | null;
  readonly chosen: string | null;
}

/** An article's stamp from its row. */
export function stampOf(row: StampRow): ArticleStamp {
  // The source's fields are part of the version: the page shows its card, and sources keep no
  // updated time. A source deleted or renamed changes the version without touching the article.
  const version = JSON.stringify([row.updated_at, row.source_id, row.name, row.homepage_url, row.logo_url, row.email, row.description, row.lang]);
  return { updatedAt: row.updated_at, version, ...(row.chosen ? { chosen: row.chosen } : {}) };
}
