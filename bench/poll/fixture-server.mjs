// The loopback publisher of `npm run bench:poll`: HOSTS hosts (127.0.1.1, 127.0.1.2, … one
// address each, same port), FEEDS feeds per host with ENTRIES entries, article pages on the same
// host, and robots.txt. Some feeds are slow, some answer 429 with Retry-After (once), some are
// broken (HTML, malformed XML, 500); every feed answers 304 to a matching If-None-Match. It counts
// requests in flight per host and keeps the maximum, and knows which entries a poller should queue.
import { createServer } from 'node:http';

/** Which feeds misbehave, by index (host × FEEDS + feed): the same in every run. */
export const kindOf = (i) => (i % 100 === 7 ? 'broken' : i % 100 === 29 ? 'limited' : i % 50 === 13 ? 'slow' : 'plain');
const brokenVariant = (i) => ['html', 'malformed', 'error'][Math.floor(i / 100) % 3];

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Starts the fixture; resolves when every address listens. */
export async function startFixture({ hosts = 200, feeds = 50, entries = 20, slowMs = [1000, 2000], retryAfter = 2 } = {}) {
  const state = []; // per feed: { first: number (first entry number), version, asked }
  for (let i = 0; i < hosts * feeds; i++) state.push({ first: 0, version: 1, asked: false });
  const inflight = new Array(hosts).fill(0);
  const maxInflight = new Array(hosts).fill(0);
  let requests = 0;
  let notModified = 0;
  const servers = [];
  const addr = (h) => `127.0.1.${h + 1}`;
  let port = 0;

  // Entries of feed i: the rolling ENTRIES newest, plus (on every fifth feed) the next feed's
  // first story again, with tracking parameters and another guid: a duplicate across sources.
  function feedEntries(i) {
    const h = Math.floor(i / feeds);
    const f = i % feeds;
    const s = state[i];
    const list = [];
    for (let k = s.first + entries - 1; k >= s.first; k--) {
      list.push({ guid: `h${h}f${f}e${k}`, link: `http://${addr(h)}:${port}/articles/${f}/${k}`, title: `Story ${k} of feed ${f} on host ${h}`, minutesAgo: (s.first + entries - 1 - k) * 37 + 5 });
    }
    if (f % 5 === 0 && f + 1 < feeds) {
      list.push({ guid: `syndicated-h${h}f${f}`, link: `http://${addr(h)}:${port}/articles/${f + 1}/0?utm_source=rss&utm_medium=feed`, title: `Story 0 of feed ${f + 1} on host ${h}`, minutesAgo: 2000 });
    }
    return list;
  }

  // A feed's XML is made once per version, as a real server would serve a file.
  const xmlCache = new Map();
  function feedXml(i) {
    const cached = xmlCache.get(i);
    if (cached?.version === state[i].version) return cached.xml;
    const xml = makeFeedXml(i);
    xmlCache.set(i, { version: state[i].version, xml });
    return xml;
  }

  function makeFeedXml(i) {
    const h = Math.floor(i / feeds);
    const now = Date.now();
    const items = feedEntries(i)
      .map((e) => `<item><title>${esc(e.title)}</title><link>${esc(e.link)}</link><guid isPermaLink="false">${e.guid}</guid><pubDate>${new Date(now - e.minutesAgo * 60_000).toUTCString()}</pubDate><description>${esc(`${e.title}: what happened, who said what, and what comes next.`)}</description></item>`)
      .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Feed ${i % feeds} of host ${h}</title><link>http://${addr(h)}:${port}/</link><description>Bench feed</description>\n${items}\n</channel></rss>\n`;
  }

  function articleHtml(h, f, k) {
    const p = (n) => `<p>Paragraph ${n} of story ${k}: the council of host ${h} met on Tuesday and agreed, after a long debate about budgets and ferries, to publish feed ${f} more often than before. Residents said they welcomed the decision.</p>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${k} of feed ${f} on host ${h}</title><meta name="author" content="Reporter ${f}"></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Story ${k} of feed ${f} on host ${h}</h1><p class="byline">By Reporter ${f}</p>${[1, 2, 3, 4, 5, 6].map(p).join('')}</article><footer>© Host ${h}</footer></body></html>`;
  }

  function handle(h, req, res) {
    requests++;
    inflight[h]++;
    maxInflight[h] = Math.max(maxInflight[h], inflight[h]);
    res.on('close', () => inflight[h]--);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    const art = /^\/articles\/(\d+)\/(\d+)$/.exec(path);
    if (art) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(h, art[1], art[2]));
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
    if (!feed || Number(feed[1]) >= feeds) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const i = h * feeds + Number(feed[1]);
    const s = state[i];
    const kind = kindOf(i);
    const answer = () => {
      if (kind === 'broken') {
        const v = brokenVariant(i);
        if (v === 'html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Not a feed</body></html>');
        if (v === 'malformed') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>Broken');
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
      }
      if (kind === 'limited' && !s.asked) {
        s.asked = true;
        return void res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': String(retryAfter) }).end('slow down');
      }
      const etag = `"f${i}v${s.version}"`;
      if (req.headers['if-none-match'] === etag) {
        notModified++;
        return void res.writeHead(304, { etag }).end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedXml(i));
    };
    if (kind === 'slow') setTimeout(answer, slowMs[0] + (i % (slowMs[1] - slowMs[0] + 1)));
    else answer();
  }

  for (let h = 0; h < hosts; h++) {
    const server = createServer((req, res) => handle(h, req, res));
    server.keepAliveTimeout = 5000;
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, addr(h), () => {
        port = server.address().port;
        resolve();
      });
    });
    servers.push(server);
  }

  return {
    port,
    /** Feed URLs with their kind, in host order. */
    feeds: state.map((_, i) => ({ url: `http://${addr(Math.floor(i / feeds))}:${port}/feeds/${i % feeds}.xml`, kind: kindOf(i), host: Math.floor(i / feeds), index: i })),
    /** Makes every feed whose index passes `pick` publish `n` new entries (and drop as many old ones). */
    publish(pick, n = 2) {
      let changed = 0;
      state.forEach((s, i) => {
        if (!pick(i)) return;
        s.first += n;
        s.version++;
        changed++;
      });
      return changed;
    },
    /** Canonical URLs (no tracking parameters) of the entries of the feeds that pass `pick`. */
    canonicalUrls(pick) {
      const out = new Set();
      for (let i = 0; i < state.length; i++) {
        if (!pick(i)) continue;
        for (const e of feedEntries(i)) out.add(e.link.split('?')[0]);
      }
      return out;
    },
    /** Request counters since the last reset; the maximum in flight on any one host. */
    stats() {
      return { requests, notModified, maxPerHost: Math.max(...maxInflight) };
    },
    resetStats() {
      requests = 0;
      notModified = 0;
      maxInflight.fill(0);
    },
    close: () => Promise.all(servers.map((s) => new Promise((r) => { s.closeAllConnections?.(); s.close(() => r()); }))),
  };
}
