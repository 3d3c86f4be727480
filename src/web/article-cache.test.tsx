// The article and home pages served from the page cache: the same bytes as a fresh render, and
// never a stale page after an update, a vote or a source change, even when another web process
// (another app on the same store) made the change. Last-Modified and If-Modified-Since on pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_REACTIONS } from '../core/config.ts';
import { silentLogger } from '../core/log.ts';
import type { StoredArticle, SummarizedArticle } from '../core/records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { type Store, withCounts } from '../store/store.ts';
import { createWebApp } from './app.tsx';
import { PollSection } from './views/poll.tsx';

const ORIGIN = 'http://lede.test';
const SECRET = 'test-secret-0123456789';

function sample(extra: Partial<SummarizedArticle> = {}): SummarizedArticle {
  return {
    url: 'https://news.example/a/cache',
    canonicalUrl: 'https://news.example/a/cache',
    title: 'Ferry fares frozen',
    deck: ['A deck line'],
    authors: [{ name: 'Jane Doe', email: 'jane@news.example' }],
    publishedAt: '2026-11-24T08:00:00.000Z',
    lang: 'en',
    images: [],
    contentHtml: '<p>First version of the body.</p>',
    text: 'First version of the body.',
    summary: ['One.', 'Two.', 'Three.'],
    ...extra,
  };
}

type App = ReturnType<typeof createWebApp>;

/** One reader (one cookie) who may use several web processes. */
class Reader {
  cookie = '';
  async get(app: App, path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await app.request(ORIGIN + path, { headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return res;
  }
  async vote(app: App, id: string, reaction: string): Promise<void> {
    const page = await (await this.get(app, `/articles/${id}`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const res = await app.request(`${ORIGIN}/articles/${id}/reactions`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, reaction }).toString(),
    });
    assert.equal(res.status, 303);
  }
}

describe('page cache in the web app', () => {
  let store: Store;
  let one: App; // two web processes sharing one store
  let two: App;
  let article: StoredArticle;
  let sourceId: string;

  before(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    sourceId = (await store.addSource({ id: 'gazette', name: 'The Gazette', feedUrl: 'https://news.example/feed.xml', email: 'desk@news.example' })).id;
    article = (await store.saveArticle(sample(), { sourceId })).article;
    one = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger });
    two = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger });
  });
  after(() => store.close());

  it('should serve the same bytes from the cache as a process that renders the page afresh', async () => {
    const reader = new Reader();
    const first = await (await reader.get(one, `/articles/${article.id}`)).text();
    const cached = await (await reader.get(one, `/articles/${article.id}`)).text();
    const fresh = await (await reader.get(createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger, pageCacheBytes: 0 }), `/articles/${article.id}`)).text();
    assert.equal(cached, first);
    assert.equal(fresh, first);
    assert.ok(first.includes('First version of the body.'));
  });

  it('should put the same poll in the page as PollSection renders, for a reader who has not voted', async () => {
    const reader = new Reader();
    const html = await (await reader.get(one, `/articles/${article.id}`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const poll = await (<PollSection model={{ articleId: article.id, reactions: withCounts(DEFAULT_REACTIONS, {}), csrf }} />).toString();
    assert.ok(html.includes(poll));
  });

  it('should show an updated article at once in every process', async () => {
    const reader = new Reader();
    assert.ok((await (await reader.get(one, `/articles/${article.id}`)).text()).includes('First version'));
    assert.ok((await (await reader.get(two, `/articles/${article.id}`)).text()).includes('First version'));
    // The same canonical URL: an update of the stored article, in whatever process ingests it.
    await store.saveArticle(sample({ contentHtml: '<p>Second version of the body.</p>', text: 'Second version of the body.' }), { sourceId });
    for (const app of [one, two]) {
      const html = await (await reader.get(app, `/articles/${article.id}`)).text();
      assert.ok(html.includes('Second version'), 'updated');
      assert.ok(!html.includes('First version'), 'nothing stale');
    }
  });

  it('should show a changed publisher card at once', async () => {
    const reader = new Reader();
    assert.ok((await (await reader.get(one, `/articles/${article.id}`)).text()).includes('The Gazette'));
    await store.upsertSource({ id: sourceId, name: 'The Evening Gazette', feedUrl: 'https://news.example/feed.xml', email: 'desk@news.example' });
    assert.ok((await (await reader.get(one, `/articles/${article.id}`)).text()).includes('The Evening Gazette'));
  });

  it('should show the counts right after the reader\'s own vote, whichever process took it', async () => {
    const alice = new Reader();
    const bob = new Reader();
    assert.ok(!(await (await alice.get(one, `/articles/${article.id}`)).text()).includes('data-count'), 'no counts before voting');
    await bob.vote(two, article.id, 'sad');
    await alice.vote(two, article.id, 'informative');
    const html = await (await alice.get(one, `/articles/${article.id}`)).text();
    assert.match(html, /data-reaction="informative"[^>]*>.*?data-count="1"/s);
    assert.match(html, /aria-pressed="true" data-reaction="informative"/);
    assert.match(html, /2 readers have answered/);
    await bob.vote(one, article.id, 'informative');
    assert.match(await (await alice.get(two, `/articles/${article.id}`)).text(), /data-reaction="informative"[^>]*>.*?data-count="2"/s);
  });

  it('should keep no more than its byte bound', async () => {
    const tiny = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger, pageCacheBytes: 100 });
    const res = await new Reader().get(tiny, `/articles/${article.id}`);
    assert.equal(res.status, 200, 'a page over the bound is served, just not kept');
  });

  it('should answer If-Modified-Since on the article page while the reader has not voted', async () => {
    const reader = new Reader();
    const first = await reader.get(one, `/articles/${article.id}`);
    assert.equal(first.headers.get('last-modified'), null, 'not with a cookie issued just now');
    const page = await reader.get(one, `/articles/${article.id}`);
    const lastModified = page.headers.get('last-modified');
    assert.ok(lastModified);
    assert.equal((await reader.get(one, `/articles/${article.id}`, { 'if-modified-since': lastModified })).status, 304);
    assert.equal((await reader.get(two, `/articles/${article.id}`, { 'if-none-match': page.headers.get('etag')! })).status, 304, 'the ETag holds across processes');
    await new Promise((r) => setTimeout(r, 1100)); // HTTP dates have whole seconds
    await store.saveArticle(sample({ title: 'Ferry fares frozen until 2029' }), { sourceId });
    const changed = await reader.get(one, `/articles/${article.id}`, { 'if-modified-since': lastModified });
    assert.equal(changed.status, 200);
    assert.ok((await changed.text()).includes('until 2029'));
    await reader.vote(one, article.id, 'sad');
    const voted = await reader.get(one, `/articles/${article.id}`, { 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() });
    assert.equal(voted.status, 200, 'live counts: no Last-Modified once the reader voted');
    assert.equal(voted.headers.get('last-modified'), null);
  });

  it('should cache the home page per version and answer its conditional requests', async () => {
    const reader = new Reader();
    const home = await reader.get(one, '/');
    const html = await home.text();
    assert.ok(html.includes(`/articles/${article.id}`));
    const lastModified = home.headers.get('last-modified');
    assert.ok(lastModified);
    assert.equal((await reader.get(one, '/', { 'if-none-match': home.headers.get('etag')! })).status, 304);
    assert.equal((await reader.get(one, '/', { 'if-modified-since': lastModified })).status, 304);
    const added = (await store.saveArticle(sample({ url: 'https://news.example/a/new', canonicalUrl: 'https://news.example/a/new', title: 'A newer article', publishedAt: '2026-11-25T08:00:00.000Z' }), { sourceId })).article;
    for (const app of [one, two]) {
      const again = await reader.get(app, '/', { 'if-none-match': home.headers.get('etag')! });
      assert.equal(again.status, 200);
      assert.ok((await again.text()).includes(`/articles/${added.id}`));
    }
    await store.deleteArticle(added.id);
    assert.ok(!(await (await reader.get(one, '/')).text()).includes(`/articles/${added.id}`), 'a deletion shows at once');
  });
});
