// The web app against a real (in-memory) SQLite store: pages, poll, API and error answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_REACTIONS } from '../core/config.ts';
import { silentLogger } from '../core/log.ts';
import type { StoredArticle, SummarizedArticle } from '../core/records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createWebApp } from './app.tsx';
import { summaryNote } from './views/article-page.tsx';

const ORIGIN = 'http://lede.test';

function sample(n: number, extra: Partial<SummarizedArticle> = {}): SummarizedArticle {
  return {
    url: `https://news.example/a/${n}`,
    canonicalUrl: `https://news.example/a/${n}`,
    title: `Council <b>freezes</b> fares ${n}`,
    deck: ['First deck line', 'Second deck line'],
    authors: [{ name: 'Jane Doe', email: 'jane@news.example', outlet: 'Gazette' }],
    publishedAt: '2026-11-24T08:00:00.000Z',
    siteName: 'The Gazette',
    lang: 'en',
    images: [{ url: 'https://news.example/p.png', caption: 'The ferry', credit: 'Photo: Gazette/J. Roe' }],
    contentHtml: '<p>First paragraph.</p><figure><img src="https://news.example/p.png" alt=""><figcaption>The ferry <cite>Photo: Gazette/J. Roe</cite></figcaption></figure><p>Second.</p>',
    text: 'First paragraph.\n\nSecond.',
    summary: ['One fact.', 'Two facts.', 'Three facts.'],
    ...extra,
  };
}

/** A minimal cookie jar: one reader. */
class Reader {
  cookie = '';
  constructor(private readonly app: ReturnType<typeof createWebApp>) {}
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await this.app.request(ORIGIN + path, { ...init, headers, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return res;
  }
  async vote(id: string, reaction: string, csrf?: string): Promise<Response> {
    const page = await (await this.request(`/articles/${id}`)).text();
    const token = csrf ?? /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    return this.request(`/articles/${id}/reactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: token, reaction }).toString(),
    });
  }
}

describe('web app', () => {
  let store: Store;
  let app: ReturnType<typeof createWebApp>;
  let article: StoredArticle;

  before(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    const source = await store.addSource({ name: 'The Gazette', feedUrl: 'https://news.example/feed.xml', logoUrl: 'https://news.example/logo.svg', email: 'desk@news.example', description: 'Local news.' });
    article = (await store.saveArticle(sample(1), { sourceId: source.id })).article;
    app = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: 'test-secret-0123456789', log: silentLogger });
  });
  after(() => store.close());

  it('should render every part of the article page in order, escaped', async () => {
    const res = await new Reader(app).request(`/articles/${article.id}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'none'/);
    assert.match(res.headers.get('set-cookie') ?? '', /lede_reader=.*HttpOnly.*SameSite=Lax/i);
    const html = await res.text();
    const order = ['source', 'summary', 'headline', 'deck', 'body', 'photo', 'byline', 'publisher', 'poll'];
    const positions = order.map((p) => html.indexOf(`data-part="${p}"`));
    assert.ok(positions.every((p) => p >= 0), `missing part: ${order[positions.indexOf(-1)]}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
    assert.equal(html.match(/data-part="deck"/g)?.length, 2);
    assert.ok(html.includes('Council &lt;b&gt;freezes&lt;/b&gt; fares 1'));
    assert.ok(html.includes('href="mailto:jane@news.example"'));
    assert.ok(html.includes('alt="The Gazette"'), 'logo alt is the publisher name');
    assert.equal(html.match(/Photo: Gazette\/J\. Roe/g)?.length, 1, 'credit shown once');
    assert.ok(html.includes('What did you think of the article you just read?'));
    assert.equal(html.match(/name="reaction"/g)?.length, DEFAULT_REACTIONS.length);
    assert.ok(!html.includes('data-count'), 'counts are hidden before voting');
    assert.ok(html.includes('Summary: automatic, extractive'), 'says how the summary was made');
  });

  it("should say when the model's summary is still on its way", () => {
    assert.equal(summaryNote({ kind: 'extractive', pending: true }), 'Summary: automatic, extractive (the AI summary is on its way)');
    assert.equal(summaryNote({ kind: 'extractive', fallback: 'llm-timeout' }), 'Summary: automatic, extractive');
    assert.equal(summaryNote({ kind: 'llm', model: 'm1' }), 'Summary: AI, model m1');
  });

  it('should count a vote, show counts after it, and replace a second vote', async () => {
    const reader = new Reader(app);
    const first = await reader.vote(article.id, 'sad');
    assert.equal(first.status, 303);
    let html = await (await reader.request(`/articles/${article.id}`)).text();
    assert.match(html, /data-reaction="sad"[^>]*>\s*<span class="label">Sad<\/span><span class="count" data-count="1">/);
    await reader.vote(article.id, 'angry');
    html = await (await reader.request(`/articles/${article.id}`)).text();
    assert.match(html, /data-reaction="sad"[^>]*>\s*<span class="label">Sad<\/span><span class="count" data-count="0">/);
    assert.match(html, /data-reaction="angry" aria-pressed="true"|aria-pressed="true"[^>]*data-reaction="angry"/);
    assert.deepEqual(await store.reactionCounts(article.id), { angry: 1 });
  });

  it('should refuse a vote without a valid CSRF token or from another site, changing nothing', async () => {
    const before = await store.reactionCounts(article.id);
    const reader = new Reader(app);
    assert.equal((await reader.vote(article.id, 'sad', 'forged')).status, 403);
    const stranger = new Reader(app);
    const res = await stranger.request(`/articles/${article.id}/reactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reaction=sad',
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /could not be checked/);
    const cross = await reader.request(`/articles/${article.id}/reactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"reaction":"sad"}',
    });
    assert.equal(cross.status, 403);
    assert.deepEqual(await store.reactionCounts(article.id), before);
  });

  it('should answer the JSON API', async () => {
    const reader = new Reader(app);
    const list = (await (await reader.request('/api/articles?limit=10')).json()) as { items: { id: string; contentHtml?: string }[]; nextCursor: string | null };
    assert.equal(list.items[0]?.id, article.id);
    assert.equal(list.nextCursor, null);
    const item = (await (await reader.request(`/api/articles/${article.id}`)).json()) as Record<string, unknown>;
    for (const key of ['id', 'path', 'url', 'source', 'title', 'deck', 'summary', 'authors', 'publishedAt', 'siteName', 'lang', 'leadImage', 'contentHtml', 'text', 'reactions']) {
      assert.ok(key in item, `missing ${key}`);
    }
    assert.equal(item.path, `/articles/${article.id}`);
    const post = (body: string, id = article.id) =>
      reader.request(`/api/articles/${id}/reactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal((await post('{"reaction":"informative"}')).status, 200);
    assert.equal((await post('{"reaction":"bogus"}')).status, 400);
    assert.equal((await post('not json')).status, 400);
    assert.equal((await post('{"reaction":"informative"}', 'missing')).status, 404);
    const sources = (await (await reader.request('/api/sources')).json()) as { items: { name: string }[] };
    assert.deepEqual(sources.items.map((s) => s.name), ['The Gazette']);
  });

  it('should never turn a source\'s or article\'s non-http URL into a link or image', async () => {
    const evil = await store.addSource({ name: 'Evil', feedUrl: 'https://evil.example/feed.xml', homepageUrl: 'javascript:alert(1)', logoUrl: ' JAVASCRIPT:alert(2)' });
    const { article: a } = await store.saveArticle(
      sample(9, { canonicalUrl: 'javascript:alert(3)', url: 'javascript:alert(4)', images: [{ url: 'javascript:alert(5)', caption: 'x' }], contentHtml: '<p>Body.</p>' }),
      { sourceId: evil.id },
    );
    for (const path of [`/sources/${evil.id}`, `/articles/${a.id}`, '/']) {
      const html = await (await new Reader(app).request(path)).text();
      assert.ok(!/javascript:/i.test(html), `${path} has a javascript: URL`);
    }
  });

  it('should answer unknown pages with a readable 404', async () => {
    const page = await new Reader(app).request('/articles/missing');
    assert.equal(page.status, 404);
    assert.match(await page.text(), /<h1>Not found<\/h1>/);
    const api = await new Reader(app).request('/api/articles/missing');
    assert.equal(api.status, 404);
    assert.deepEqual(((await api.json()) as { error: { code: string } }).error.code, 'not-found');
    assert.equal((await new Reader(app).request('/api/articles?limit=0')).status, 400);
    assert.equal((await new Reader(app).request('/api/articles?cursor=%%%')).status, 400);
  });

  it('should answer a revalidation with 304 while the page is unchanged', async () => {
    const reader = new Reader(app);
    const first = await reader.request(`/articles/${article.id}`);
    const tag = first.headers.get('etag');
    assert.ok(tag, 'ETag present');
    const again = await reader.request(`/articles/${article.id}`, { headers: { 'if-none-match': tag } });
    assert.equal(again.status, 304);
    await reader.vote(article.id, 'interesting');
    const changed = await reader.request(`/articles/${article.id}`, { headers: { 'if-none-match': tag } });
    assert.equal(changed.status, 200, 'a vote changes the page');
    const api = await reader.request('/api/articles');
    assert.equal((await reader.request('/api/articles', { headers: { 'if-none-match': api.headers.get('etag')! } })).status, 304);
  });

  it('should show dates in the configured time zone', async () => {
    const utc = await (await new Reader(app).request(`/articles/${article.id}`)).text();
    assert.match(utc, /<time datetime="2026-11-24T08:00:00.000Z">[^<]*08:00[^<]*UTC/);
    const seoul = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: 'test-secret-0123456789', log: silentLogger, timeZone: 'Asia/Seoul' });
    const html = await (await new Reader(seoul).request(`/articles/${article.id}`)).text();
    assert.match(html, /<time datetime="2026-11-24T08:00:00.000Z">[^<]*17:00[^<]*(GMT\+9|KST)/);
  });

  it('should list articles on the home and source pages', async () => {
    const home = await (await new Reader(app).request('/')).text();
    assert.ok(home.includes(`/articles/${article.id}`));
    assert.ok(home.includes('One fact.'));
    const src = await (await new Reader(app).request(`/sources/${article.sourceId}`)).text();
    assert.ok(src.includes('data-part="publisher"'));
    assert.ok(src.includes(`/articles/${article.id}`));
  });
});
