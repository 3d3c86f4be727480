// One contract suite for every store backend. SQLite runs always (in memory and on a real
// file); further backends join the BACKENDS table.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SummarizedArticle } from '../core/records.ts';
import { sql } from 'kysely';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { JobRequest, NewFeedEntry, Store } from './store.ts';
import { dropSchemas, PG_URL, pgReachable } from './postgres/pg-test-support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lede-store-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// PostgreSQL runs on this machine and in CI (127.0.0.1:5432, database test); each run gets a
// schema of its own, dropped at the end.
const pgSchema = `lede_test_${process.pid}_${Date.now().toString(36)}`;
after(() => dropSchemas(pgSchema));

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

    it('should keep whether an article is only the start of one, and change it with a new version', async () => {
      const { article: saved } = await store.saveArticle({ ...article(51), partial: true });
      assert.equal((await store.getArticle(saved.id))?.partial, true);
      assert.equal((await store.listArticleHeads({ limit: 100 })).items.find((a) => a.id === saved.id)?.partial, true);
      await store.saveArticle(article(51));
      assert.equal((await store.getArticle(saved.id))?.partial, undefined);
      assert.equal(await store.deleteArticle(saved.id), true);
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

    it("should write a model's summary only onto the version it was made from, with a new updatedAt", async () => {
      const { article: saved } = await store.saveArticle(article(40));
      const method = { kind: 'llm' as const, model: 'test-model' };
      assert.equal(await store.setSummary(saved.id, { summary: ['Model bullet.'], method, ifUpdatedAt: '2000-01-01T00:00:00.000Z' }), false);
      assert.deepEqual((await store.getArticle(saved.id))?.summary, article(40).summary);
      assert.equal(await store.setSummary(saved.id, { summary: ['Model bullet one.', 'Model bullet two.'], method, ifUpdatedAt: saved.updatedAt }), true);
      const got = (await store.getArticle(saved.id))!;
      assert.deepEqual(got.summary, ['Model bullet one.', 'Model bullet two.']);
      assert.deepEqual(got.summaryMethod, method);
      assert.ok(got.updatedAt > saved.updatedAt, `${got.updatedAt} after ${saved.updatedAt}`);
      assert.equal(got.title, saved.title);
      // The old version's stamp no longer matches: a second write of the same job changes nothing.
      assert.equal(await store.setSummary(saved.id, { summary: ['Stale.'], method, ifUpdatedAt: saved.updatedAt }), false);
      assert.equal(await store.setSummary('nonexistent', { summary: ['x'], method, ifUpdatedAt: saved.updatedAt }), false);
      assert.equal(await store.deleteArticle(saved.id), true); // out of the way of the paging tests
    });

    it('should order articles by the instant they were published, whatever offset the page wrote', async () => {
      // 10:00 in Seoul is 01:00 UTC, an hour before 02:00 UTC; as text it would sort after it.
      const seoul = (await store.saveArticle({ ...article(43), publishedAt: '2031-05-01T10:00:00.000+09:00' })).article;
      const utc = (await store.saveArticle({ ...article(44), publishedAt: '2031-05-01T02:00:00.000Z' })).article;
      try {
        const first = (await store.listArticles({ limit: 2 })).items.map((a) => a.id);
        assert.deepEqual(first, [utc.id, seoul.id]);
        assert.equal((await store.getArticle(seoul.id))?.publishedAt, '2031-05-01T10:00:00.000+09:00', 'the date is kept as the page wrote it');
      } finally {
        await store.deleteArticle(seoul.id);
        await store.deleteArticle(utc.id);
      }
    });

    it("should find the articles still waiting for the model's summary", async () => {
      const pending = (await store.saveArticle({ ...article(41), summaryMethod: { kind: 'extractive', pending: true } })).article;
      const plain = (await store.saveArticle(article(42))).article;
      const window = { since: '2000-01-01T00:00:00.000Z', before: '2999-01-01T00:00:00.000Z', limit: 10 };
      try {
        assert.deepEqual(await store.pendingSummaries(window), [pending.id]);
        assert.deepEqual((await store.getArticle(pending.id))?.summaryMethod, { kind: 'extractive', pending: true });
        assert.deepEqual(await store.pendingSummaries({ ...window, since: '2999-01-01T00:00:00.000Z' }), [], 'stored before the window');
        assert.deepEqual(await store.pendingSummaries({ ...window, before: pending.updatedAt }), [], 'changed within the grace');
        await store.setSummary(pending.id, { summary: ['Kept.'], method: { kind: 'extractive', fallback: 'llm-refused' }, ifUpdatedAt: pending.updatedAt });
        assert.deepEqual(await store.pendingSummaries(window), []);
      } finally {
        await store.deleteArticle(pending.id);
        await store.deleteArticle(plain.id);
      }
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

    const entry = (key: string, extra: Partial<NewFeedEntry> = {}): NewFeedEntry => ({
      entryKey: key, url: `https://p.example/${key}?utm_source=rss`, canonicalUrl: `https://p.example/${key}`, contentHash: `h-${key}`, ...extra,
    });
    const job = (sourceId: string) => (entryKey: string): JobRequest => ({
      name: 'fetch-article', data: { sourceId, entryKey }, singletonKey: `${sourceId}:${entryKey}`, retryLimit: 3, retryDelaySeconds: 30,
    });
    const check = { checkedAt: new Date().toISOString(), nextCheckAt: '2999-01-01T00:00:00.000Z', error: null, intervalMinutes: 30 };
    const jobCount = async (sourceId: string) =>
      Number((await sql<{ n: number }>`select count(*) as n from jobs where data like ${`%"${sourceId}"%`}`.execute(store.sharedDatabase().db)).rows[0]?.n);

    it('should claim each due source for one poller only, and honour leases and Retry-After', async () => {
      const ids = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => (await store.addSource({ name: `C${n}`, feedUrl: `https://claim.example/${n}.xml` })).id));
      const now = new Date().toISOString();
      const lease = new Date(Date.now() + 60_000).toISOString();
      const [a, b] = await Promise.all([store.claimSources({ now, limit: 4, leaseUntil: lease }), store.claimSources({ now, limit: 4, leaseUntil: lease })]);
      const mine = [...a, ...b].map((s) => s.id).filter((id) => ids.includes(id));
      assert.equal(mine.length, 6, 'every due source claimed once');
      assert.equal(new Set(mine).size, 6, 'never by two pollers');
      assert.deepEqual((await store.claimSources({ now, limit: 100, leaseUntil: lease, all: true })).filter((s) => ids.includes(s.id)), []);
      await store.recordSourceCheck(ids[0]!, { checkedAt: now, nextCheckAt: '2999-01-01T00:00:00.000Z', error: null, intervalMinutes: 45 });
      await store.recordSourceCheck(ids[1]!, { checkedAt: now, nextCheckAt: now, error: 'fetch: 429', retryAfterUntil: '2999-01-01T00:00:00.000Z' });
      const later = new Date(Date.now() + 1000).toISOString();
      assert.deepEqual((await store.claimSources({ now: later, limit: 100, leaseUntil: lease })).filter((s) => ids.includes(s.id)), [], 'not due, leased or deferred');
      const forced = await store.claimSources({ now: later, limit: 100, leaseUntil: lease, all: true });
      assert.deepEqual(forced.filter((s) => ids.includes(s.id)).map((s) => s.id), [ids[0]]);
      assert.equal(forced.find((s) => s.id === ids[0])?.pollIntervalMinutes, 45);
      const deferred = await store.getSource(ids[1]!);
      assert.equal(deferred?.errorCount, 1);
      assert.equal(deferred?.retryAfterUntil, '2999-01-01T00:00:00.000Z');
    });

    it('should record many checks at once exactly as one by one: each its own columns, errors counted, the last check of a source winning', async () => {
      const ids = await Promise.all(Array.from({ length: 12 }, async (_, n) => (await store.addSource({ name: `B${n}`, feedUrl: `https://batch.example/${n}.xml` })).id));
      const t = (m: number) => new Date(Date.UTC(2030, 0, 1, 0, m)).toISOString();
      await store.recordSourceCheck(ids[0]!, { checkedAt: t(0), nextCheckAt: t(5), error: 'fetch: first', etag: '"old"' });
      // All at once, so they share group commits: 304s, failures, validators, one source twice.
      await Promise.all([
        ...ids.slice(0, 8).map((id, n) => store.recordSourceCheck(id, { checkedAt: t(10), nextCheckAt: t(20 + n), error: null, intervalMinutes: 30 + n, retryAfterUntil: null })),
        store.recordSourceCheck(ids[8]!, { checkedAt: t(10), nextCheckAt: t(40), error: 'fetch: 429', retryAfterUntil: t(40) }),
        store.recordSourceCheck(ids[9]!, { checkedAt: t(10), nextCheckAt: t(41), error: null, etag: '"e9"', lastModified: 'Wed, 01 Jan 2030 00:00:00 GMT', intervalMinutes: 15 }),
        store.recordSourceCheck(ids[10]!, { checkedAt: t(10), nextCheckAt: t(42), error: "it's \"quoted\"; drop table sources; --" }),
        store.recordSourceCheck(ids[2]!, { checkedAt: t(11), nextCheckAt: t(50), error: 'fetch: later' }),
      ]);
      const got = await Promise.all(ids.map((id) => store.getSource(id)));
      assert.deepEqual(
        got.slice(0, 8).map((s) => [s?.nextCheckAt, s?.pollIntervalMinutes, s?.lastError ?? null, s?.errorCount]),
        ids.slice(0, 8).map((_, n) => (n === 2 ? [t(50), 32, 'fetch: later', 1] : [t(20 + n), 30 + n, null, 0])),
      );
      assert.equal(got[0]?.etag, '"old"', 'a check without validators keeps the old ones');
      assert.equal(got[0]?.lastSuccessAt, t(10));
      assert.deepEqual([got[8]?.errorCount, got[8]?.retryAfterUntil, got[8]?.lastSuccessAt ?? null], [1, t(40), null]);
      assert.deepEqual([got[9]?.etag, got[9]?.lastModified, got[9]?.pollIntervalMinutes], ['"e9"', 'Wed, 01 Jan 2030 00:00:00 GMT', 15]);
      assert.equal(got[10]?.lastError, "it's \"quoted\"; drop table sources; --");
      assert.equal(got[11]?.lastCheckedAt ?? null, null, 'a source not checked is untouched');
    });

    it('should dedupe entries by key, by canonical URL across sources and by content hash, queueing a job for each new one', async () => {
      const s1 = await store.addSource({ name: 'Dedupe 1', feedUrl: 'https://dd.example/1.xml' });
      const s2 = await store.addSource({ name: 'Dedupe 2', feedUrl: 'https://dd.example/2.xml' });
      const first = await store.recordFeedPoll(s1.id, [entry('a'), entry('b'), entry('a'), entry('c', { contentHash: 'h-b' }), entry('x', { url: undefined, canonicalUrl: undefined, skipReason: 'poll: entry has no link' })], check, { job: job(s1.id) });
      assert.deepEqual(first, { queued: ['a', 'b'], known: 1, duplicates: 1, skipped: 1 });
      const again = await store.recordFeedPoll(s1.id, [entry('a'), entry('b'), entry('d'), entry('e', { contentHash: 'h-a' })], check, { job: job(s1.id) });
      assert.deepEqual(again, { queued: ['d'], known: 2, duplicates: 1, skipped: 0 });
      const other = await store.recordFeedPoll(s2.id, [entry('z', { canonicalUrl: 'https://p.example/a' }), entry('b'), entry('f', { contentHash: 'h-a' })], check, { job: job(s2.id) });
      assert.deepEqual(other, { queued: ['f'], known: 0, duplicates: 2, skipped: 0 }, 'the same URL from another source is queued once');
      assert.equal(await jobCount(s1.id), 3);
      assert.equal(await jobCount(s2.id), 1);
      const e = await store.getFeedEntry(s1.id, 'c');
      assert.equal(e?.state, 'skipped');
      assert.match(e?.error ?? '', /duplicate/);
      assert.deepEqual(await store.feedEntryCounts(s1.id), { queued: 3, done: 0, failed: 0, skipped: 3 });
      await store.markFeedEntry(s1.id, 'a', { state: 'failed', error: 'fetch: 404', attempt: true });
      const failed = await store.getFeedEntry(s1.id, 'a');
      assert.deepEqual([failed?.state, failed?.attempts, failed?.error, failed?.url], ['failed', 1, 'fetch: 404', 'https://p.example/a?utm_source=rss']);
      const { article: saved } = await store.saveArticle(article(60), { sourceId: s1.id, entryKey: 'b' });
      assert.deepEqual([(await store.getFeedEntry(s1.id, 'b'))?.state, (await store.getFeedEntry(s1.id, 'b'))?.articleId], ['done', saved.id]);
      assert.equal((await store.getSource(s1.id))?.pollIntervalMinutes, 30);
    });

    it('should leave no entry, no job and no check behind when recording a poll fails, and let the polls around it commit', async () => {
      const s = await store.addSource({ name: 'Atomic', feedUrl: 'https://atomic.example/feed.xml' });
      const ok1 = await store.addSource({ name: 'Fine 1', feedUrl: 'https://atomic.example/fine1.xml' });
      const ok2 = await store.addSource({ name: 'Fine 2', feedUrl: 'https://atomic.example/fine2.xml' });
      const { db, dialect } = store.sharedDatabase();
      const marker = `%${s.id}%`;
      if (dialect === 'sqlite') await sql`create trigger jobs_fail before insert on jobs when new.data like ${sql.lit(marker)} begin select raise(abort, 'boom'); end`.execute(db);
      else {
        await sql`create function jobs_fail() returns trigger language plpgsql as $$ begin if new.data like ${sql.lit(marker)} then raise exception 'boom'; end if; return new; end $$`.execute(db);
        await sql`create trigger jobs_fail before insert on jobs for each row execute function jobs_fail()`.execute(db);
      }
      let results: PromiseSettledResult<unknown>[];
      try {
        // Concurrent polls share a group commit: the failing one rolls back alone.
        results = await Promise.allSettled([
          store.recordFeedPoll(ok1.id, [entry('a1-1'), entry('a1-2')], check, { job: job(ok1.id) }),
          store.recordFeedPoll(s.id, [entry('t1'), entry('t2')], check, { job: job(s.id) }),
          store.recordFeedPoll(ok2.id, [entry('a2-1')], check, { job: job(ok2.id) }),
        ]);
      } finally {
        await sql`drop trigger jobs_fail${dialect === 'sqlite' ? sql`` : sql` on jobs`}`.execute(db);
        if (dialect === 'postgres') await sql`drop function jobs_fail()`.execute(db);
      }
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.match(String((results[1] as PromiseRejectedResult).reason), /boom/);
      assert.deepEqual(await store.feedEntryCounts(s.id), { queued: 0, done: 0, failed: 0, skipped: 0 });
      assert.equal(await jobCount(s.id), 0);
      assert.equal((await store.getSource(s.id))?.lastCheckedAt, undefined);
      assert.deepEqual([await jobCount(ok1.id), await jobCount(ok2.id)], [2, 1]);
      assert.deepEqual((await store.recordFeedPoll(s.id, [entry('t1'), entry('t2')], check, { job: job(s.id) })).queued, ['t1', 't2'], 'the next poll queues them');
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
