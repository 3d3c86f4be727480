// The media proxy (issue #7): signed addresses, <img> rewriting, the /media route against a
// loopback image server, and reader pages that show no image of another host directly.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_REACTIONS } from '../core/config.ts';
import { silentLogger } from '../core/log.ts';
import type { StoredArticle, SummarizedArticle } from '../core/records.ts';
import type { PipelineDeps } from '../pipeline/process-item.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { createWebApp } from './app.tsx';
import { mediaProxyUrl, rewriteImageSources, verifyMediaSignature } from './media-proxy.ts';
import type { WebDeps } from './web-deps.ts';

const SECRET = 'test-secret-0123456789';
const ORIGIN = 'http://lede.test';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001', 'hex');

describe('mediaProxyUrl and verifyMediaSignature', () => {
  it('should sign an absolute http(s) URL into a /media address that verifies', () => {
    const value = mediaProxyUrl(SECRET, 'https://img.example/a b.png?x=1&y=2');
    const m = /^\/media\/([A-Za-z0-9_-]{22,})\?url=([^&]+)$/.exec(value);
    assert.ok(m, value);
    const url = decodeURIComponent(m[2]!);
    assert.equal(url, 'https://img.example/a%20b.png?x=1&y=2', 'the URL is normalized before signing');
    assert.ok(verifyMediaSignature(SECRET, url, m[1]!));
  });

  it('should refuse another secret, another URL, and a truncated or empty signature', () => {
    const sig = /^\/media\/([^?]+)/.exec(mediaProxyUrl(SECRET, 'https://img.example/a.png'))![1]!;
    assert.ok(!verifyMediaSignature('other-secret-0123456789', 'https://img.example/a.png', sig));
    assert.ok(!verifyMediaSignature(SECRET, 'https://img.example/b.png', sig));
    assert.ok(!verifyMediaSignature(SECRET, 'https://img.example/a.png', sig.slice(0, -1)));
    assert.ok(!verifyMediaSignature(SECRET, 'https://img.example/a.png', ''));
  });

  const untouched = ['/assets/logo.png', 'logo.png', '//img.example/a.png', 'data:image/png;base64,iVBORw0KGgo=', 'javascript:alert(1)', 'ftp://img.example/a.png', ''];
  for (const value of untouched) {
    it(`should leave ${JSON.stringify(value)} unchanged`, () => assert.equal(mediaProxyUrl(SECRET, value), value));
  }
});

describe('rewriteImageSources', () => {
  const proxy = (u: string): string => mediaProxyUrl(SECRET, u);

  it('should decode &amp; before signing and escape the new address', () => {
    const value = '<p>x</p><figure><img src="https://img.example/p.png?w=1&amp;h=2" alt="a &quot;b&quot; > c" width="10" height="20" /></figure>';
    const out = rewriteImageSources(value, proxy);
    const m = /<img src="(\/media\/[^"]+)" alt="a &quot;b&quot; > c" width="10" height="20" \/>/.exec(out);
    assert.ok(m, out);
    const address = new URL(m[1]!.replace(/&amp;/g, '&'), ORIGIN);
    const url = address.searchParams.get('url')!;
    assert.equal(url, 'https://img.example/p.png?w=1&h=2');
    assert.ok(verifyMediaSignature(SECRET, url, address.pathname.split('/')[2]!));
    assert.ok(out.startsWith('<p>x</p><figure>') && out.endsWith('</figure>'));
  });

  it('should handle single-quoted, unquoted and upper-case markup but not data-src', () => {
    const out = rewriteImageSources(`<IMG SRC='http://a.example/1.gif'><img alt=x src=http://a.example/2.gif><img data-src="http://a.example/3.gif" src="/local.png">`, proxy);
    assert.equal(out.match(/src="\/media\//g)?.length, 2, out);
    assert.ok(out.includes('data-src="http://a.example/3.gif" src="/local.png"'), out);
  });

  it('should leave data:, relative and already proxied sources untouched', () => {
    const value = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="/media/abc?url=x"><img src="rel.png"><img alt="no src">';
    assert.equal(rewriteImageSources(value, proxy), value);
  });

  it('should be idempotent and change nothing with the identity', () => {
    const value = '<img src="https://img.example/p.png?a=1&amp;b=2" alt="">text<img src="http://img.example/q.jpg">';
    const once = rewriteImageSources(value, proxy);
    assert.notEqual(once, value);
    assert.equal(rewriteImageSources(once, proxy), once);
    assert.equal(rewriteImageSources(value, (u) => u), value);
    assert.ok(!/src="https?:/.test(once), once);
  });

  it('should leave HTML without images alone', () => {
    const value = '<p>Fish &amp; chips &lt;img src="http://x"&gt;</p>';
    assert.equal(rewriteImageSources(value, proxy), value);
  });
});

// The loopback publisher the proxy fetches from.
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/p.png': (q, r) => {
    if (q.headers['if-none-match'] === '"png-1"') r.writeHead(304, { etag: '"png-1"' }).end();
    else r.writeHead(200, { 'content-type': 'image/png', etag: '"png-1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT', 'set-cookie': 'tracker=1' }).end(PNG);
  },
  '/octet.png': (_q, r) => r.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PNG),
  '/logo.svg': (_q, r) => r.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  '/fake.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><html><script>alert(1)</script></html>'),
  '/big.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(5000)])),
  '/big-chunked.png': (_q, r) => {
    r.writeHead(200, { 'content-type': 'image/png' });
    r.write(PNG);
    for (let i = 0; i < 10; i++) r.write(Buffer.alloc(1000));
    r.end();
  },
  '/redirect.png': (_q, r) => r.writeHead(302, { location: '/p.png' }).end(),
  '/gone.png': (_q, r) => r.writeHead(404, { 'content-type': 'text/html' }).end('<h1>gone</h1>'),
};

function sample(n: number, base: string, extra: Partial<SummarizedArticle> = {}): SummarizedArticle {
  return {
    url: `${base}/a/${n}`,
    canonicalUrl: `${base}/a/${n}`,
    title: `Ferry fares ${n}`,
    deck: [],
    authors: [{ name: 'Jane Doe' }],
    publishedAt: '2026-11-24T08:00:00.000Z',
    siteName: 'The Gazette',
    lang: 'en',
    images: [{ url: `${base}/p.png`, caption: 'The ferry' }],
    contentHtml: `<p>First.</p><figure><img src="${base}/p.png?size=1&amp;crop=2" alt="The &quot;ferry&quot;" width="10" height="10" /><figcaption>The ferry</figcaption></figure><p>Second.</p>`,
    text: 'First.\n\nSecond.',
    summary: ['One fact.', 'Two facts.', 'Three facts.'],
    ...extra,
  };
}

describe('media proxy route and pages', () => {
  let server: Server;
  let base = '';
  let store: Store;
  let deps: WebDeps;
  let app: ReturnType<typeof createWebApp>;
  let withBodyImage: StoredArticle;
  let withLeadImage: StoredArticle;
  const upstreamHits: string[] = [];

  const proxied = (path: string): string => ORIGIN + mediaProxyUrl(SECRET, base + path);

  before(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      upstreamHits.push(path);
      const h = routes[path];
      if (h) h(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = openSqliteStore(':memory:');
    await store.migrate();
    const source = await store.addSource({ name: 'The Gazette', feedUrl: `${base}/feed.xml`, logoUrl: `${base}/logo.svg`, email: 'desk@news.example' });
    withBodyImage = (await store.saveArticle(sample(1, base), { sourceId: source.id })).article;
    withLeadImage = (
      await store.saveArticle(sample(2, base, { images: [], contentHtml: '<p>No photo in the body.</p>', leadImage: { url: `${base}/p.png`, alt: 'Lead' } }), { sourceId: source.id })
    ).article;
    const pipeline: PipelineDeps = {
      store,
      log: silentLogger,
      fetch: { allowPrivateNetworks: true, userAgent: 'Lede-test/0.1', timeoutMs: 2000, maxBytes: 1_000_000 },
      extract: async () => {
        throw new Error('test: extraction is not used here');
      },
      summarize: createArticleSummarizer(),
    };
    deps = { store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger, pipeline, mediaProxy: { maxBytes: 2000 } };
    app = createWebApp(deps);
  });

  after(() => {
    server.closeAllConnections();
    server.close();
    store.close();
  });

  it('should pass a PNG with its sniffed type and the safety and caching headers', async () => {
    const res = await app.request(proxied('/p.png'));
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=86400, immutable');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(res.headers.get('content-disposition'), 'inline');
    assert.equal(res.headers.get('etag'), '"png-1"');
    assert.equal(res.headers.get('last-modified'), 'Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(res.headers.get('set-cookie'), null, 'no cookie, neither ours nor upstream\'s');
  });

  it('should serve the sniffed type for a generic content type and follow redirects', async () => {
    const octet = await app.request(proxied('/octet.png'));
    assert.equal(octet.status, 200);
    assert.equal(octet.headers.get('content-type'), 'image/png');
    const moved = await app.request(proxied('/redirect.png'));
    assert.equal(moved.status, 200);
    assert.equal(moved.headers.get('content-type'), 'image/png');
  });

  it('should forward the browser\'s If-None-Match and answer 304', async () => {
    const res = await app.request(proxied('/p.png'), { headers: { 'if-none-match': '"png-1"' } });
    assert.equal(res.status, 304);
    assert.equal(await res.text(), '');
  });

  it('should refuse SVG and HTML disguised as PNG with 415', async () => {
    const svg = await app.request(proxied('/logo.svg'));
    assert.equal(svg.status, 415);
    assert.match(await svg.text(), /^media: /);
    assert.notEqual(svg.headers.get('content-type'), 'image/svg+xml');
    const fake = await app.request(proxied('/fake.png'));
    assert.equal(fake.status, 415);
    assert.doesNotMatch(await fake.text(), /<script/);
  });

  it('should refuse an image over the size limit with 413, announced or not', async () => {
    const announced = await app.request(proxied('/big.png'));
    assert.equal(announced.status, 413);
    assert.match(await announced.text(), /^media: .*exceeds/);
    assert.equal((await app.request(proxied('/big-chunked.png'))).status, 413);
  });

  it('should answer 502 when upstream fails', async () => {
    const res = await app.request(proxied('/gone.png'));
    assert.equal(res.status, 502);
    assert.equal(await res.text(), 'media: upstream failed (http-error)');
  });

  it('should answer 403 to a bad signature and 400 without a url, without fetching', async () => {
    const before = upstreamHits.length;
    const good = new URL(proxied('/p.png'));
    const forged = await app.request(`${ORIGIN}/media/${'A'.repeat(32)}${good.search}`);
    assert.equal(forged.status, 403);
    assert.equal(await forged.text(), 'media: bad signature');
    const otherUrl = await app.request(`${ORIGIN}${good.pathname}?url=${encodeURIComponent(`${base}/big.png`)}`);
    assert.equal(otherUrl.status, 403, 'a signature is good for its own URL only');
    assert.equal((await app.request(`${ORIGIN}${good.pathname}`)).status, 400);
    assert.equal(upstreamHits.length, before);
  });

  it('should keep the SSRF guard: a private address is refused without LEDE_ALLOW_PRIVATE_NETWORKS', async () => {
    const guarded = createWebApp({ ...deps, pipeline: { ...deps.pipeline!, fetch: { ...deps.pipeline!.fetch, allowPrivateNetworks: false } } });
    const res = await guarded.request(proxied('/p.png'));
    assert.equal(res.status, 502);
    assert.equal(await res.text(), 'media: upstream failed (blocked-address)');
  });

  it('should answer 404 while the proxy is off', async () => {
    const off = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger });
    const res = await off.request(proxied('/p.png'));
    assert.equal(res.status, 404);
  });

  it('should show every image of another host through the proxy on reader pages, with a CSP to match', async () => {
    for (const path of [`/articles/${withBodyImage.id}`, `/articles/${withLeadImage.id}`, `/sources/${withBodyImage.sourceId}`]) {
      const res = await app.request(ORIGIN + path);
      assert.equal(res.status, 200, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /img-src 'self' data:(;|$)/);
      assert.doesNotMatch(csp, /https?:/);
      const html = await res.text();
      assert.doesNotMatch(html, /<img[^>]*\ssrc="?(?:https?:)?\/\//i, `${path} shows an image of another host directly`);
      assert.ok(html.includes('<img class="logo" src="/media/'), `${path}: logo proxied`);
    }
    const html = await (await app.request(`${ORIGIN}/articles/${withBodyImage.id}`)).text();
    const src = /<div class="body" data-part="body">[\s\S]*?<img src="([^"]+)" alt="The &quot;ferry&quot;"/.exec(html)?.[1];
    if (!src?.startsWith('/media/')) assert.fail(`no proxied body image in ${html}`);
    const res = await app.request(ORIGIN + src.replace(/&amp;/g, '&'));
    assert.equal(res.status, 200, 'the body image address works');
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.ok(upstreamHits.includes('/p.png'));
    const lead = await (await app.request(`${ORIGIN}/articles/${withLeadImage.id}`)).text();
    assert.match(lead, /<figure data-part="photo"><img src="\/media\/[^"]+" alt="Lead"/);
  });

  it('should leave pages as they were while the proxy is off', async () => {
    const off = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: SECRET, log: silentLogger });
    const res = await off.request(`${ORIGIN}/articles/${withBodyImage.id}`);
    assert.match(res.headers.get('content-security-policy') ?? '', /img-src 'self' https: http: data:/);
    const html = await res.text();
    assert.ok(html.includes(`<img src="${base}/p.png?size=1&amp;crop=2" alt="The &quot;ferry&quot;" width="10" height="10" />`));
    assert.ok(html.includes(`<img class="logo" src="${base}/logo.svg"`));
    assert.ok(!html.includes('/media/'));
  });
});
