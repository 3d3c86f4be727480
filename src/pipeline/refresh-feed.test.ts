// Polling sources against the loopback fixture site with a real SQLite store: entries queued with
// their jobs in one transaction, 304s, dedupe across sources, nothing half-written, backoff.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import { silentLogger } from '../core/log.ts';
import { type FixtureSite, startFixtureSite } from '../demo/fixture-site.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { isPermanent, type RefreshDeps, refreshSource } from './refresh-feed.ts';

/** Jobs of the embedded queue's table, by source. */
async function jobsOf(store: Store, sourceId: string): Promise<{ entryKey: string }[]> {
  const { rows } = await sql<{ data: string }>`select data from jobs where name = 'fetch-article'`.execute(store.sharedDatabase().db);
  return rows.map((r) => JSON.parse(r.data) as { sourceId: string; entryKey: string }).filter((d) => d.sourceId === sourceId);
}

describe('refreshSource', () => {
  let site: FixtureSite;
  let store: Store;
  let deps: RefreshDeps;
  const settings = { intervalMinutes: 30 };

  before(async () => {
    site = await startFixtureSite();
    store = openSqliteStore(':memory:');
    await store.migrate();
    deps = {
      store,
      log: silentLogger,
      extract: extractArticle,
      summarize: createArticleSummarizer(),
      fetch: { allowPrivateNetworks: true, userAgent: 'Lede-test', timeoutMs: 5000, maxBytes: 10 * 1024 * 1024 },
      jobsInStore: true,
    };
  });
  after(async () => {
    await store.close();
    await site.close();
  });

  it('should queue new entries with their jobs, answer 304 cheaply, and queue entries that appear later', async () => {
    const harbor = site.publishers.find((p) => p.slug === 'harbor')!;
    site.setFeedItemLimit('harbor', 1);
    const source = await store.addSource({ name: harbor.name, feedUrl: harbor.feedUrl, lang: 'en' });

    const first = await refreshSource(source, deps, settings);
    assert.deepEqual({ ...first, nextCheckAt: undefined }, { kind: 'refreshed', entries: 1, queued: 1, duplicates: 0, skipped: 0, truncated: false, nextCheckAt: undefined });
    const checked = (await store.getSource(source.id))!;
    assert.ok(checked.etag, 'etag kept for the next conditional GET');
    assert.ok(checked.nextCheckAt! > checked.lastCheckedAt!);
    assert.equal(checked.pollIntervalMinutes, 30, 'one dated entry: the default interval');
    assert.equal((await jobsOf(store, source.id)).length, 1);

    const second = await refreshSource(checked, deps, settings);
    assert.equal(second.kind, 'not-modified');
    const conditional = site.requests.filter((r) => r.url.startsWith(new URL(harbor.feedUrl).pathname)).at(-1);
    assert.equal(conditional?.headers['if-none-match'], checked.etag);

    site.setFeedItemLimit('harbor', undefined);
    const third = await refreshSource((await store.getSource(source.id))!, deps, settings);
    assert.equal(third.kind === 'refreshed' && third.queued, 2);
    const queued = await jobsOf(store, source.id);
    assert.equal(queued.length, 3);
    const urls = await Promise.all(queued.map(async (j) => (await store.getFeedEntry(source.id, j.entryKey))!.canonicalUrl));
    assert.deepEqual(urls.sort(), [...harbor.articleUrls].sort());
    assert.deepEqual(await store.feedEntryCounts(source.id), { queued: 3, done: 0, failed: 0, skipped: 0 });
  });

  it('should queue a story once when two sources list it', async () => {
    const harbor = site.publishers.find((p) => p.slug === 'harbor')!;
    const rss = await store.addSource({ name: 'Harbor RSS', feedUrl: `${harbor.feedUrl}?copy=1` });
    const atom = await store.addSource({ name: 'Harbor Atom', feedUrl: `${site.url}/harbor/atom.xml` });
    const a = await refreshSource(rss, deps, settings);
    const b = await refreshSource(atom, deps, settings);
    // The first test queued these URLs already; neither source queues them again.
    assert.deepEqual([a.kind === 'refreshed' && a.queued, a.kind === 'refreshed' && a.duplicates], [0, 3]);
    assert.deepEqual([b.kind === 'refreshed' && b.queued, b.kind === 'refreshed' && b.duplicates], [0, 3]);
    assert.equal((await jobsOf(store, atom.id)).length, 0);
    const keys = await entryKeysOf(store, atom.id);
    assert.equal(keys.length, 3);
    assert.match((await store.getFeedEntry(atom.id, keys[0]!))?.error ?? '', /duplicate of an entry with the same URL/);
  });

  it('should leave no entry and no job when queuing fails, and record the error', async () => {
    const hanbit = site.publishers.find((p) => p.slug === 'hanbit')!;
    const source = await store.addSource({ name: hanbit.name, feedUrl: hanbit.feedUrl, lang: 'ko' });
    const { db } = store.sharedDatabase();
    await sql`create trigger jobs_fail before insert on jobs begin select raise(abort, 'disk full'); end`.execute(db);
    let r;
    try {
      r = await refreshSource(source, deps, settings);
    } finally {
      await sql`drop trigger jobs_fail`.execute(db);
    }
    assert.equal(r.kind, 'failed');
    assert.deepEqual(await store.feedEntryCounts(source.id), { queued: 0, done: 0, failed: 0, skipped: 0 });
    assert.equal((await jobsOf(store, source.id)).length, 0);
    const after = (await store.getSource(source.id))!;
    assert.match(after.lastError ?? '', /^poll: cannot store the feed's entries \(.*disk full/);
    assert.equal(after.etag, undefined, 'no validator kept: the next poll fetches the feed again');
    const again = await refreshSource(after, deps, settings);
    assert.equal(again.kind === 'refreshed' && again.queued, hanbit.articleUrls.length);
  });

  it('should record a visible error and back off more after each failure in a row', async () => {
    const source = await store.addSource({ name: 'Broken', feedUrl: `${site.url}/bad/malformed-feed.xml` });
    const r = await refreshSource(source, deps, settings);
    assert.equal(r.kind, 'failed');
    const once = (await store.getSource(source.id))!;
    assert.match(once.lastError ?? '', /^feed: /);
    assert.equal(once.errorCount, 1);
    assert.equal(Date.parse(once.nextCheckAt!) - Date.parse(once.lastCheckedAt!), 2 * 30 * 60_000);
    await refreshSource(once, deps, settings);
    const twice = (await store.getSource(source.id))!;
    assert.equal(twice.errorCount, 2);
    assert.equal(Date.parse(twice.nextCheckAt!) - Date.parse(twice.lastCheckedAt!), 4 * 30 * 60_000);
    assert.equal((await jobsOf(store, source.id)).length, 0);
  });
});

/** Entry keys recorded for a source. */
async function entryKeysOf(store: Store, sourceId: string): Promise<string[]> {
  const { rows } = await sql<{ entry_key: string }>`select entry_key from feed_entries where source_id = ${sourceId}`.execute(store.sharedDatabase().db);
  return rows.map((r) => r.entry_key);
}

describe('isPermanent', () => {
  const failed = (reason: string, status?: number) => new LedeError('fetch-failed', 'fetch: x', { cause: { kind: 'failed', reason, status } });
  const table: [string, unknown, boolean][] = [
    ['no article', new LedeError('no-article', 'extract: none'), true],
    ['404', failed('http-error', 404), true],
    ['410', failed('http-error', 410), true],
    ['429', failed('http-error', 429), false],
    ['500', failed('http-error', 500), false],
    ['timeout', failed('timeout'), false],
    ['connect failed', failed('connect-failed'), false],
    ['not HTML', failed('unsupported-content-type'), true],
    ['private address', failed('blocked-address'), true],
    ['a bug', new Error('boom'), false],
  ];
  for (const [name, value, expected] of table) {
    it(`should judge ${name} as ${expected ? 'lasting' : 'passing'}`, () => assert.equal(isPermanent(value), expected));
  }
});
