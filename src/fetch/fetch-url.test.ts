import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { FetchOutcome } from '../core/records.ts';
import { fetchUrl, type FetchOptions } from './fetch-url.ts';

// "한국어" in EUC-KR and "日本語" in Shift_JIS, written as bytes: Node has no legacy encoders.
const EUC_KR_HANGUL = Buffer.from([0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee]);
const SJIS_NIHONGO = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]);

// The 8-byte PNG signature and an IHDR chunk start: enough for magic-byte sniffing.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

function page(title: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;
}

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

const routes: Record<string, Handler> = {
  '/html': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('héllo')),
  '/untyped-html': (_q, r) => r.end(page('untyped')),
  '/euc-meta': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end(Buffer.concat([Buffer.from('<html><head><meta charset="euc-kr"><title>'), EUC_KR_HANGUL, Buffer.from('</title></head></html>')]));
  },
  '/euc-header': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=ks_c_5601-1987' });
    r.end(Buffer.concat([Buffer.from('<html><body><p>'), EUC_KR_HANGUL, Buffer.from('</p></body></html>')]));
  },
  '/sjis': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.end(Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>'), SJIS_NIHONGO, Buffer.from('</body></html>')]));
  },
  '/bom': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    // The BOM wins over a contradicting <meta>.
    r.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<html><head><meta charset="windows-1252"></head><body>café</body></html>')]));
  },
  '/gzip': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(page('zipped'))),
  '/gzip-bomb': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(200_000, 0x20))),
  '/404': (_q, r) => r.writeHead(404, { 'content-type': 'text/html' }).end('nope'),
  '/500': (_q, r) => r.writeHead(500).end(),
  '/pdf': (_q, r) => r.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
  '/big-length': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' }).end('x'.repeat(5000)),
  '/big-chunked': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 10; i++) r.write('x'.repeat(500));
    r.end();
  },
  '/stall-headers': () => undefined,
  '/stall-body': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.write('<html>');
  },
  '/loop-a': (_q, r) => r.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_q, r) => r.writeHead(301, { location: '/loop-a' }).end(),
  '/to-metadata': (_q, r) => r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-localhost': (q, r) => r.writeHead(307, { location: `http://localhost:${q.socket.localPort}/html` }).end(),
  '/to-file': (_q, r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/etag': (q, r) => {
    if (q.headers['if-none-match'] === '"v1"') r.writeHead(304, { etag: '"v1"' }).end();
    else r.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' }).end(page('v1'));
  },
  '/feed-as-html': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page('not a feed')),
  '/feed-as-text': (_q, r) => r.writeHead(200, { 'content-type': 'text/plain' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'),
  '/png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png', etag: '"p1"' }).end(PNG),
  '/gif-octet': (_q, r) => r.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')),
  '/html-as-png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(page('not an image')),
  '/svg': (_q, r) => r.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  '/atom': (_q, r) => r.writeHead(200, { 'content-type': 'application/atom+xml' }).end('<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title></feed>'),
};

let server: Server;
let base = '';
let port = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const n = Number(chain[1]);
    if (n === 0) res.writeHead(200, { 'content-type': 'text/html' }).end(page('end of chain'));
    else res.writeHead(302, { location: `/chain/${n - 1}` }).end();
    return;
  }
  const h = routes[path];
  if (h) h(req, res, base);
  else res.writeHead(404).end();
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const local: FetchOptions = { allowPrivateNetworks: true, userAgent: 'Lede-test/0.1', accept: 'html', timeoutMs: 2000 };

function expectFailure(o: FetchOutcome, reason: string, status?: number): string {
  assert.equal(o.kind, 'failed', `expected a failure, got ${o.kind}`);
  if (o.kind !== 'failed') throw new Error('unreachable');
  assert.equal(o.reason, reason, o.message);
  if (status !== undefined) assert.equal(o.status, status);
  assert.match(o.message, /^fetch: /);
  assert.doesNotMatch(o.message, /[\r\n]/, 'message must be one line');
  return o.message;
}

function expectFetched(o: FetchOutcome): Extract<FetchOutcome, { kind: 'fetched' }> {
  if (o.kind !== 'fetched') assert.fail(`expected fetched, got ${JSON.stringify(o)}`);
  return o;
}

describe('fetchUrl', () => {
  it('should fetch a 200 HTML page with its charset and headers', async () => {
    const o = expectFetched(await fetchUrl(`${base}/html`, local));
    assert.equal(o.status, 200);
    assert.equal(o.contentType, 'text/html');
    assert.equal(o.charset, 'utf-8');
    assert.match(o.body, /héllo/);
    assert.equal(o.url, `${base}/html`);
    assert.equal(o.requestedUrl, `${base}/html`);
  });

  it('should accept an untyped body that sniffs as HTML', async () => {
    const o = expectFetched(await fetchUrl(`${base}/untyped-html`, local));
    assert.match(o.body, /untyped/);
  });

  it('should decode EUC-KR declared only in <meta charset>', async () => {
    const o = expectFetched(await fetchUrl(`${base}/euc-meta`, local));
    assert.equal(o.charset, 'euc-kr');
    assert.match(o.body, /한국어/);
  });

  it('should decode EUC-KR declared in the header under an alias label', async () => {
    const o = expectFetched(await fetchUrl(`${base}/euc-header`, local));
    assert.equal(o.charset, 'euc-kr');
    assert.match(o.body, /한국어/);
  });

  it('should decode Shift_JIS declared in <meta http-equiv>', async () => {
    const o = expectFetched(await fetchUrl(`${base}/sjis`, local));
    assert.equal(o.charset, 'shift_jis');
    assert.match(o.body, /日本語/);
  });

  it('should let a UTF-8 BOM win over <meta>', async () => {
    const o = expectFetched(await fetchUrl(`${base}/bom`, local));
    assert.equal(o.charset, 'utf-8');
    assert.match(o.body, /café/);
    assert.notEqual(o.body.charCodeAt(0), 0xfeff);
  });

  it('should decompress gzip', async () => {
    const o = expectFetched(await fetchUrl(`${base}/gzip`, local));
    assert.match(o.body, /zipped/);
  });

  it('should apply the cap to decompressed bytes', async () => {
    expectFailure(await fetchUrl(`${base}/gzip-bomb`, { ...local, maxBytes: 10_000 }), 'too-large');
  });

  it('should refuse an invalid URL', async () => {
    const msg = expectFailure(await fetchUrl('foo', local), 'invalid-url');
    assert.equal(msg, 'fetch: invalid URL "foo"');
  });

  it('should refuse a non-http scheme', async () => {
    expectFailure(await fetchUrl('file:///etc/passwd', local), 'invalid-url');
  });

  it('should report an unreachable host (closed port)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expectFailure(await fetchUrl(`http://127.0.0.1:${closedPort}/`, local), 'connect-failed');
  });

  it('should report 404 with its status', async () => {
    const msg = expectFailure(await fetchUrl(`${base}/404`, local), 'http-error', 404);
    assert.equal(msg, `fetch: ${base}/404 answered 404 Not Found`);
  });

  it('should report 500 with its status', async () => {
    expectFailure(await fetchUrl(`${base}/500`, local), 'http-error', 500);
  });

  it('should refuse a non-HTML content type when HTML is expected', async () => {
    const msg = expectFailure(await fetchUrl(`${base}/pdf`, local), 'unsupported-content-type');
    assert.match(msg, /application\/pdf/);
  });

  it('should refuse text/html when a feed is expected but sniff a feed in text/plain', async () => {
    expectFailure(await fetchUrl(`${base}/feed-as-html`, { ...local, accept: 'feed' }), 'unsupported-content-type');
    const o = expectFetched(await fetchUrl(`${base}/feed-as-text`, { ...local, accept: 'feed' }));
    assert.match(o.body, /<rss/);
    expectFetched(await fetchUrl(`${base}/atom`, { ...local, accept: 'feed' }));
  });

  it('should return raw bytes and the sniffed type for an image, without decoding text', async () => {
    const o = expectFetched(await fetchUrl(`${base}/png`, { ...local, accept: 'image' }));
    assert.equal(o.contentType, 'image/png');
    assert.deepEqual(Buffer.from(o.bytes), PNG);
    assert.equal(o.body, '');
    assert.equal(o.etag, '"p1"');
    const gif = expectFetched(await fetchUrl(`${base}/gif-octet`, { ...local, accept: 'image' }));
    assert.equal(gif.contentType, 'image/gif', 'a generic type is sniffed');
  });

  it('should refuse SVG and HTML disguised as an image when an image is expected', async () => {
    assert.match(expectFailure(await fetchUrl(`${base}/svg`, { ...local, accept: 'image' }), 'unsupported-content-type'), /image\/svg\+xml/);
    expectFailure(await fetchUrl(`${base}/html-as-png`, { ...local, accept: 'image' }), 'unsupported-content-type');
    expectFailure(await fetchUrl(`${base}/html`, { ...local, accept: 'image' }), 'unsupported-content-type');
  });

  it('should refuse a body over the cap announced by Content-Length', async () => {
    const msg = expectFailure(await fetchUrl(`${base}/big-length`, { ...local, maxBytes: 1000 }), 'too-large');
    assert.match(msg, /exceeds 1000 bytes/);
  });

  it('should refuse a chunked body once it passes the cap', async () => {
    expectFailure(await fetchUrl(`${base}/big-chunked`, { ...local, maxBytes: 1000 }), 'too-large');
  });

  it('should time out on a server that never answers', async () => {
    const msg = expectFailure(await fetchUrl(`${base}/stall-headers`, { ...local, timeoutMs: 200 }), 'timeout');
    assert.match(msg, /timed out after 200 ms/);
  });

  it('should time out on a body that stalls', async () => {
    expectFailure(await fetchUrl(`${base}/stall-body`, { ...local, timeoutMs: 200 }), 'timeout');
  });

  it('should detect a redirect loop', async () => {
    const msg = expectFailure(await fetchUrl(`${base}/loop-a`, local), 'too-many-redirects');
    assert.match(msg, /loop/);
  });

  it('should follow 5 redirects but not 6', async () => {
    const o = expectFetched(await fetchUrl(`${base}/chain/5`, local));
    assert.equal(o.url, `${base}/chain/0`);
    assert.equal(o.requestedUrl, `${base}/chain/5`);
    const msg = expectFailure(await fetchUrl(`${base}/chain/6`, local), 'too-many-redirects');
    assert.match(msg, /more than 5/);
  });

  it('should refuse a redirect to a private address when private networks are not allowed', async () => {
    const guarded: FetchOptions = { ...local, allowPrivateNetworks: false, allowHosts: [`127.0.0.1:${port}`] };
    expectFetched(await fetchUrl(`${base}/html`, guarded)); // the allowlisted fixture itself is reachable
    const meta = expectFailure(await fetchUrl(`${base}/to-metadata`, guarded), 'blocked-address');
    assert.match(meta, /169\.254\.169\.254/);
    expectFailure(await fetchUrl(`${base}/to-localhost`, guarded), 'blocked-address');
    expectFailure(await fetchUrl(`${base}/to-file`, guarded), 'invalid-url');
  });

  it('should answer not-modified to a matching etag and return validators otherwise', async () => {
    const first = expectFetched(await fetchUrl(`${base}/etag`, local));
    assert.equal(first.etag, '"v1"');
    assert.equal(first.lastModified, 'Wed, 21 Oct 2015 07:28:00 GMT');
    const second = await fetchUrl(`${base}/etag`, { ...local, etag: '"v1"' });
    assert.deepEqual(second, { kind: 'not-modified', url: `${base}/etag` });
  });

  it('should refuse 127.0.0.1 and localhost when private networks are not allowed', async () => {
    const guarded: FetchOptions = { ...local, allowPrivateNetworks: false };
    const msg = expectFailure(await fetchUrl(`${base}/html`, guarded), 'blocked-address');
    assert.match(msg, /^fetch: refusing private address 127\.0\.0\.1/);
    expectFailure(await fetchUrl(`http://localhost:${port}/html`, guarded), 'blocked-address');
    expectFailure(await fetchUrl(`http://[::ffff:127.0.0.1]:${port}/html`, guarded), 'blocked-address');
    expectFailure(await fetchUrl(`http://2130706433:${port}/html`, guarded), 'blocked-address');
  });

  it('should check names at connect time on the resolved address (DNS rebinding)', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const url = `http://rebind.example:${port}/html`;
    const msg = expectFailure(await fetchUrl(url, { ...local, allowPrivateNetworks: false, resolve }), 'blocked-address');
    assert.match(msg, /127\.0\.0\.1/);
    // The same stub with private networks allowed connects to the pinned, checked address.
    expectFetched(await fetchUrl(url, { ...local, resolve }));
  });

  it('should refuse a name whose answers mix public and private addresses', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }];
    expectFailure(await fetchUrl(`http://mixed.example:${port}/`, { ...local, allowPrivateNetworks: false, resolve }), 'blocked-address');
  });
});
