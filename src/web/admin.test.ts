// Admin pages and the write API against a real SQLite store: locked without a session or token,
// sign-in with lockout, CSRF on every form, and the actions themselves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_REACTIONS } from '../core/config.ts';
import { silentLogger } from '../core/log.ts';
import { type FixtureSite, startFixtureSite } from '../demo/fixture-site.ts';
import { createApiToken, createAdminAccount } from '../pipeline/admin-accounts.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { createDbQueue } from '../queue/db-queue.ts';
import type { Queue } from '../queue/queue.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createWebApp } from './app.tsx';

const ORIGIN = 'http://lede.test';
const PASSWORD = 'correct horse battery staple';

/** A browser: a cookie jar and a fixed client address. */
class Browser {
  cookies = new Map<string, string>();
  constructor(
    private readonly app: ReturnType<typeof createWebApp>,
    private readonly address = '203.0.113.7',
  ) {}
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(ORIGIN + path, { ...init, headers, redirect: 'manual' }, { incoming: { socket: { remoteAddress: this.address } } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value && !/max-age=0/i.test(line)) this.cookies.set(pair.slice(0, eq), value);
      else this.cookies.delete(pair.slice(0, eq));
    }
    return res;
  }
  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  }
  async csrfOf(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(token, `no csrf on ${path}`);
    return token;
  }
  async signIn(email: string, password: string): Promise<Response> {
    return this.post('/admin/login', { csrf: await this.csrfOf('/admin/login'), email, password });
  }
}

describe('admin and write API', () => {
  let store: Store;
  let app: ReturnType<typeof createWebApp>;
  let site: FixtureSite;
  let articleId: string;
  let queue: Queue;

  before(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    site = await startFixtureSite();
    await createAdminAccount(store, 'Ed@News.example', PASSWORD);
    const { article } = await store.saveArticle({
      url: 'https://news.example/a/1', canonicalUrl: 'https://news.example/a/1', title: 'Ferry fares frozen', deck: [], authors: [],
      images: [], contentHtml: '<p>Body.</p>', text: 'Body.', summary: ['One.', 'Two.', 'Three.'],
    });
    articleId = article.id;
    queue = createDbQueue({ database: store.sharedDatabase(), log: silentLogger });
    app = createWebApp({
      queue,
      store, reactions: DEFAULT_REACTIONS, secret: 'admin-test-secret-0123456789', log: silentLogger,
      pipeline: {
        store, log: silentLogger,
        extract: async (html, opts) => extractArticle(html, opts),
        summarize: createArticleSummarizer({ log: silentLogger }),
        fetch: { allowPrivateNetworks: true, userAgent: 'lede-test', timeoutMs: 5000, maxBytes: 5_000_000 },
      },
      login: { maxFailures: 3, lockoutMinutes: 15 },
    });
  });
  after(async () => {
    await queue.stop({ timeoutMs: 1000 });
    await site.close();
    await store.close();
  });

  it('should answer 401 on every admin page and action without a session', async () => {
    const anon = new Browser(app);
    for (const path of ['/admin', '/admin/articles', '/admin/jobs', '/admin/tokens']) {
      const res = await anon.request(path);
      assert.equal(res.status, 401, path);
      assert.match(await res.text(), /href="\/admin\/login"/);
    }
    const actions = ['/admin/sources', '/admin/sources/x/delete', '/admin/sources/x/check', `/admin/articles/${articleId}/delete`, `/admin/articles/${articleId}/reactions/reset`, '/admin/tokens', '/admin/tokens/x/revoke', '/admin/logout'];
    for (const path of actions) assert.equal((await anon.post(path, { csrf: 'x' })).status, 401, path);
    // A made-up session cookie is no session.
    anon.cookies.set('lede_admin', `ledes_${'A'.repeat(43)}`);
    assert.equal((await anon.request('/admin')).status, 401);
    assert.ok(await store.getArticle(articleId), 'nothing was deleted');
  });

  it('should answer 401 on every write API call without a valid token', async () => {
    const anon = new Browser(app);
    const { token } = await createApiToken(store, 'revoked one');
    await store.revokeApiToken((await store.listApiTokens()).find((t) => t.name === 'revoked one')!.id);
    const calls: [string, string][] = [['POST', '/api/sources'], ['DELETE', '/api/sources/x'], ['POST', '/api/articles'], ['DELETE', `/api/articles/${articleId}`], ['DELETE', `/api/articles/${articleId}/reactions`]];
    for (const auth of [undefined, 'Bearer nonsense', `Bearer lede_${'B'.repeat(43)}`, `Bearer ${token}`, `Basic ${Buffer.from('a:b').toString('base64')}`]) {
      for (const [method, path] of calls) {
        const res = await anon.request(path, { method, headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: method === 'POST' ? '{"url":"https://x.example/"}' : undefined });
        assert.equal(res.status, 401, `${method} ${path} with ${auth}`);
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
    }
    assert.ok(await store.getArticle(articleId));
  });

  it('should sign in, refuse forms without the CSRF token, act, and sign out', async () => {
    const ed = new Browser(app, '198.51.100.20');
    assert.equal((await ed.post('/admin/login', { email: 'ed@news.example', password: PASSWORD })).status, 403, 'login form needs its token');
    const res = await ed.signIn(' ED@news.example ', PASSWORD);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin');
    assert.match(res.headers.getSetCookie().join('\n'), /lede_admin=ledes_[\w-]+;.*HttpOnly.*SameSite=Strict/i);
    const dashboard = await ed.request('/admin');
    assert.equal(dashboard.status, 200);
    assert.match(dashboard.headers.get('cache-control') ?? '', /no-store/);
    const csrf = await ed.csrfOf('/admin');

    // Add a source by its site URL (the feed is discovered), through the pipeline.
    const publisher = site.publishers[0]!;
    assert.equal((await ed.post('/admin/sources', { url: publisher.homepageUrl })).status, 403, 'no CSRF, no action');
    assert.equal((await store.listSources()).length, 0);
    const added = await ed.post('/admin/sources', { csrf, url: publisher.homepageUrl, name: 'Harbor <Gazette>' });
    assert.equal(added.status, 303);
    const [source] = await store.listSources();
    assert.equal(source?.feedUrl, publisher.feedUrl);
    const health = await (await ed.request('/admin')).text();
    assert.ok(health.includes('Harbor &lt;Gazette&gt;'), 'names are escaped');
    assert.match(health, /data-status="new"/);
    const dup = await ed.post('/admin/sources', { csrf, url: publisher.feedUrl });
    assert.equal(dup.status, 409);
    const bad = await ed.post('/admin/sources', { csrf, url: 'javascript:alert(1)' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /not a URL|not an http/);

    assert.equal((await ed.post(`/admin/sources/${source!.id}/check`, { csrf })).status, 303);
    assert.equal((await ed.post(`/admin/sources/${source!.id}/delete`, { csrf: 'forged' })).status, 403);
    assert.equal((await ed.post(`/admin/sources/${source!.id}/delete`, { csrf })).status, 303);
    assert.equal((await store.listSources()).length, 0);

    // Polls: reset.
    await store.setReaction(articleId, 'r1', 'sad');
    assert.equal((await ed.post(`/admin/articles/${articleId}/reactions/reset`, { csrf })).status, 303);
    assert.deepEqual(await store.reactionCounts(articleId), {});

    // Tokens: created on the page, shown once, usable, revocable.
    const created = await ed.post('/admin/tokens', { csrf, name: 'CMS' });
    assert.equal(created.status, 201);
    const token = /<code data-token="?[^>]*>([^<]+)<\/code>/.exec(await created.text())?.[1];
    assert.match(token ?? '', /^lede_/);
    assert.ok(!(await (await ed.request('/admin/tokens')).text()).includes(token!), 'the secret is shown once');

    // Another site cannot post the admin's forms.
    const cross = await ed.request(`/admin/articles/${articleId}/delete`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}` });
    assert.equal(cross.status, 403);

    assert.equal((await ed.post('/admin/logout', { csrf })).status, 303);
    assert.equal((await ed.request('/admin')).status, 401, 'the session is gone');
  });

  it('should lock the sign-in form after repeated failures, even for the right password', async () => {
    const mallory = new Browser(app, '192.0.2.66');
    for (let i = 0; i < 3; i++) assert.equal((await mallory.signIn('ed@news.example', `guess ${i}`)).status, 401);
    const locked = await mallory.signIn('ed@news.example', PASSWORD);
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 800, 'locked for about 15 minutes');
    assert.match(await locked.text(), /Too many failed sign-ins/);
    // The account is locked from every address, and the address for every account.
    assert.equal((await new Browser(app, '192.0.2.67').signIn('ed@news.example', PASSWORD)).status, 429);
    await createAdminAccount(store, 'other@news.example', PASSWORD);
    assert.equal((await mallory.signIn('other@news.example', PASSWORD)).status, 429);
    assert.equal((await new Browser(app, '192.0.2.68').signIn('other@news.example', PASSWORD)).status, 303);
  });

  it('should run the write API with a token', async () => {
    const { token } = await createApiToken(store, 'tests');
    const api = new Browser(app);
    const call = (method: string, path: string, body?: unknown) =>
      api.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const publisher = site.publishers[1]!;
    const src = await call('POST', '/api/sources', { url: publisher.feedUrl, name: 'Hanbit' });
    assert.equal(src.status, 201);
    const sourceId = ((await src.json()) as { id: string }).id;
    assert.equal((await call('POST', '/api/sources', { url: 'not a url' })).status, 400);
    const ing = await call('POST', '/api/articles', { url: publisher.articleUrls[0], sourceId });
    assert.equal(ing.status, 201);
    const art = (await ing.json()) as { id: string; summary: string[] };
    assert.equal(art.summary.length, 3);
    assert.equal((await call('POST', '/api/articles', { url: publisher.articleUrls[0], sourceId })).status, 200, 'the same URL again updates');
    assert.equal((await call('DELETE', `/api/articles/${art.id}/reactions`)).status, 200);
    assert.equal((await call('DELETE', `/api/articles/${art.id}`)).status, 204);
    assert.equal((await call('DELETE', `/api/articles/${art.id}`)).status, 404);
    assert.equal((await call('DELETE', `/api/sources/${sourceId}`)).status, 204);
    assert.ok((await store.listApiTokens()).find((t) => t.name === 'tests')?.lastUsedAt);
  });

  it('should show queue counts and the jobs that failed for good, escaped', async () => {
    const source = await store.addSource({ name: 'Harbour <Gazette>', feedUrl: 'https://harbour.example/feed.xml' });
    await queue.send('fetch-article', { sourceId: source.id, entryKey: 'story-<1>' }, { retryLimit: 0 });
    let ran = false;
    await queue.work('fetch-article', { concurrency: 1 }, async () => {
      ran = true;
      throw new Error('fetch: <b>503</b> from harbour.example');
    });
    for (let i = 0; i < 100 && !(ran && (await queue.counts())['fetch-article'].failed === 1); i++) await new Promise((r) => setTimeout(r, 50));
    // An account and address of its own: the lockout test above locked Ed's.
    await createAdminAccount(store, 'night-desk@news.example', PASSWORD);
    const admin = new Browser(app, '198.51.100.23');
    assert.equal((await admin.signIn('night-desk@news.example', PASSWORD)).status, 303);
    const res = await admin.request('/admin/jobs');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<tr data-queue="fetch-article">(?:(?!<\/tr>).)*data-failed="1"/s);
    assert.match(html, /Harbour &lt;Gazette&gt;: story-&lt;1&gt;/);
    assert.match(html, /fetch: &lt;b&gt;503&lt;\/b&gt; from harbour.example/);
    assert.doesNotMatch(html, /<b>503/);
  });
});
