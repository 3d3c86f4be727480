// Poll integrity: a vote needs the server's signed reader cookie; votes are limited per client
// address and per reader; rejected votes change nothing; parallel votes all count, exactly.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { DEFAULT_REACTIONS, parseTrustProxy } from '../core/config.ts';
import { silentLogger } from '../core/log.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createWebApp } from './app.tsx';

const ORIGIN = 'http://lede.test';
const SECRET = 'poll-test-secret-0123456789';

async function freshVote(app: ReturnType<typeof createWebApp>, articleId: string, address: string, reaction: string): Promise<number> {
  const env = { incoming: { socket: { remoteAddress: address } } };
  // A new reader each time: the article page issues a fresh signed cookie and its form's token.
  const page = await app.request(`${ORIGIN}/articles/${articleId}`, {}, env);
  const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await app.request(
    `${ORIGIN}/articles/${articleId}/reactions`,
    { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, reaction }).toString(), redirect: 'manual' },
    env,
  );
  return res.status;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('poll integrity', () => {
  let store: Store;
  let articleId: string;

  before(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const { article } = await store.saveArticle({
      url: 'https://news.example/a/poll', canonicalUrl: 'https://news.example/a/poll', title: 'Poll', deck: [], authors: [],
      images: [], contentHtml: '<p>Body.</p>', text: 'Body.', summary: ['One.', 'Two.', 'Three.'],
    });
    articleId = article.id;
  });
  after(() => store.close());

  it('should count at most the per-address limit of 10,000 attempts from one address with fresh cookies', async () => {
    const limit = 50;
    const app = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger, voteLimits: { perAddress: limit, perReader: 10, windowSeconds: 3600 } });
    const statuses = new Map<number, number>();
    const started = Date.now();
    for (let i = 0; i < 10_000; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => freshVote(app, articleId, '203.0.113.50', DEFAULT_REACTIONS[(i + j) % 5]!.id)));
      for (const s of batch) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    const counted = total(await store.reactionCounts(articleId));
    console.log(`poll: 10,000 attempts from one address with fresh cookies -> ${counted} counted (limit ${limit}), statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${Date.now() - started} ms`);
    assert.equal(counted, limit);
    assert.equal(statuses.get(303), limit);
    assert.equal(statuses.get(429), 10_000 - limit);
    // Another address is not affected.
    assert.equal(await freshVote(app, articleId, '203.0.113.51', 'sad'), 303);
    await store.clearReactions(articleId);
  });

  it('should limit one reader, refuse a vote without a signed cookie, and leave counts unchanged', async () => {
    const app = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger, voteLimits: { perAddress: 0, perReader: 3, windowSeconds: 3600 } });
    const env = { incoming: { socket: { remoteAddress: '198.51.100.9' } } };
    const page = await app.request(`${ORIGIN}/articles/${articleId}`, {}, env);
    const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const vote = (reaction: string, cookieHeader = cookie) =>
      app.request(`${ORIGIN}/articles/${articleId}/reactions`, { method: 'POST', headers: { cookie: cookieHeader, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, reaction }).toString(), redirect: 'manual' }, env);
    assert.equal((await vote('sad')).status, 303);
    assert.equal((await vote('angry')).status, 303);
    assert.equal((await vote('informative')).status, 303);
    const refused = await vote('surprising');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.deepEqual(await store.reactionCounts(articleId), { informative: 1 });
    // A cookie the server did not sign is no reader.
    const [name, value] = cookie.split('=') as [string, string];
    const forged = `${name}=${value.split('.')[0]}.${'A'.repeat(43)}`;
    assert.equal((await vote('sad', forged)).status, 403);
    assert.equal((await vote('sad', '')).status, 403);
    assert.deepEqual(await store.reactionCounts(articleId), { informative: 1 });
    await store.clearReactions(articleId);
  });

  it('should count exactly 1,000 votes from 1,000 readers voting in parallel behind a trusted proxy', async () => {
    const app = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger, trustProxy: parseTrustProxy('loopback'), voteLimits: { perAddress: 1, perReader: 1, windowSeconds: 3600 } });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const readers = await Promise.all(
        Array.from({ length: 1000 }, async (_, i) => {
          const xff = `10.${(i >> 8) & 255}.${i & 255}.1`;
          const page = await fetch(`${base}/articles/${articleId}`, { headers: { 'x-forwarded-for': xff } });
          const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
          const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
          return { xff, cookie, csrf, reaction: DEFAULT_REACTIONS[i % 5]!.id };
        }),
      );
      const statuses = await Promise.all(
        readers.map(async (r) => {
          const res = await fetch(`${base}/articles/${articleId}/reactions`, {
            method: 'POST',
            headers: { cookie: r.cookie, 'x-forwarded-for': r.xff, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ csrf: r.csrf, reaction: r.reaction }).toString(),
            redirect: 'manual',
          });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      assert.equal(statuses.filter((s) => s === 303).length, 1000);
      const counts = await store.reactionCounts(articleId);
      assert.equal(total(counts), 1000);
      for (const r of DEFAULT_REACTIONS) assert.equal(counts[r.id], 200);
      // The per-address limit of 1 holds for each forwarded address: a second vote from one is refused.
      const again = readers[0]!;
      const res = await fetch(`${base}/articles/${articleId}/reactions`, { method: 'POST', headers: { cookie: again.cookie, 'x-forwarded-for': again.xff, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: again.csrf, reaction: 'sad' }).toString(), redirect: 'manual' });
      assert.equal(res.status, 429);
      assert.equal(total(await store.reactionCounts(articleId)), 1000);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
