import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { expectedDemoArticles } from './demo-expectations.ts';
import { encodeEucKr } from './euc-kr.ts';
import { BIG_PAGE_BYTES, REDIRECT_TARGET_PATH } from './bad-routes.ts';
import { demoPublishers, startFixtureSite, type FixtureSite } from './fixture-site.ts';
import { siteFiles } from './site-files.ts';

const eucKr = new TextDecoder('euc-kr');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a few HTML entities the fixture pages use, so page text can be compared with plain strings. */
function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', rsquo: '’', ldquo: '“', rdquo: '”', middot: '·', gt: '>', lt: '<' };
  return html.replace(/&(#\d+|[a-z]+);/g, (m, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (named[e] ?? m)));
}

function jsonLdOf(html: string): Record<string, unknown> {
  const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(raw, 'page should have JSON-LD');
  const data = JSON.parse(raw) as Record<string, unknown>;
  const graph = data['@graph'] as Record<string, unknown>[] | undefined;
  return graph?.find((n) => n['@type'] === 'NewsArticle') ?? data;
}

describe('fixture site', () => {
  let site: FixtureSite;
  before(async () => {
    site = await startFixtureSite();
  });
  after(async () => {
    await site.close();
  });

  test('should listen on loopback and resolve publisher URLs', () => {
    assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(site.publishers.map((p) => p.slug), demoPublishers.map((p) => p.slug));
    for (const p of site.publishers) {
      assert.ok(p.feedUrl.startsWith(site.url + '/'));
      assert.ok(p.name && p.email.includes('@') && p.description && p.lang);
    }
  });

  for (const pub of demoPublishers) {
    test(`should serve the ${pub.slug} feed with every article linked with tracking parameters`, async () => {
      const res = await fetch(site.url + pub.feedPath);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
      assert.ok(res.headers.get('etag'));
      assert.ok(res.headers.get('last-modified'));
      const xml = await res.text();
      assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
      assert.equal(xml.match(/<item>/g)?.length, pub.articlePaths.length);
      for (const path of pub.articlePaths) assert.ok(xml.includes(`<link>${site.url}${path}?utm_source=rss&amp;`), path);
      assert.ok(!xml.includes('{{base}}'));
    });

    test(`should serve the ${pub.slug} logo and a homepage that is an index, not an article`, async () => {
      const logo = await fetch(site.url + pub.logoPath);
      assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
      assert.match(await logo.text(), /^<svg /);
      const home = await fetch(site.url + pub.homepagePath);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.match(html, /<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]+"/);
      assert.ok(!html.includes('NewsArticle'));
      for (const path of pub.articlePaths) assert.ok(html.includes(`href="${path}"`), path);
    });
  }

  test('should answer 304 to If-None-Match and If-Modified-Since, and 200 to a stale ETag', async () => {
    const url = site.url + '/harbor/feed.xml';
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const byEtag = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(byEtag.status, 304);
    assert.equal(byEtag.headers.get('etag'), etag);
    assert.equal((await byEtag.arrayBuffer()).byteLength, 0);
    const byDate = await fetch(url, { headers: { 'If-Modified-Since': lastModified } });
    assert.equal(byDate.status, 304);
    const stale = await fetch(url, { headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': lastModified } });
    assert.equal(stale.status, 200, 'If-None-Match should take precedence over If-Modified-Since');
    await stale.arrayBuffer();
    const logged = site.requests.find((r) => r.headers['if-none-match'] === etag);
    assert.equal(logged?.status, 304);
  });

  test('should serve an Atom feed and an EUC-KR feed declared only by its XML declaration', async () => {
    const atom = await fetch(site.url + '/harbor/atom.xml');
    assert.equal(atom.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    assert.equal((await atom.text()).match(/<entry>/g)?.length, 3);
    const legacy = await fetch(site.url + '/hanbit/rss/all-euckr.xml');
    assert.equal(legacy.headers.get('content-type'), 'text/xml');
    const bytes = new Uint8Array(await legacy.arrayBuffer());
    assert.throws(() => strictUtf8.decode(bytes));
    const xml = eucKr.decode(bytes);
    assert.match(xml, /^<\?xml version="1.0" encoding="EUC-KR"\?>/);
    assert.ok(xml.includes('<title>한빛경제 - 전체기사</title>'));
  });

  test('should make new feed items appear with setFeedItemLimit', async () => {
    const url = site.url + '/harbor/feed.xml';
    const full = await fetch(url);
    await full.arrayBuffer();
    site.setFeedItemLimit('harbor', 1);
    try {
      const res = await fetch(url, { headers: { 'If-None-Match': full.headers.get('etag')! } });
      assert.equal(res.status, 200);
      const xml = await res.text();
      assert.equal(xml.match(/<item>/g)?.length, 1);
      assert.ok(xml.includes('council-freezes-ferry-fares'), 'the oldest item should stay');
      assert.equal(res.headers.get('last-modified'), 'Tue, 24 Nov 2026 11:45:00 GMT');
      assert.match(xml, /<\/channel>\s*<\/rss>\s*$/);
    } finally {
      site.setFeedItemLimit('harbor', undefined);
    }
  });

  for (const article of expectedDemoArticles) {
    test(`should serve ${article.path} as ${article.charset} with real-world page markup`, async () => {
      const res = await fetch(`${site.url}${article.path}?utm_source=rss&utm_medium=feed`);
      assert.equal(res.status, 200);
      const contentType = res.headers.get('content-type');
      const bytes = new Uint8Array(await res.arrayBuffer());
      let html: string;
      if (article.charset === 'euc-kr') {
        assert.equal(contentType, article.charsetDeclaredIn === 'meta' ? 'text/html' : 'text/html; charset=EUC-KR');
        assert.throws(() => strictUtf8.decode(bytes), 'EUC-KR bytes should not be valid UTF-8');
        html = eucKr.decode(bytes);
        assert.match(html, /<meta (charset="euc-kr"|http-equiv="Content-Type" content="text\/html; charset=euc-kr")>/);
        // Decoding the served bytes gives back exactly the UTF-8 source (with the base URL filled in).
        const file = siteFiles.find((f) => f.path === article.path)!.file;
        const source = await readFile(new URL(`./site/${file}`, import.meta.url), 'utf8');
        assert.equal(html, source.replaceAll('{{base}}', site.url));
      } else {
        assert.equal(contentType, 'text/html; charset=utf-8');
        html = strictUtf8.decode(bytes);
      }
      assert.match(html, new RegExp(`<html lang="${article.lang}(-[A-Z]+)?">`));
      const text = decodeEntities(html);
      assert.ok(text.includes(`<title>${article.title} | ${article.siteName}</title>`), 'title');
      assert.ok(html.includes(`<link rel="canonical" href="${site.url}${article.path}">`), 'canonical');
      assert.ok(text.includes(`<meta property="og:site_name" content="${article.siteName}">`), 'og:site_name');
      assert.ok(text.includes(`<meta property="og:description" content="${article.excerpt}">`), 'og:description');
      assert.ok(text.includes(article.firstParagraph), 'first paragraph');
      assert.ok(text.includes(article.lastParagraph), 'last paragraph');
      for (const line of article.deck) assert.ok(text.includes(line), `deck ${line}`);
      for (const a of article.authors) assert.ok(text.includes(a.email!), `email ${a.email}`);
      for (const img of article.images) {
        assert.ok(html.includes(`"${img.path}"`), img.path);
        assert.ok(text.includes(`${img.caption} `), `caption ${img.caption}`);
        assert.match(text, new RegExp(`(Photo: |사진=)${img.credit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      }
      const ld = jsonLdOf(html);
      assert.equal(ld['headline'], article.title);
      assert.equal(new Date(ld['datePublished'] as string).toISOString(), article.publishedAt);
      assert.equal(new Date(ld['dateModified'] as string).toISOString(), article.modifiedAt);
      const authors = ([] as { name: string }[]).concat(ld['author'] as { name: string });
      assert.deepEqual(authors.map((a) => a.name), article.authors.map((a) => a.name));
      assert.equal((ld['publisher'] as { name: string }).name, article.siteName);
      assert.ok(!html.includes('{{base}}'));
    });
  }

  test('should serve every article photo as a 320×200 PNG', async () => {
    for (const img of expectedDemoArticles.flatMap((a) => a.images)) {
      const res = await fetch(site.url + img.path);
      assert.equal(res.status, 200, img.path);
      assert.equal(res.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.readUInt32BE(16), 320);
      assert.equal(png.readUInt32BE(20), 200);
    }
  });

  test('should answer HEAD without a body', async () => {
    const res = await fetch(site.url + '/harbor/feed.xml', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.ok(Number(res.headers.get('content-length')) > 1000);
    assert.equal((await res.arrayBuffer()).byteLength, 0);
  });

  const statusCases = [
    { path: '/bad/404', status: 404, type: 'text/html; charset=utf-8' },
    { path: '/bad/500', status: 500, type: 'text/html; charset=utf-8' },
    { path: '/bad/429', status: 429, type: 'text/html; charset=utf-8' },
    { path: '/no/such/page', status: 404, type: 'text/html; charset=utf-8' },
    { path: '/bad/binary', status: 200, type: 'application/octet-stream' },
    { path: '/bad/pdf', status: 200, type: 'application/pdf' },
    { path: '/bad/no-article', status: 200, type: 'text/html; charset=utf-8' },
    { path: '/bad/malformed-feed.xml', status: 200, type: 'text/xml; charset=utf-8' },
    { path: '/bad/not-a-feed.xml', status: 200, type: 'application/xml; charset=utf-8' },
    { path: '/bad/empty-feed.xml', status: 200, type: 'application/rss+xml; charset=utf-8' },
  ];
  for (const { path, status, type } of statusCases) {
    test(`should answer ${path} with ${status} ${type}`, async () => {
      const res = await fetch(site.url + path);
      assert.equal(res.status, status);
      assert.equal(res.headers.get('content-type'), type);
      const body = Buffer.from(await res.arrayBuffer());
      if (path === '/bad/429') assert.equal(res.headers.get('retry-after'), '120');
      if (path === '/bad/pdf') assert.equal(body.subarray(0, 8).toString('latin1'), '%PDF-1.4');
      if (path === '/bad/binary') assert.throws(() => strictUtf8.decode(body));
      if (path === '/bad/no-article') assert.ok(!body.toString().includes('<article'));
      if (path === '/bad/empty-feed.xml') assert.ok(body.toString().includes('<channel>') && !body.toString().includes('<item'));
    });
  }

  test('should redirect /bad/redirect-loop to itself', async () => {
    const res = await fetch(site.url + '/bad/redirect-loop', { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/bad/redirect-loop');
    await assert.rejects(fetch(site.url + '/bad/redirect-loop'));
  });

  test('should redirect /bad/redirects/N exactly N times and end at the article', async () => {
    let url = site.url + '/bad/redirects/4';
    let hops = 0;
    for (;;) {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status < 300 || res.status >= 400) {
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
        break;
      }
      url = new URL(res.headers.get('location')!, url).href;
      hops++;
    }
    assert.equal(hops, 4);
    assert.equal(url, site.url + REDIRECT_TARGET_PATH);
    const followed = await fetch(site.url + '/bad/redirects/2?to=/hanbit/article/202611240931');
    assert.equal(followed.url, site.url + '/hanbit/article/202611240931');
    assert.equal(followed.headers.get('content-type'), 'text/html; charset=EUC-KR');
    await followed.arrayBuffer();
    assert.equal((await fetch(site.url + '/bad/redirects/0')).status, 404);
  });

  test('should stream 12 MiB for /bad/big, with and without Content-Length', async () => {
    const withLength = await fetch(site.url + '/bad/big');
    assert.equal(withLength.headers.get('content-length'), String(BIG_PAGE_BYTES));
    assert.equal((await withLength.arrayBuffer()).byteLength, BIG_PAGE_BYTES);
    const chunked = await fetch(site.url + '/bad/big?nolength=1');
    assert.equal(chunked.headers.get('content-length'), null);
    assert.equal(chunked.headers.get('transfer-encoding'), 'chunked');
    const body = Buffer.from(await chunked.arrayBuffer());
    assert.equal(body.length, BIG_PAGE_BYTES);
    assert.match(body.subarray(-30).toString(), /<\/html>\n$/);
  });
});

describe('fixture site close()', () => {
  test('should return while /bad/stall requests are still open', async () => {
    const site = await startFixtureSite();
    const stalled = await fetch(site.url + '/bad/stall');
    assert.equal(stalled.status, 200);
    // Settle every promise at once so their rejections are handled before close() causes them.
    const settle = (p: Promise<unknown>): Promise<string> => p.then(() => 'resolved', () => 'rejected');
    const body = settle(stalled.text());
    const noAnswer = settle(fetch(site.url + '/bad/stall?phase=headers'));
    const slow = settle(fetch(site.url + '/bad/slow?ms=60000'));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await site.close();
    assert.ok(Date.now() - started < 2000, 'close() should not wait for stalled responses');
    assert.deepEqual(await Promise.all([body, noAnswer, slow]), ['rejected', 'rejected', 'rejected']);
  });
});

describe('encodeEucKr', () => {
  test('should round-trip the Korean fixture pages through TextDecoder("euc-kr")', async () => {
    for (const file of ['base-rate-hold.html', 'chip-exports.html', 'rss-all.xml']) {
      const value = await readFile(new URL(`./site/hanbit/${file}`, import.meta.url), 'utf8');
      const bytes = encodeEucKr(value, { fallback: 'throw' });
      assert.equal(eucKr.decode(bytes), value, file);
      assert.throws(() => strictUtf8.decode(bytes), file);
    }
  });

  test('should encode known code points to their KS X 1001 bytes', () => {
    assert.deepEqual([...encodeEucKr('A가힝…')], [0x41, 0xb0, 0xa1, 0xc8, 0xfe, 0xa1, 0xa6]);
  });

  test('should write numeric character references for unencodable text unless asked to throw', () => {
    assert.equal(new TextDecoder().decode(encodeEucKr('a😀')), 'a&#128512;');
    assert.throws(() => encodeEucKr('😀', { fallback: 'throw' }), /U\+1F600/);
  });
});
