// One contract suite for every store backend. SQLite runs always (in memory and on a real
// file); further backends join the BACKENDS table.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SummarizedArticle } from '../core/records.ts';
import pg from 'pg';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lede-store-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// PostgreSQL runs on this machine and in CI (127.0.0.1:5432, database test); each run gets a
// schema of its own, dropped at the end.
const PG_URL = process.env.LEDE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgSchema = `lede_test_${process.pid}_${Date.now().toString(36)}`;
const pgReachable = await (async () => {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
})();
after(async () => {
  if (!pgReachable) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`drop schema if exists "${pgSchema}" cascade`);
  await client.end();
});

const BACKENDS: { name: string; open: () => Store; skip?: string }[] = [
  { name: 'sqlite :memory:', open: () => openSqliteStore(':memory:') },
  { name: 'sqlite file', open: () => openSqliteStore(join(tmp, `db-${Math.random()}.sqlite`)) },
  {
    name: 'postgres',
    open: () => openPostgresStore({ connectionString: PG_URL, schema: pgSchema }),
    skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)`,
  },
];

function article(n: number, extra: Partial<SummarizedArticle> = {}): SummarizedArticle {
  return {
    url: `https://news.example/a/${n}?utm_source=x`,
    canonicalUrl: `https://news.example/a/${n}`,
    title: `Headline ${n}`,
    deck: [`Deck ${n}`],
    authors: [{ name: 'Jane Doe', email: 'jane@news.example' }],
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    images: [{ url: 'https://news.example/p.png', caption: 'A cat', credit: 'Photo: X' }],
    contentHtml: '<p>Body</p>',
    text: 'Body',
    summary: ['One.', 'Two.', 'Three.'],
    summaryMethod: { kind: 'llm', model: 'qwen2.5:7b' },
    lang: 'en',
    ...extra,
  };
}

for (const backend of BACKENDS) {
  describe(`store contract: ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = backend.open();
      await store.migrate();
      await store.migrate(); // idempotent
    });
    after(() => store.close());

    it('should round-trip an article with every field', async () => {
      const { article: saved, created } = await store.saveArticle(article(1));
      assert.equal(created, true);
      const got = await store.getArticle(saved.id);
      assert.deepEqual(
        { ...got, id: undefined, fetchedAt: undefined, updatedAt: undefined },
        { ...article(1), id: undefined, sourceId: null, fetchedAt: undefined, updatedAt: undefined,
          modifiedAt: undefined, siteName: undefined, excerpt: undefined, leadImage: undefined },
      );
    });

    it('should update, never duplicate, the same canonical URL', async () => {
      const first = await store.saveArticle(article(2));
      const second = await store.saveArticle(article(2, { title: 'New headline' }));
      assert.equal(second.created, false);
      assert.equal(second.article.id, first.article.id);
      assert.equal((await store.getArticle(first.article.id))?.title, 'New headline');
      const all = await store.listArticles({ limit: 100 });
      assert.equal(all.items.filter((a) => a.canonicalUrl === article(2).canonicalUrl).length, 1);
    });

    it('should page newest first with a cursor', async () => {
      for (let n = 10; n < 15; n++) await store.saveArticle(article(n));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.listArticles({ limit: 2, cursor });
        seen.push(...page.items.map((a) => a.title));
        cursor = page.nextCursor;
      } while (cursor);
      const times = seen.length;
      assert.equal(new Set(seen).size, times);
      assert.deepEqual(seen.slice(0, 3), ['Headline 14', 'Headline 13', 'Headline 12']);
      await assert.rejects(store.listArticles({ limit: 2, cursor: 'garbage!' }), /invalid cursor/);
    });

    it('should keep one reaction per reader, the last one', async () => {
      const { article: a } = await store.saveArticle(article(20));
      await store.setReaction(a.id, 'reader-1', 'sad');
      await store.setReaction(a.id, 'reader-2', 'sad');
      await store.setReaction(a.id, 'reader-1', 'angry');
      assert.deepEqual(await store.reactionCounts(a.id), { sad: 1, angry: 1 });
      assert.equal(await store.readerReaction(a.id, 'reader-1'), 'angry');
      assert.equal(await store.readerReaction(a.id, 'reader-3'), undefined);
    });

    it('should reject a reaction to an unknown article and change nothing', async () => {
      await assert.rejects(store.setReaction('nope', 'reader-1', 'sad'));
      assert.deepEqual(await store.reactionCounts('nope'), {});
    });

    it('should manage sources, due checks and seen entries', async () => {
      const s = await store.addSource({ name: 'Gazette', feedUrl: 'https://g.example/feed.xml', lang: 'en' });
      await assert.rejects(store.addSource({ name: 'Again', feedUrl: 'https://g.example/feed.xml' }), /exists/);
      const up = await store.upsertSource({ name: 'Gazette 2', feedUrl: 'https://g.example/feed.xml' });
      assert.equal(up.id, s.id);
      assert.equal(up.name, 'Gazette 2');
      const now = new Date().toISOString();
      assert.ok((await store.dueSources(now, 10)).some((x) => x.id === s.id));
      await store.recordSourceCheck(s.id, { checkedAt: now, nextCheckAt: '2999-01-01T00:00:00.000Z', error: 'fetch: boom', etag: '"e1"' });
      assert.ok(!(await store.dueSources(now, 10)).some((x) => x.id === s.id));
      const got = await store.getSource(s.id);
      assert.equal(got?.lastError, 'fetch: boom');
      assert.equal(got?.etag, '"e1"');

      const { article: a } = await store.saveArticle(article(30), { sourceId: s.id, entryKey: 'guid-30' });
      assert.equal(a.sourceId, s.id);
      await store.markEntriesSeen(s.id, ['guid-31']);
      assert.deepEqual([...(await store.seenEntries(s.id, ['guid-30', 'guid-31', 'guid-32']))].sort(), ['guid-30', 'guid-31']);
      const bySource = await store.listArticles({ limit: 10, sourceId: s.id });
      assert.deepEqual(bySource.items.map((x) => x.id), [a.id]);
    });

    it('should delete sources and articles, keep articles of a deleted source, and reset polls', async () => {
      const s = await store.addSource({ name: 'Doomed', feedUrl: 'https://d.example/feed.xml' });
      const { article: a } = await store.saveArticle(article(40), { sourceId: s.id, entryKey: 'g40' });
      const { article: b } = await store.saveArticle(article(41), { sourceId: s.id, entryKey: 'g41' });
      await store.setReaction(b.id, 'r1', 'sad');
      await store.setReaction(b.id, 'r2', 'angry');
      const stats = (await store.sourceStats(new Date())).find((x) => x.sourceId === s.id);
      assert.equal(stats?.articles, 2);
      assert.equal(stats?.articlesPerDay, 0.3);
      await store.requestSourceCheck(s.id);
      assert.ok((await store.dueSources(new Date(Date.now() + 1000).toISOString(), 100)).some((x) => x.id === s.id));
      assert.equal(await store.clearReactions(b.id), 2);
      assert.deepEqual(await store.reactionCounts(b.id), {});
      assert.equal(await store.deleteArticle(a.id), true);
      assert.equal(await store.deleteArticle(a.id), false);
      assert.equal(await store.getArticle(a.id), undefined);
      assert.equal(await store.deleteSource(s.id), true);
      assert.equal(await store.deleteSource(s.id), false);
      assert.equal((await store.getArticle(b.id))?.sourceId, null);
    });

    it('should keep admins, sessions and API tokens by hash', async () => {
      const admin = await store.createAdmin('ed@news.example', 'scrypt$hash1');
      await assert.rejects(store.createAdmin('ed@news.example', 'x'), /exists/);
      assert.equal((await store.getAdminByEmail('ed@news.example'))?.id, admin.id);
      const now = new Date();
      await store.createSession('h-live', admin.id, new Date(now.getTime() + 60_000).toISOString());
      await store.createSession('h-old', admin.id, new Date(now.getTime() - 1).toISOString());
      assert.equal((await store.sessionAdmin('h-live', now.toISOString()))?.email, 'ed@news.example');
      assert.equal(await store.sessionAdmin('h-old', now.toISOString()), undefined);
      assert.equal(await store.sessionAdmin('h-none', now.toISOString()), undefined);
      // A new password ends every session.
      assert.equal(await store.setAdminPassword('ed@news.example', 'scrypt$hash2'), true);
      assert.equal(await store.setAdminPassword('nobody@news.example', 'x'), false);
      assert.equal(await store.sessionAdmin('h-live', now.toISOString()), undefined);
      await store.createSession('h-2', admin.id, new Date(now.getTime() + 60_000).toISOString());
      await store.deleteSession('h-2');
      assert.equal(await store.sessionAdmin('h-2', now.toISOString()), undefined);

      const t = await store.createApiToken('ci', 'tok-hash');
      assert.equal((await store.useApiToken('tok-hash', now.toISOString()))?.id, t.id);
      assert.equal((await store.listApiTokens()).find((x) => x.id === t.id)?.lastUsedAt, now.toISOString());
      assert.equal(await store.revokeApiToken(t.id), true);
      assert.equal(await store.revokeApiToken(t.id), false);
      assert.equal(await store.useApiToken('tok-hash', now.toISOString()), undefined);
    });

    it('should count rate-limit hits exactly under concurrency and restart after the window', async () => {
      const now = new Date('2026-01-01T00:00:00.000Z');
      const hits = await Promise.all(Array.from({ length: 50 }, () => store.hitRateLimit('k:1', 60_000, now)));
      assert.deepEqual(hits.map((h) => h.count).sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i + 1));
      assert.equal((await store.peekRateLimit('k:1', now)).count, 50);
      const later = new Date(now.getTime() + 60_000);
      assert.equal((await store.peekRateLimit('k:1', later)).count, 0);
      assert.equal((await store.hitRateLimit('k:1', 60_000, later)).count, 1);
      await store.extendRateLimit('k:1', new Date(later.getTime() + 5 * 60_000));
      assert.equal((await store.peekRateLimit('k:1', new Date(later.getTime() + 4 * 60_000))).count, 1);
      await store.pruneExpired(new Date(later.getTime() + 6 * 60_000));
      assert.equal((await store.peekRateLimit('k:1', later)).count, 0);
      await store.hitRateLimit('k:2', 60_000, now);
      await store.clearRateLimit('k:2');
      assert.equal((await store.peekRateLimit('k:2', now)).count, 0);
    });
  });
}
