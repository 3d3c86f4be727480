// A fake news web site on loopback: two publishers (English and Korean, including EUC-KR pages),
// their feeds, and misbehaving routes. `lede start --demo` ingests it so a newcomer sees a full
// site without internet, and the pipeline, CLI and browser tests run against it.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleBadRoute } from './bad-routes.ts';
import { demoPublishers, resolveDemoPublisher, type DemoPublisher } from './demo-publishers.ts';
import { encodeEucKr } from './euc-kr.ts';
import { getPhoto, readSiteFile, siteFiles, type SiteFile } from './site-files.ts';

export type { DemoPublisher, DemoPublisherInfo } from './demo-publishers.ts';
export { demoPublishers, resolveDemoPublisher } from './demo-publishers.ts';

/** One request the site received, for tests that check what a client sent. */
export interface FixtureRequest {
  readonly method: string;
  /** Path and query. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set when the response finished; undefined while it is still open (or was cut). */
  status?: number;
}

/** A running fixture site. */
export interface FixtureSite {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Stops listening and destroys open connections (stalled requests included). */
  close(): Promise<void>;
  publishers: DemoPublisher[];
  /** Requests received so far, oldest first (the last 10,000). */
  readonly requests: readonly FixtureRequest[];
  /**
   * Serves only the `limit` oldest items in the feeds of publisher `slug` (undefined: all), so
   * a poller test can make new items appear. Changes the feeds' ETag and Last-Modified.
   */
  setFeedItemLimit(slug: string, limit: number | undefined): void;
}

/** Starts the fixture site on `host` (127.0.0.1) and `port` (0: a free one). */
export async function startFixtureSite(opts: { port?: number; host?: string } = {}): Promise<FixtureSite> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: FixtureRequest[] = [];
  const feedLimits = new Map<string, number>();
  let baseUrl = '';
  encodeEucKr(''); // builds the EUC-KR table now (~100 ms) rather than during the first request

  const server = createServer((req, res) => {
    const entry: FixtureRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers } };
    requests.push(entry);
    if (requests.length > 10_000) requests.shift(); // `lede start --demo` may run for days
    res.on('finish', () => (entry.status = res.statusCode));
    handleRequest(req, res).catch((err: unknown) => {
      console.error('demo: fixture site error', { url: req.url, err });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('demo: internal error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    const trackTimer = (t: NodeJS.Timeout): void => {
      timers.add(t);
    };
    if (handleBadRoute(req, res, url, { baseUrl, trackTimer })) return;

    const path = url.pathname;
    if (path === '/harbor' || path === '/hanbit') return void redirect(res, 301, `${path}/`);
    const file = siteFiles.find((f) => f.path === path);
    if (file) return serveSiteFile(req, res, file);
    const photo = getPhoto(path);
    if (photo) return sendBody(req, res, 200, { 'Content-Type': 'image/png', 'Last-Modified': httpDate('2026-11-20T00:00:00Z'), 'Cache-Control': 'public, max-age=86400' }, photo);
    if (path === '/') return sendBody(req, res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, Buffer.from(renderSiteIndex(baseUrl)));
    if (path === '/robots.txt') return sendBody(req, res, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('User-agent: *\nAllow: /\n'));
    const html = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><h1>404</h1><p>No such page on the fixture site.</p></body></html>\n';
    sendBody(req, res, 404, { 'Content-Type': 'text/html; charset=utf-8' }, Buffer.from(html));
  }

  async function serveSiteFile(req: IncomingMessage, res: ServerResponse, file: SiteFile): Promise<void> {
    let text = (await readSiteFile(file.file)).replaceAll('{{base}}', baseUrl);
    let lastModified = file.lastModified;
    const limit = file.feedOf === undefined ? undefined : feedLimits.get(file.feedOf);
    if (limit !== undefined) ({ text, lastModified } = limitFeedItems(text, limit, lastModified));
    let bytes: Uint8Array;
    if (file.charset === 'euc-kr') {
      if (file.path.endsWith('.xml')) text = text.replace(/^(<\?xml[^>]*encoding=")[^"]*"/, '$1EUC-KR"');
      bytes = encodeEucKr(text);
    } else {
      bytes = Buffer.from(text, 'utf8');
    }
    const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 20)}"`;
    const headers: Record<string, string> = {
      'Content-Type': file.charsetInHeader ? `${file.type}; charset=${file.charset === 'euc-kr' ? 'EUC-KR' : 'utf-8'}` : file.type,
      ETag: etag,
      'Last-Modified': httpDate(lastModified),
      'Cache-Control': 'no-cache',
    };
    if (isNotModified(req, etag, lastModified)) return sendBody(req, res, 304, headers, undefined);
    sendBody(req, res, 200, headers, bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    publishers: demoPublishers.map((p) => resolveDemoPublisher(p, baseUrl)),
    requests,
    setFeedItemLimit(slug, limit) {
      if (limit === undefined) feedLimits.delete(slug);
      else feedLimits.set(slug, Math.max(0, Math.floor(limit)));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        // server.close() waits for open connections; stalled ones would never end.
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

function sendBody(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Uint8Array | undefined): void {
  const all: Record<string, string | number> = { ...headers };
  if (body) all['Content-Length'] = body.length;
  res.writeHead(status, all);
  res.end(req.method === 'HEAD' || status === 304 ? undefined : body);
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { Location: location, 'Content-Length': 0 });
  res.end();
}

/** RFC 9110 §13.1.2: If-None-Match wins; If-Modified-Since only counts without it. */
function isNotModified(req: IncomingMessage, etag: string, lastModified: string): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** Keeps the `limit` oldest items (feeds list newest first); Last-Modified follows the newest kept. */
function limitFeedItems(xml: string, limit: number, fallback: string): { text: string; lastModified: string } {
  const items = [...xml.matchAll(/[ \t]*<(item|entry)>[\s\S]*?<\/\1>\n?/g)].map((m) => m[0]);
  const dropped = items.slice(0, Math.max(0, items.length - limit));
  const kept = items.slice(dropped.length);
  let text = xml;
  for (const item of dropped) text = text.replace(item, '');
  const dates = kept
    .map((item) => /<(pubDate|updated)>([^<]+)<\/\1>/.exec(item)?.[2])
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter((d) => !Number.isNaN(d));
  const lastModified = dates.length ? new Date(Math.max(...dates)).toISOString() : fallback;
  return { text, lastModified };
}

function renderSiteIndex(baseUrl: string): string {
  const pubs = demoPublishers
    .map((p) => `<li><a href="${p.homepagePath}">${p.name}</a> (${p.lang}) — feed: <a href="${p.feedPath}">${baseUrl}${p.feedPath}</a></li>`)
    .join('\n');
  const bad = ['/bad/404', '/bad/500', '/bad/429', '/bad/stall', '/bad/slow?ms=2000', '/bad/redirect-loop', '/bad/redirects/3', '/bad/big', '/bad/big?nolength=1', '/bad/binary', '/bad/pdf', '/bad/no-article', '/bad/malformed-feed.xml', '/bad/not-a-feed.xml', '/bad/empty-feed.xml']
    .map((p) => `<li><a href="${p}">${p}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Lede demo fixture site</title></head><body>\n<h1>Lede demo fixture site</h1>\n<h2>Publishers</h2><ul>\n${pubs}\n</ul>\n<h2>Bad input</h2><ul>\n${bad}\n</ul>\n</body></html>\n`;
}
