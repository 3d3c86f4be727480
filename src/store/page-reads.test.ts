// The reads the reader pages make per request (articleStamp, listStamp, listArticleHeads), against
// every backend: kept apart from store.contract.test.ts, which other work extends.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { SummarizedArticle } from '../core/records.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';
import { dropSchemas, PG_URL, pgReachable } from './postgres/pg-test-support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lede-reads-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const pgSchema = `lede_test_reads_${process.pid}_${Date.now().toString(36)}`;
after(() => dropSchemas(pgSchema));

const BACKENDS: { name: string; open: () => Store; skip?: string }[] = [
  { name: 'sqlite :memory:', open: () => openSqliteStore(':memory:') },
  // A file: the per-request reads then run on a second, read-only connection.
  { name: 'sqlite file', open: () => openSqliteStore(join(tmp, `reads-${Math.random()}.sqlite`)) },
  { name: 'postgres', open: () => openPostgresStore({ connectionString: PG_URL, schema: pgSchema }), skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL}` },
];

function article(n: number): SummarizedArticle {
  return {
    url: `https://news.example/r/${n}`,
    canonicalUrl: `https://news.example/r/${n}`,
    title: `Headline ${n}`,
    deck: [],
    authors: [],
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    images: [],
    contentHtml: `<p>Body ${n}</p>`,
    text: `Body ${n}`,
    summary: ['One.', 'Two.', 'Three.'],
  };
}

for (const backend of BACKENDS) {
  describe(`page reads: ${backend.name}`, { skip: backend.skip }, () => {
    it('should give an article\'s version, changing with the article and its source, and the reader\'s choice', async () => {
      const store = backend.open();
      try {
        await store.migrate();
        const source = await store.addSource({ name: 'Gazette', feedUrl: 'https://news.example/feed' });
        const { article: a } = await store.saveArticle(article(1), { sourceId: source.id });
        assert.equal(await store.articleStamp('nope'), undefined);
        const s1 = await store.articleStamp(a.id);
        assert.equal(s1?.updatedAt, a.updatedAt);
        assert.equal(s1?.chosen, undefined);
        assert.equal((await store.articleStamp(a.id, 'reader-1'))?.version, s1?.version, 'the reader does not change the version');
        await store.setReaction(a.id, 'reader-1', 'sad');
        assert.equal((await store.articleStamp(a.id, 'reader-1'))?.chosen, 'sad');
        assert.equal((await store.articleStamp(a.id, 'reader-2'))?.chosen, undefined);
        await store.upsertSource({ id: source.id, name: 'Evening Gazette', feedUrl: 'https://news.example/feed' });
        const s2 = await store.articleStamp(a.id);
        assert.notEqual(s2?.version, s1?.version, 'a renamed source changes it');
        await new Promise((r) => setTimeout(r, 5));
        await store.saveArticle({ ...article(1), title: 'Changed' }, { sourceId: source.id });
        assert.notEqual((await store.articleStamp(a.id))?.version, s2?.version, 'an update changes it');
      } finally {
        await store.close();
      }
    });

    it('should list heads like listArticles without bodies, and give the listing\'s version', async () => {
      const store = backend.open();
      try {
        await store.migrate();
        const source = await store.addSource({ name: 'Gazette', feedUrl: 'https://news.example/feed2' });
        for (let n = 1; n <= 5; n++) await store.saveArticle(article(n), { sourceId: source.id });
        const full = await store.listArticles({ limit: 3 });
        const heads = await store.listArticleHeads({ limit: 3 });
        assert.deepEqual(heads.items, full.items.map(({ contentHtml: _h, text: _t, ...head }) => head));
        assert.equal(heads.nextCursor, full.nextCursor);
        const older = await store.listArticleHeads({ limit: 3, cursor: heads.nextCursor });
        assert.deepEqual(older.items.map((a) => a.title), ['Headline 2', 'Headline 1']);
        const v1 = await store.listStamp({ limit: 3 });
        assert.equal(v1.updatedAt, heads.items.map((a) => a.updatedAt).sort().at(-1));
        assert.deepEqual(await store.listStamp({ limit: 3 }), v1, 'stable while nothing changes');
        await store.upsertSource({ id: source.id, name: 'Evening Gazette', feedUrl: 'https://news.example/feed2' });
        const v2 = await store.listStamp({ limit: 3 });
        assert.notEqual(v2.version, v1.version, 'a renamed source changes it');
        await store.deleteArticle(heads.items[0]!.id);
        assert.notEqual((await store.listStamp({ limit: 3 })).version, v2.version, 'a deletion changes it');
        assert.deepEqual(await store.listStamp({ limit: 3, sourceId: 'none' }), { version: '[null]' });
      } finally {
        await store.close();
      }
    });

    it('should answer many page views at once, each with its own article and reader', async () => {
      const store = backend.open();
      try {
        await store.migrate();
        const source = await store.addSource({ name: 'Courier', feedUrl: 'https://news.example/many' });
        const ids: string[] = [];
        for (let n = 0; n < 5; n++) ids.push((await store.saveArticle(article(100 + n), { sourceId: source.id })).article.id);
        const choice = (i: number, r: number) => ['sad', 'angry', 'interesting'][(i + r) % 3]!;
        for (let i = 0; i < 5; i++) for (let r = 0; r < 4; r += 2) await store.setReaction(ids[i]!, `reader-${r}`, choice(i, r));
        const expected = new Map(await Promise.all(ids.map(async (id) => [id, (await store.articleStamp(id))!.version] as const)));
        // 600 asks in one go (as concurrent requests make them): articles, readers who voted, who did not, none, unknown ids.
        const asks = Array.from({ length: 600 }, (_, k) => ({ i: k % 6, r: k % 5 }));
        const got = await Promise.all(asks.map(({ i, r }) => store.articleStamp(i < 5 ? ids[i]! : 'missing', r < 4 ? `reader-${r}` : undefined)));
        asks.forEach(({ i, r }, k) => {
          const stamp = got[k];
          if (i === 5) return assert.equal(stamp, undefined, `ask ${k}: no such article`);
          assert.equal(stamp?.version, expected.get(ids[i]!), `ask ${k}: version`);
          assert.equal(stamp?.chosen, r < 4 && r % 2 === 0 ? choice(i, r) : undefined, `ask ${k}: reader-${r}'s choice on article ${i}`);
        });
      } finally {
        await store.close();
      }
    });
  });
}
