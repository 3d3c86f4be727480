// The 'fetch-article' job handler against loopback servers and a real SQLite store: stored once,
// skipped by robots.txt with the reason, lasting and passing failures, Crawl-delay kept.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RetryAfterError } from '../core/errors.ts';
import { silentLogger } from '../core/log.ts';
import { type FixtureSite, startFixtureSite } from '../demo/fixture-site.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { createHostLimiter } from '../fetch/host-limiter.ts';
import { createRobotsCache } from '../fetch/robots.ts';
import { createDbQueue } from '../queue/db-queue.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { type EntryDeps, processEntry } from './process-entry.ts';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Ferry fares frozen</title></head><body><article><h1>Ferry fares frozen</h1>
${'<p>The council voted on Tuesday to keep ferry fares at their current level for another year, citing rising costs for commuters and the slow recovery of tourism along the waterfront.</p>'.repeat(4)}
</article></body></html>`;

describe('processEntry', () => {
  let site: FixtureSite;
  let server: Server;
  let base = '';
  let robotsStatus = 200;
  const starts: number[] = [];
  let store: Store;
  let deps: EntryDeps;
  let sourceId = '';
  let n = 0;
  /** Called when the server is asked for /deleted-meanwhile (the page of a source deleted while its article is fetched). */
  let onDeletedMeanwhile = async () => {};

  before(async () => {
    site = await startFixtureSite();
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') return void res.writeHead(robotsStatus, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2');
      if (path.startsWith('/spaced/')) starts.push(Date.now());
      if (path.startsWith('/gone')) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Gone</h1>');
      if (path.startsWith('/deleted-meanwhile')) return void onDeletedMeanwhile().then(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE));
      if (path.startsWith('/flaky')) return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Oops</h1>');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE.replace('Ferry fares frozen', `Ferry fares frozen ${path}`));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = openSqliteStore(':memory:');
    await store.migrate();
    sourceId = (await store.addSource({ name: 'Harbor', feedUrl: `${base}/feed.xml`, lang: 'en' })).id;
    const fetch = { allowPrivateNetworks: true, userAgent: 'Lede-test/1.0', timeoutMs: 3000, maxBytes: 10 * 1024 * 1024 };
    const hosts = createHostLimiter({ delayMs: 0 });
    deps = { store, log: silentLogger, extract: extractArticle, summarize: createArticleSummarizer(), fetch, hosts, robots: createRobotsCache({ fetch, gate: hosts, unavailableTtlMs: 0 }) };
  });
  after(async () => {
    await store.close();
    await site.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  /** Records one queued entry for `url`, as a poll would. */
  async function queue(url: string): Promise<{ sourceId: string; entryKey: string }> {
    const entryKey = `e${n++}`;
    const now = new Date().toISOString();
    await store.recordFeedPoll(sourceId, [{ entryKey, url, canonicalUrl: url }], { checkedAt: now, nextCheckAt: now, error: null });
    return { sourceId, entryKey };
  }

  it('should store nothing when the source is deleted while its article is fetched', async () => {
    const other = (await store.addSource({ name: 'Short-lived', feedUrl: `${base}/other.xml`, lang: 'en' })).id;
    const entryKey = `e${n++}`;
    const url = `${base}/deleted-meanwhile`;
    const now = new Date().toISOString();
    await store.recordFeedPoll(other, [{ entryKey, url, canonicalUrl: url }], { checkedAt: now, nextCheckAt: now, error: null });
    onDeletedMeanwhile = async () => void (await store.deleteSource(other));
    const before = (await store.listArticles({ limit: 1000 })).items.length;
    await assert.rejects(processEntry({ sourceId: other, entryKey }, deps));
    assert.equal((await store.listArticles({ limit: 1000 })).items.length, before);
    assert.equal(await processEntry({ sourceId: other, entryKey }, deps), 'gone');
  });

  it('should store the article once, and leave a handled entry alone', async () => {
    const job = await queue(site.publishers[0]!.articleUrls[0]!);
    assert.equal(await processEntry(job, deps), 'stored');
    const entry = (await store.getFeedEntry(sourceId, job.entryKey))!;
    assert.equal(entry.state, 'done');
    assert.equal((await store.getArticle(entry.articleId!))?.sourceId, sourceId);
    assert.equal(await processEntry(job, deps), 'already-handled');
    assert.equal(await processEntry({ sourceId, entryKey: 'nope' }, deps), 'gone');
  });

  it("should store the offline summary and queue a 'summarize' job when a model is configured", async () => {
    const jobs = createDbQueue({ database: store.sharedDatabase(), log: silentLogger });
    try {
      const job = await queue(site.publishers[0]!.articleUrls[1]!);
      assert.equal(await processEntry(job, { ...deps, summaryJobs: jobs }), 'stored');
      const article = (await store.getArticle((await store.getFeedEntry(sourceId, job.entryKey))!.articleId!))!;
      assert.deepEqual(article.summaryMethod, { kind: 'extractive', pending: true });
      assert.ok(article.summary.length > 0);
      assert.deepEqual([...(await jobs.openKeys('summarize', [article.id, 'other']))], [article.id]);
    } finally {
      await jobs.stop();
    }
  });

  it('should skip a page robots.txt disallows, with the reason on the entry', async () => {
    const job = await queue(`${base}/private/story`);
    assert.equal(await processEntry(job, deps), 'skipped');
    const entry = (await store.getFeedEntry(sourceId, job.entryKey))!;
    assert.equal(entry.state, 'skipped');
    assert.match(entry.error ?? '', /^robots: http:\/\/127\.0\.0\.1:\d+\/robots\.txt disallows \/private\/story$/);
  });

  it('should keep the Crawl-delay between pages of the host', async () => {
    const jobs = [await queue(`${base}/spaced/1`), await queue(`${base}/spaced/2`), await queue(`${base}/spaced/3`)];
    assert.deepEqual(await Promise.all(jobs.map((j) => processEntry(j, deps))), ['stored', 'stored', 'stored']);
    const sorted = [...starts].sort((a, b) => a - b);
    // Measured where the server sees the requests, so allow for a few ms of jitter.
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]! - sorted[i - 1]! >= 180, `gap ${sorted[i]! - sorted[i - 1]!} ms`);
  });

  it('should fail a page that is gone at once, and retry a passing failure until attempts run out', async () => {
    const gone = await queue(`${base}/gone`);
    assert.equal(await processEntry(gone, deps), 'failed');
    assert.deepEqual([(await store.getFeedEntry(sourceId, gone.entryKey))?.state, (await store.getFeedEntry(sourceId, gone.entryKey))?.attempts], ['failed', 1]);

    const flaky = await queue(`${base}/flaky`);
    await assert.rejects(processEntry(flaky, deps, { maxAttempts: 2 }), /answered 500/);
    const once = (await store.getFeedEntry(sourceId, flaky.entryKey))!;
    assert.deepEqual([once.state, once.attempts], ['queued', 1]);
    assert.match(once.error ?? '', /answered 500/);
    assert.equal(await processEntry(flaky, deps, { maxAttempts: 2 }), 'failed');
    assert.match((await store.getFeedEntry(sourceId, flaky.entryKey))?.error ?? '', /gave up after 2 attempts/);
  });

  it('should wait and retry while robots.txt cannot be read', async () => {
    robotsStatus = 503;
    // A cache of its own: the shared one already holds this origin's robots.txt.
    const fresh = { ...deps, robots: createRobotsCache({ fetch: deps.fetch, unavailableTtlMs: 0 }) };
    try {
      const job = await queue(`${base}/later`);
      await assert.rejects(processEntry(job, fresh), (e) => e instanceof RetryAfterError && /^robots: cannot read robots\.txt/.test(e.message));
      assert.equal((await store.getFeedEntry(sourceId, job.entryKey))?.state, 'queued');
      robotsStatus = 200;
      assert.equal(await processEntry(job, fresh), 'stored');
    } finally {
      robotsStatus = 200;
    }
  });
});
