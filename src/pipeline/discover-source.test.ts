// Finding a site's feed against a loopback server (feed URL, <link rel="alternate">, feed-looking
// links, an RSS index page, common paths, bounded probing), and OPML import/export on SQLite.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { LedeError } from '../core/errors.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { commonFeedUrls, discoverSource, feedAnchorsOf, findFeed, looksLikeFeedUrl } from './discover-source.ts';
import { exportOpml, importOpml } from './opml-sources.ts';
import type { FetchSettings } from './process-item.ts';

const settings: FetchSettings = { allowPrivateNetworks: true, userAgent: 'Lede-test', timeoutMs: 5000, maxBytes: 1024 * 1024 };

function rss(title: string, items = 1): string {
  const entries = Array.from({ length: items }, (_, i) => `<item><title>Story ${i}</title><link>https://news.example/${i}</link><guid>${i}</guid></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link><language>ko-KR</language>${entries}</channel></rss>`;
}
const html = (head: string, body = '') => `<!doctype html><html><head><title>Site</title>${head}</head><body>${body}</body></html>`;
const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

type Route = { status?: number; type?: string; body: string; location?: string };

/** A loopback site whose routes each test sets; it records the paths asked for. */
describe('findFeed', () => {
  let server: Server;
  let base = '';
  let routes: Record<string, Route> = {};
  let fallbackRoute: Route | undefined;
  const asked: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      asked.push(path);
      const route = routes[path] ?? fallbackRoute;
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(route.status ?? (route.location ? 301 : 200), { 'content-type': route.type ?? HTML_TYPE, ...(route.location ? { location: route.location } : {}) });
      res.end(route.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    routes = {};
    fallbackRoute = undefined;
    asked.length = 0;
  });

  it('should take a feed URL as it is', async () => {
    routes['/news.xml'] = { type: RSS_TYPE, body: rss('News') };
    const found = await discoverSource(`${base}/news.xml`, settings);
    assert.equal(found.feedUrl, `${base}/news.xml`);
    assert.equal(found.name, 'News');
    assert.equal(found.lang, 'ko');
    assert.deepEqual(asked, ['/news.xml']);
  });

  it('should follow <link rel="alternate"> before anything else', async () => {
    routes['/'] = { body: html('<link rel="alternate" type="application/rss+xml" href="/declared.xml">', '<a href="/rss">RSS</a>') };
    routes['/declared.xml'] = { type: RSS_TYPE, body: rss('Declared', 0) };
    const found = await findFeed(`${base}/`, settings);
    assert.equal(found.url, `${base}/declared.xml`, 'a declared feed is taken even without entries');
    assert.deepEqual(asked, ['/', '/declared.xml']);
  });

  it('should try a common path on a site root that names no feed, stopping at the first with entries', async () => {
    routes['/'] = { body: html('') };
    routes['/rss'] = { type: RSS_TYPE, body: rss('Found by guessing', 3) };
    const found = await discoverSource(`${base}/`, settings);
    assert.equal(found.feedUrl, `${base}/rss`);
    assert.equal(found.name, 'Found by guessing');
    assert.deepEqual(asked, ['/', '/feed', '/rss']);
  });

  it('should follow a redirect of a common path (WordPress /feed → /feed/)', async () => {
    routes['/'] = { body: html('') };
    routes['/feed'] = { location: '/feed/', body: '' };
    routes['/feed/'] = { type: RSS_TYPE, body: rss('WordPress') };
    assert.equal((await findFeed(`${base}/`, settings)).url, `${base}/feed/`);
  });

  it('should try the platform the page shows first (WordPress without pretty permalinks)', async () => {
    routes['/'] = { body: html('<meta name="generator" content="WordPress 6.5">') };
    routes['/?feed=rss2'] = { type: RSS_TYPE, body: rss('Plain WordPress') };
    await findFeed(`${base}/`, settings);
    assert.deepEqual(asked, ['/', '/feed', '/?feed=rss2']);
  });

  it('should try feed-looking links of the page before guessing', async () => {
    routes['/'] = { body: html('', '<a href="/about">About</a><a href="https://feedly.com/i/subscription/feed/x">Feedly</a><a href="/comments/feed/">Comments</a><a href="/news/rss.xml">RSS</a>') };
    routes['/news/rss.xml'] = { type: RSS_TYPE, body: rss('Linked') };
    assert.equal((await findFeed(`${base}/`, settings)).url, `${base}/news/rss.xml`);
    assert.deepEqual(asked, ['/', '/news/rss.xml']);
  });

  it('should open an RSS index page and take the first feed it lists (Korean news sites)', async () => {
    routes['/'] = { body: html('', '<a href="/rss/">RSS 서비스</a>') };
    routes['/rss/'] = { body: html('', '<ul><li><a href="/rss/allArticle.xml">전체기사</a></li><li><a href="/rss/S1N1.xml">정치</a></li></ul>') };
    routes['/rss/allArticle.xml'] = { type: RSS_TYPE, body: rss('전체기사', 2) };
    assert.equal((await findFeed(`${base}/`, settings)).url, `${base}/rss/allArticle.xml`);
    assert.deepEqual(asked, ['/', '/rss/', '/rss/allArticle.xml']);
  });

  it('should guess in the folder of a site that lives in one', async () => {
    routes['/blog/'] = { body: html('') };
    routes['/blog/feed'] = { type: RSS_TYPE, body: rss('Blog') };
    assert.equal((await findFeed(`${base}/blog/`, settings)).url, `${base}/blog/feed`);
  });

  it('should take a guessed feed without entries only when nothing better is found', async () => {
    routes['/'] = { body: html('') };
    routes['/feed'] = { type: RSS_TYPE, body: rss('Empty', 0) };
    assert.equal((await findFeed(`${base}/`, settings)).url, `${base}/feed`);
    routes['/rss'] = { type: RSS_TYPE, body: rss('Full', 1) };
    assert.equal((await findFeed(`${base}/`, settings)).url, `${base}/rss`);
  });

  it('should guess on a site root that answers with an error', async () => {
    routes['/'] = { status: 403, body: 'forbidden' };
    routes['/feed'] = { type: RSS_TYPE, body: rss('Behind a wall') };
    assert.equal((await findFeed(`${base}/`, settings)).url, `${base}/feed`);
  });

  it('should not guess for a page URL that fails, and say why', async () => {
    await assert.rejects(findFeed(`${base}/some/article`, settings), /404/);
    assert.deepEqual(asked, ['/some/article']);
  });

  it('should stop after a bounded number of sequential probes and list what it tried', async () => {
    fallbackRoute = { body: html('') }; // every path answers with the same page, as single-page apps do
    const err = await findFeed(`${base}/`, settings).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof LedeError && err.code === 'fetch-failed', String(err));
    assert.match(err.message, /^sources: found no feed for http:\/\/127\.0\.0\.1:\d+\/; tried \/ \(HTML page without <link rel="alternate">\), \/feed \(HTML page\), \/rss \(HTML page\)/);
    assert.ok(!err.message.includes('\n'));
    assert.ok(asked.length <= 1 + 8, `at most 8 guesses: ${asked.join(' ')}`);
    assert.equal(new Set(asked).size, asked.length, 'no URL asked twice');
  });

  it('should list 404s in the error when nothing is there', async () => {
    routes['/'] = { body: html('') };
    await assert.rejects(findFeed(`${base}/`, settings, { guesses: 2 }), /tried \/ \(HTML page without <link rel="alternate">\), \/feed \(404\), \/rss \(404\)$/);
  });

  it('should give up at once on a server that cannot be reached', async () => {
    await assert.rejects(findFeed('http://127.0.0.1:9/', settings), /fetch: /);
  });

  it('should refuse a private address unless allowed, before guessing', async () => {
    routes['/'] = { body: html('') };
    await assert.rejects(findFeed(`${base}/`, { ...settings, allowPrivateNetworks: false }), /private|blocked|refus/i);
    assert.deepEqual(asked, []);
  });
});

describe('feed candidates', () => {
  const looks: [string, boolean][] = [
    ['https://a.example/rss', true],
    ['https://a.example/feed/', true],
    ['https://a.example/?feed=rss2', true],
    ['https://a.example/rss/allArticle.xml', true],
    ['https://feeds.feedburner.com/example', true],
    ['https://rss.blog.naver.com/someone.xml', true],
    ['https://a.example/atom.xml', true],
    ['https://a.example/feedback', false],
    ['https://a.example/atomic-habits', false],
    ['https://a.example/news/1234', false],
  ];
  for (const [value, expected] of looks) {
    it(`should say ${value} ${expected ? 'looks' : 'does not look'} like a feed`, () => {
      assert.equal(looksLikeFeedUrl(new URL(value)), expected);
    });
  }

  it('should list feed-looking links, the own site first, without reader services or comment feeds', () => {
    const page = '<a href="https://feeds.feedburner.com/x">FB</a><a href=\'/rss.xml\'>RSS</a><a href=/feed>Feed</a><a href="https://www.inoreader.com/?add_feed=x">Ino</a><a href="/comments/feed">C</a><a href="mailto:rss@a.example">M</a>';
    assert.deepEqual(feedAnchorsOf(page, 'https://a.example/'), ['https://a.example/rss.xml', 'https://a.example/feed', 'https://feeds.feedburner.com/x']);
  });

  it('should order common paths, platform hints first, at most once each', () => {
    const plain = commonFeedUrls('https://a.example/x');
    assert.deepEqual(plain.slice(0, 3), ['https://a.example/feed', 'https://a.example/rss', 'https://a.example/rss.xml']);
    assert.equal(new Set(plain).size, plain.length);
    assert.equal(commonFeedUrls('https://a.example/', '<a href="/news/articleView.html?idxno=1">x</a>')[0], 'https://a.example/rss/allArticle.xml');
    assert.equal(commonFeedUrls('https://a.example/', '<meta name="generator" content="Ghost 5.0">')[0], 'https://a.example/rss/');
  });
});

describe('importOpml and exportOpml', () => {
  let store: Store;
  before(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
  });
  after(() => store.close());

  const OPML = `<?xml version="1.0"?><opml version="2.0"><body>
    <outline text="News"><outline text="Harbor" xmlUrl="https://harbor.example/feed" htmlUrl="https://harbor.example/" language="en-us" description="Ferries"/></outline>
    <outline text="한빛일보" xmlUrl="https://hanbit.example/rss" language="ko"/>
    <outline text="Note only"/>
  </body></opml>`;

  it('should create, then leave unchanged, then update by feed URL, keeping what the file lacks', async () => {
    const first = await importOpml(OPML, store);
    assert.deepEqual(first.sources.map((s) => s.status), ['new', 'new']);
    assert.deepEqual(first.skipped, [{ reason: 'no-xml-url', label: 'Note only' }]);
    const harbor = first.sources[0]!.source;
    assert.deepEqual([harbor.name, harbor.feedUrl, harbor.homepageUrl, harbor.lang, harbor.description], ['Harbor', 'https://harbor.example/feed', 'https://harbor.example/', 'en-US', 'Ferries']);

    const again = await importOpml(OPML, store);
    assert.deepEqual(again.sources.map((s) => s.status), ['unchanged', 'unchanged']);
    assert.equal((await store.listSources()).length, 2);

    await store.upsertSource({ id: harbor.id, name: 'Harbor', feedUrl: harbor.feedUrl, logoUrl: 'https://harbor.example/logo.png', email: 'desk@harbor.example' });
    const renamed = await importOpml(OPML.replace('text="Harbor"', 'text="Harbor Daily"'), store);
    assert.deepEqual(renamed.sources.map((s) => s.status), ['updated', 'unchanged']);
    const after = (await store.getSource(harbor.id))!;
    assert.deepEqual([after.name, after.logoUrl, after.email, after.homepageUrl], ['Harbor Daily', 'https://harbor.example/logo.png', 'desk@harbor.example', 'https://harbor.example/']);
  });

  it('should write nothing when the file is not valid OPML', async () => {
    const before = (await store.listSources()).length;
    await assert.rejects(importOpml(OPML.slice(0, -20), store), (e: unknown) => e instanceof LedeError && e.code === 'invalid-input');
    await assert.rejects(importOpml('<rss version="2.0"><channel/></rss>', store), /opml: not an OPML document/);
    assert.equal((await store.listSources()).length, before);
  });

  it('should export what it imports', async () => {
    const { opml, exported, withoutFeed } = await exportOpml(store, new Date('2025-01-01T00:00:00Z'));
    assert.equal(exported, 2);
    assert.equal(withoutFeed, 0);
    const other = openSqliteStore(':memory:');
    try {
      await other.migrate();
      await importOpml(opml, other);
      const pick = (list: readonly { name: string; feedUrl?: string; homepageUrl?: string; lang?: string; description?: string }[]) =>
        list.map((s) => ({ name: s.name, feedUrl: s.feedUrl, homepageUrl: s.homepageUrl, lang: s.lang, description: s.description }));
      assert.deepEqual(pick(await other.listSources()), pick(await store.listSources()));
    } finally {
      await other.close();
    }
  });
});
