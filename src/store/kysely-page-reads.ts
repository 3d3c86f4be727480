// The reads the reader pages make, written once for every dialect: article listings (a page at a
// time, newest first, by cursor), the stamps that tell a kept page is current (articleStamp,
// listStamp), and a poll's counts. The per-request ones are compiled once (prepared-query.ts)
// and run through the dialect's ReadRunner. KyselyStore builds on this.
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import type { StoredArticle } from '../core/records.ts';
import { KyselyTransferStore } from './kysely-transfer.ts';
import { preparedQuery, type ReadRunner } from './prepared-query.ts';
import { articleRowToArticle, type Database, STAMP_SOURCE_COLUMNS, stampOf } from './rows.ts';
import type { ArticleHead, ArticleStamp, ListStamp, Page } from './store.ts';

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

/** The reader pages' queries over a Kysely database with Lede's schema. */
export class KyselyPageReads extends KyselyTransferStore {
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

  async listArticles(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<StoredArticle>> {
    return this.listPage(opts, (q) => q.selectAll(), articleRowToArticle);
  }

  async listArticleHeads(opts: { limit: number; cursor?: string | null; sourceId?: string }): Promise<Page<ArticleHead>> {
    const columns = ['id', 'source_id', 'url', 'canonical_url', 'title', 'deck', 'authors', 'summary', 'summary_method', 'published_at', 'modified_at', 'site_name', 'lang', 'excerpt', 'partial', 'lead_image', 'images', 'fetched_at', 'updated_at', 'sort_at'] as const;
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
        ...STAMP_SOURCE_COLUMNS.map((c) => `sources.${c}` as const),
        (p.readerId === undefined
          ? sql<string | null>`null`
          : eb.selectFrom('reactions').select('reaction').where('reactions.article_id', '=', p.id).where('reactions.reader_id', '=', p.readerId)
        ).as('chosen'),
      ])
      .where('articles.id', '=', p.id);
  }

  private readonly stampAlone;
  private readonly stampWithReader;

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
