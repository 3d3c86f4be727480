// Polling a source against the loopback fixture site with a real SQLite store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../core/log.ts';
import { type FixtureSite, startFixtureSite } from '../demo/fixture-site.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import type { PipelineDeps } from './process-item.ts';
import { isPermanent, refreshSource } from './refresh-feed.ts';
import { LedeError } from '../core/errors.ts';

describe('refreshSource', () => {
  let site: FixtureSite;
  let store: Store;
  let deps: PipelineDeps;
  const settings = { intervalMinutes: 30 };

  before(async () => {
    site = await startFixtureSite();
    store = openSqliteStore(':memory:');
    await store.migrate();
    deps = { store, log: silentLogger, extract: extractArticle, summarize: createArticleSummarizer(), fetch: { allowPrivateNetworks: true, userAgent: 'Lede-test', timeoutMs: 5000, maxBytes: 10 * 1024 * 1024 } };
  });
  after(async () => {
    await store.close();
    await site.close();
  });

  it('should ingest new entries, answer 304 cheaply, and pick up entries that appear later', async () => {
    const harbor = site.publishers.find((p) => p.slug === 'harbor')!;
    site.setFeedItemLimit('harbor', 1);
    const source = await store.addSource({ name: harbor.name, feedUrl: harbor.feedUrl, lang: 'en' });

    const first = await refreshSource(source, deps, settings);
    assert.deepEqual(first, { kind: 'refreshed', entries: 1, ingested: 1, failed: 0 });
    const checked = (await store.getSource(source.id))!;
    assert.ok(checked.etag, 'etag kept for the next conditional GET');
    assert.ok(checked.nextCheckAt! > checked.lastCheckedAt!);

    const second = await refreshSource(checked, deps, settings);
    assert.deepEqual(second, { kind: 'not-modified' });
    const conditional = site.requests.filter((r) => r.url.startsWith(new URL(harbor.feedUrl).pathname)).at(-1);
    assert.equal(conditional?.headers['if-none-match'], checked.etag);

    site.setFeedItemLimit('harbor', undefined);
    const third = await refreshSource((await store.getSource(source.id))!, deps, settings);
    assert.deepEqual(third, { kind: 'refreshed', entries: 3, ingested: 2, failed: 0 });
    const { items } = await store.listArticles({ limit: 10, sourceId: source.id });
    assert.deepEqual(items.map((a) => a.canonicalUrl).sort(), [...harbor.articleUrls].sort());
  });

  it('should record a visible error and back off when the feed is broken, ingesting nothing', async () => {
    const source = await store.addSource({ name: 'Broken', feedUrl: `${site.url}/bad/malformed-feed.xml` });
    const before = (await store.listArticles({ limit: 100 })).items.length;
    const r = await refreshSource(source, deps, settings);
    assert.equal(r.kind, 'failed');
    const after = (await store.getSource(source.id))!;
    assert.match(after.lastError ?? '', /^feed: /);
    assert.ok(Date.parse(after.nextCheckAt!) - Date.parse(after.lastCheckedAt!) >= 2 * 30 * 60_000 - 1000);
    assert.equal((await store.listArticles({ limit: 100 })).items.length, before);
  });
});

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
