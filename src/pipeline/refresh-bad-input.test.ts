// Bad input at the refresh level (issue #5): each case ends as a recorded source error or a good
// poll, never a throw, a hang or a half-written row. Also the hints that set the next check:
// <ttl>, Cache-Control max-age and a 429's Retry-After.
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '../core/log.ts';
import { createHostLimiter } from '../fetch/host-limiter.ts';
import { createIsolatedFeedParser } from '../fetch/parse-feed-isolated.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { type RefreshDeps, type RefreshOutcome, refreshSource } from './refresh-feed.ts';

const RSS = 'application/rss+xml; charset=utf-8';
const rss = (items: string, extra = '') => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://x.example/</link>${extra}${items}</channel></rss>`;
const item = (i: number, date: string) => `<item><title>Story ${i}</title><link>http://x.example/a/${i}</link><guid>g${i}</guid><pubDate>${date}</pubDate></item>`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toUTCString();

describe('refreshSource with bad input', () => {
  let server: Server;
  let base = '';
  let port = 0;
  const sockets = new Set<Socket>();
  let store: Store;
  let deps: RefreshDeps;
  const parser = createIsolatedFeedParser();
  const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
  const big = rss(Array.from({ length: 100_000 }, (_, i) => `<item><link>http://x.example/big/${i}</link></item>`).join(''));

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    void res.writeHead(status, { 'content-type': type, ...headers }).end(body);

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/html') return send(res, 200, 'text/html', '<!doctype html><html><body>Hello</body></html>');
      if (path === '/html-as-xml') return send(res, 200, 'application/xml', '<!DOCTYPE html><html><head><title>x</title></head><body></body></html>');
      if (path === '/empty') return send(res, 200, RSS, '');
      if (path === '/huge') return void res.writeHead(200, { 'content-type': RSS, 'content-length': String(2 * 1024 ** 3) }).write('<rss>');
      if (path === '/endless') {
        res.writeHead(200, { 'content-type': RSS });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => { while (!res.destroyed && res.write(chunk)); };
        res.on('drain', pump);
        return pump();
      }
      if (path === '/bomb') return send(res, 200, RSS, bomb, { 'content-encoding': 'gzip' });
      if (path === '/big') return send(res, 200, RSS, big);
      if (path === '/bad-dates') {
        return send(res, 200, RSS, rss(['yesterday', '2026-13-45T99:00:00Z', '0000-00-00', 'Tue, 31 Feb 2026 25:61:00 GMT', ''].map((d, i) => item(i, d)).join('')));
      }
      if (path === '/no-ids') {
        return send(res, 200, RSS, rss(
          '<item><title>Only a title</title></item><item><description>Only a summary</description></item><item></item>' +
          '<item><guid isPermaLink="false">only-guid</guid><title>Guid only</title></item><item><link>http://x.example/only-link</link></item>',
        ));
      }
      if (path === '/redirect-private') return void res.writeHead(302, { location: `http://127.0.0.2:${port}/html` }).end();
      if (path === '/never') return; // never answers
      if (path === '/ttl') return send(res, 200, RSS, rss(item(1, minutesAgo(1)) + item(2, minutesAgo(11)) + item(3, minutesAgo(21)), '<ttl>120</ttl>'));
      if (path === '/cached') return send(res, 200, RSS, rss(item(4, minutesAgo(1)) + item(5, minutesAgo(3))), { 'cache-control': 'public, max-age=3600' });
      if (path === '/limited') return send(res, 429, 'text/plain', 'slow down', { 'retry-after': '90' });
      return send(res, 404, 'text/plain', 'no');
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    store = openSqliteStore(':memory:');
    await store.migrate();
    // Private addresses refused, except this test server itself.
    const fetch = { allowPrivateNetworks: false, allowHosts: [`127.0.0.1:${port}`], userAgent: 'Lede-test', timeoutMs: 500, maxBytes: 8 * 1024 * 1024 };
    deps = { store, log: silentLogger, extract: extractArticle, summarize: createArticleSummarizer(), fetch, jobsInStore: true, parseFeed: (b, o) => parser.parse(b, o), hosts: createHostLimiter({ delayMs: 0 }) };
  });
  after(async () => {
    await parser.close();
    await store.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  async function poll(path: string): Promise<{ outcome: RefreshOutcome; source: NonNullable<Awaited<ReturnType<Store['getSource']>>> }> {
    const source = await store.addSource({ name: path, feedUrl: `${base}${path}` });
    const outcome = await refreshSource(source, deps, { intervalMinutes: 30 });
    return { outcome, source: (await store.getSource(source.id))! };
  }

  const failures: [string, string, RegExp][] = [
    ['HTML served as a feed', '/html', /^fetch: expected a feed but .* is text\/html/],
    ['HTML labelled as XML', '/html-as-xml', /^feed: not a feed \(looks like an HTML page\)/],
    ['an empty body', '/empty', /^feed: not a feed \(empty body\)/],
    ['a 2 GB body', '/huge', /^fetch: body of .* exceeds 8 MB/],
    ['an endless chunked response', '/endless', /^fetch: body of .* exceeds 8 MB/],
    ['a gzip bomb', '/bomb', /^fetch: body of .* exceeds 8 MB/],
    ['a redirect to a private address', '/redirect-private', /^fetch: refusing private address 127\.0\.0\.2/],
    ['a host that never answers', '/never', /^fetch: .* timed out after 500 ms/],
  ];
  for (const [name, path, message] of failures) {
    it(`should record ${name} as a source error, queueing nothing`, async () => {
      const { outcome, source } = await poll(path);
      assert.equal(outcome.kind, 'failed');
      assert.match(source.lastError ?? '', message);
      assert.equal(source.errorCount, 1);
      assert.ok(Date.parse(source.nextCheckAt!) > Date.now() + 59 * 60_000, 'backed off');
      assert.deepEqual(await store.feedEntryCounts(source.id), { queued: 0, done: 0, failed: 0, skipped: 0 });
    });
  }

  it('should take the newest 1000 of 100,000 entries, off the main thread, and come back soon for more', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const { outcome, source } = await poll('/big');
    clearInterval(timer);
    assert.deepEqual([outcome.kind, outcome.kind === 'refreshed' && outcome.queued, outcome.kind === 'refreshed' && outcome.truncated], ['refreshed', 1000, true]);
    assert.ok(ticks > 10, 'the event loop kept turning while the feed was parsed');
    assert.equal(source.etag, undefined);
    assert.equal(source.pollIntervalMinutes, 5, 'the minimum interval: the rest is waiting');
    assert.ok(await store.getFeedEntry(source.id, 'http://x.example/big/0'), 'newest first');
  });

  it('should queue entries with invalid dates, and poll them at the default interval', async () => {
    const { outcome, source } = await poll('/bad-dates');
    assert.equal(outcome.kind === 'refreshed' && outcome.queued, 5);
    assert.equal(source.pollIntervalMinutes, 30);
    assert.equal((await store.getFeedEntry(source.id, 'g1'))?.publishedAt, undefined);
  });

  it('should record entries without a link as skipped, and ignore those with nothing to know them by', async () => {
    const { outcome, source } = await poll('/no-ids');
    // The parser drops the empty <item>; the title-only and summary-only ones are known by their content.
    assert.deepEqual(outcome.kind === 'refreshed' && [outcome.entries, outcome.queued, outcome.skipped], [4, 1, 3]);
    assert.equal((await store.getFeedEntry(source.id, 'only-guid'))?.error, 'poll: entry has no link to fetch');
    assert.equal((await store.getFeedEntry(source.id, 'http://x.example/only-link'))?.state, 'queued');
  });

  it('should honour <ttl>, Cache-Control max-age and Retry-After', async () => {
    assert.equal((await poll('/ttl')).source.pollIntervalMinutes, 120);
    assert.equal((await poll('/cached')).source.pollIntervalMinutes, 60);
    const t0 = Date.now();
    const { outcome, source } = await poll('/limited');
    assert.equal(outcome.kind === 'failed' && outcome.retryAfterMs, 90_000);
    assert.ok(Math.abs(Date.parse(source.nextCheckAt!) - t0 - 90_000) < 2000);
    assert.equal(source.retryAfterUntil, source.nextCheckAt);
    assert.equal((await store.claimSources({ now: new Date().toISOString(), limit: 10_000, leaseUntil: new Date(Date.now() + 1000).toISOString(), all: true })).some((s) => s.id === source.id), false, 'not even a forced poll before then');
  });
});
