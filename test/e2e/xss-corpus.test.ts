// Issue #7 (reader security): every XSS payload of the shared corpora (DOMPurify's vectors,
// payloadbox's list, PayloadsAllTheThings' lists) goes into each text field of an article
// (body, title, deck line, author, photo caption) and of a source (name, description, email),
// through the normal pipeline (extractArticle, summarizer, SQLite store). The pages are then
// opened in headless chromium twice, with Lede's CSP and with the CSP bypassed (so the sanitizer
// and template escaping are shown to hold on their own): no dialog, no foreign script request, no
// on* attribute, no javascript: URL, no script-capable element may appear.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { z } from 'zod';
import { DEFAULT_REACTIONS } from '../../src/core/config.ts';
import { createLogger } from '../../src/core/log.ts';
import type { Source, StoredArticle } from '../../src/core/records.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { ingestDocument, type PipelineDeps } from '../../src/pipeline/process-item.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createArticleSummarizer } from '../../src/summarize/summarize-article.ts';
import { createWebApp } from '../../src/web/app.tsx';
import { browserSkipReason, launchBrowser } from './browser-helpers.ts';

const CORPORA = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'security');
const DOMPURIFY = join(CORPORA, 'dompurify', 'expect.json');
const PAYLOADBOX = join(CORPORA, 'xss-payloads', 'payloadbox-xss-payload-list.txt');
const PATT = join(CORPORA, 'xss-payloads', 'payloadsallthethings');
/** Lists of event-handler attribute names, not payloads. */
const NAME_LISTS = new Set(['0xcela_event_handlers.txt', 'port_swigger_xss_cheatsheet_event_handlers.txt']);

const corpusSkipReason = [DOMPURIFY, PAYLOADBOX, PATT].every((p) => existsSync(p)) ? undefined : `no XSS corpora at ${CORPORA}`;

// Batch sizes, measured on a 2-core machine. Deck lines hold at most 300 characters, 6 lines per
// article (deck-finder.ts), so the deck sets the number of articles (~390 for these corpora); the
// other fields are spread over them (~22 payloads each). A navigation costs chromium 60-100 ms
// whatever the page size, so fewer, fuller pages are much faster than one payload per page.
const RAW_PER_ARTICLE = 25;
const DECK_LINE_CHARS = 300;
const DECK_LINES = 6;
const SOURCE_NAME_PAYLOADS = 150;
/** Articles of a list page (routes/home-show.tsx). */
const LIST_PAGE = 30;
const PAGES_IN_PARALLEL = 4;
const MAX_ROUNDS = 6;

/** One payload of the corpora, with where it came from. */
interface Payload {
  readonly text: string;
  readonly origin: string;
}

const Vectors = z.array(z.object({ index: z.number(), payload: z.string() }));

/** The payloads, without repeats, and how many each corpus gave. */
function loadPayloads(): { payloads: Payload[]; counts: Record<string, number> } {
  const seen = new Map<string, Payload>();
  const counts: Record<string, number> = { dompurify: 0, payloadbox: 0, payloadsallthethings: 0, blank: 0 };
  const add = (text: string, origin: string, corpus: string) => {
    counts[corpus]! += 1;
    // DOMPurify #214 is a lone space (a whitespace test): no field can carry it.
    if (text.trim() === '') counts.blank! += 1;
    else if (!seen.has(text)) seen.set(text, { text, origin });
  };
  for (const v of Vectors.parse(JSON.parse(readFileSync(DOMPURIFY, 'utf8')))) add(v.payload, `dompurify #${v.index}`, 'dompurify');
  const lines = (path: string) => readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const nonEmpty = (ls: string[]) => (ls.at(-1) === '' ? ls.slice(0, -1) : ls);
  nonEmpty(lines(PAYLOADBOX)).forEach((l, i) => add(l, `payloadbox:${i + 1}`, 'payloadbox'));
  for (const file of readdirSync(PATT).filter((f) => f.endsWith('.txt') && !NAME_LISTS.has(f)).sort()) {
    nonEmpty(lines(join(PATT, file))).forEach((l, i) => add(l, `payloadsallthethings/${file}:${i + 1}`, 'payloadsallthethings'));
  }
  return { payloads: [...seen.values()], counts };
}

// ---- Synthetic article pages ----------------------------------------------------------------

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');
/** The metadata reader decodes entities once more (json-ld.ts decodeEntities); `&#38;` survives that as a plain `&`. */
const forMetadata = (s: string) => s.replace(/&/g, '&#38;');
/** Whitespace collapsed, as every text field of the extractor stores it. */
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const PROSE = [
  'The city council met on Tuesday evening to debate the budget for the coming year, and members of the public filled the gallery to hear the arguments on both sides.',
  'Officials said the plan would repair roads, extend bus routes to the northern districts and hire more teachers, although several members questioned how it would be paid for.',
  'After three hours of discussion, the council agreed to hold a second vote next month, giving residents time to comment on the proposals at a series of public meetings.',
  'Local business groups welcomed the decision, saying that a stable budget would help shops plan for the winter, while unions asked for a clearer timetable for the new hires.',
  'The mayor told reporters that she expected the final budget to pass with a comfortable majority, and that the first road repairs could begin as early as the spring.',
];
const FILLER = [
  'A resident who spoke at the meeting said the bus service had improved, but that evening routes were still too rare.',
  'The finance committee will publish a detailed breakdown of the costs before the second vote, the chair said.',
  'Teachers at two schools in the district said classes had grown larger over the past three years.',
  'Several speakers asked the council to publish the minutes of the meeting online within a week.',
  'The council has debated the budget every autumn since the new charter took effect, officials said.',
  'One member proposed a smaller plan that would delay the road repairs by a year, but it found little support.',
];

/** One synthetic article: the payloads each of its fields carries. */
interface ArticleSpec {
  readonly k: number;
  readonly url: string;
  readonly title: readonly Payload[];
  readonly deck: readonly (readonly Payload[])[];
  readonly authors: readonly Payload[];
  readonly captions: readonly Payload[];
  readonly body: readonly Payload[];
  readonly captionHtml: readonly Payload[];
}

const marker = (kind: 'b' | 'h', k: number, i: number) => `qz${kind}${k}n${i}zq`;
// One picture for every photo: the fragment keeps them apart for the extractor, and chromium asks
// for the file once per page instead of ~50 times (each request costs a round trip to the router).
const imageUrl = (kind: 'c' | 'h', k: number, i: number) => `https://img.example/photo.jpg#a${k}${kind}${i}`;
/**
 * Follows every raw payload, so that one payload's unclosed construct (an attribute quote, a
 * comment, a <textarea>, an unterminated <script>, a <form> or <video> that the extractor drops
 * with everything inside) ends there instead of hiding the payloads after it. It only adds end
 * tags and quotes: the input stays as hostile as before.
 */
const CLOSER = `'"><!-- --></textarea></title></xmp></noscript></noembed></noframes></iframe></style></script></template></option></select></button></form></audio></video></object></map></table></svg></math>`;
const deckLine = (ps: readonly Payload[]) => `Deck: ${ps.map((p) => p.text).join(' | ')}`;

/** The HTML page of an article spec: payloads as text in metadata, deck and captions, and raw in the body. */
function articleHtml(a: ArticleSpec): string {
  const title = a.title.length ? a.title.map((p) => p.text).join(' | ') : `Council budget debate, part ${a.k}`;
  // Half the pages declare the title in JSON-LD, half in og:title; authors always come from JSON-LD.
  const viaLd = a.k % 2 === 0;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    ...(viaLd ? { headline: forMetadata(title) } : {}),
    datePublished: '2024-05-01T10:00:00Z',
    author: a.authors.map((p) => ({ '@type': 'Person', name: forMetadata(p.text), email: p.text })),
  };
  const decks: string[] = [];
  for (let i = 0; i < a.deck.length; i += 2) {
    decks.push(`<h2 class="deck">${a.deck.slice(i, i + 2).map((l) => escText(deckLine(l))).join('<br>')}</h2>`);
  }
  const figures = a.captions.map(
    (p, i) => `<figure><img src="${imageUrl('c', a.k, i)}" alt=""><figcaption>${escText(p.text)}</figcaption></figure>\n<p>${FILLER[i % FILLER.length]}</p>`,
  );
  const body = a.body.map((p, i) => `<p>${marker('b', a.k, i)} ${FILLER[i % FILLER.length]}</p>\n${p.text}${CLOSER}\n`);
  const captionHtml = a.captionHtml.map(
    (p, i) => `<p>${FILLER[(i + 3) % FILLER.length]}</p>\n<figure><img src="${imageUrl('h', a.k, i)}" alt=""><figcaption>${marker('h', a.k, i)} ${p.text}${CLOSER}</figcaption></figure>\n`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council budget debate ${a.k}</title>
${viaLd ? '' : `<meta property="og:title" content="${escAttr(forMetadata(title))}">`}
<meta property="og:type" content="article">
<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>
</head><body><article>
<header><h1>Council budget debate ${a.k}</h1>
${decks.join('\n')}
</header>
<div class="story">
${PROSE.slice(0, 3).map((p) => `<p>${p}</p>`).join('\n')}
${figures.join('\n')}
${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('\n')}
${captionHtml.join('')}
${body.join('')}
<p>${FILLER[a.k % FILLER.length]}</p>
</div></article></body></html>`;
}

/** Packs payloads into deck lines of at most DECK_LINE_CHARS; gives the lines and the payloads too long for any line. */
function packDeckLines(payloads: readonly Payload[]): { lines: Payload[][]; tooLong: Payload[] } {
  const lines: Payload[][] = [];
  const tooLong: Payload[] = [];
  let cur: Payload[] = [];
  for (const p of payloads) {
    if (collapse(deckLine([p])).length > DECK_LINE_CHARS) {
      tooLong.push(p);
      continue;
    }
    if (cur.length && collapse(deckLine([...cur, p])).length > DECK_LINE_CHARS) {
      lines.push(cur);
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length) lines.push(cur);
  return { lines, tooLong };
}

// ---- Checking what the store kept -----------------------------------------------------------

type TextField = 'title' | 'deck' | 'author' | 'author email' | 'caption' | 'source name' | 'source description' | 'source email';

/** Per field: payloads offered, stored verbatim, stored once whitespace is collapsed. */
interface FieldTally {
  offered: number;
  verbatim: number;
  collapsed: number;
}

/** Counts the payloads found in what the store kept of a text field. */
function tallyText(tally: Map<string, FieldTally>, field: TextField, ps: readonly Payload[], stored: readonly string[]): void {
  const t = tally.get(field) ?? { offered: 0, verbatim: 0, collapsed: 0 };
  for (const p of ps) {
    t.offered++;
    if (stored.some((s) => s.includes(p.text))) t.verbatim++;
    else if (stored.some((s) => collapse(s).includes(collapse(p.text)))) t.collapsed++;
  }
  tally.set(field, t);
}

/** Raw payloads whose marker (the text right before them) made it into the stored article: they were parsed in place. */
function placedRaw(a: ArticleSpec, stored: StoredArticle): { body: boolean[]; captionHtml: boolean[] } {
  const urls = new Set(stored.images.map((i) => i.url));
  return {
    body: a.body.map((_, i) => stored.text.includes(marker('b', a.k, i))),
    captionHtml: a.captionHtml.map((_, i) => urls.has(imageUrl('h', a.k, i)) && stored.images.some((im) => (im.caption ?? '').includes(marker('h', a.k, i)))),
  };
}

// ---- The browser oracle ---------------------------------------------------------------------

/** What one pass over the pages found. */
interface PassResult {
  pages: number;
  dialogs: number;
  trappedCalls: number;
  foreignRequests: string[];
  foreignImages: number;
  consoleErrors: number;
  findings: string[];
}

/** Runs in the page: every script-capable construct of the live DOM, outside Lede's own poll form. */
function scanDom(): string[] {
  const out: string[] = [];
  const snippet = (el: Element) => el.outerHTML.slice(0, 300);
  const BAD_URL = /^(?:javascript|vbscript):|^data:text\/html/i;
  // Lede's own form: the poll (article-page.tsx), a POST to the article's reactions.
  const own = (el: Element) => el.matches('section[data-part="poll"] > form[method="post"][action^="/articles/"]');
  const ownForm = (el: Element) => {
    const form = el.closest('form');
    return form !== null && own(form);
  };
  const roots: ParentNode[] = [document];
  for (const t of Array.from(document.querySelectorAll('template'))) roots.push(t.content);
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.toLowerCase().startsWith('on')) out.push(`on* attribute ${attr.name}: ${snippet(el)}`);
        // Browsers strip ASCII whitespace and control characters before reading a URL's scheme.
        const v = attr.value.replace(/[\u0000-\u0020\u007f]+/g, '');
        if (BAD_URL.test(v)) out.push(`script URL in ${attr.name}: ${snippet(el)}`);
        if (attr.name.toLowerCase() === 'style') out.push(`style attribute: ${snippet(el)}`);
      }
      const tag = el.tagName.toLowerCase();
      const dangerous =
        ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'style', 'svg', 'math', 'template', 'portal'].includes(tag) ||
        (tag === 'meta' && el.hasAttribute('http-equiv')) ||
        (tag === 'link' && !el.matches('head > link[rel="stylesheet"][href="/assets/lede.css"], head > link[rel="alternate"][href="/api/articles"]')) ||
        (tag === 'form' && !own(el)) ||
        (['input', 'button', 'select', 'textarea'].includes(tag) && !ownForm(el));
      if (dangerous) out.push(`<${tag}> element: ${snippet(el)}`);
    }
  }
  return out;
}

// tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
const SCAN_DOM = `(() => { const __name = (f) => f; return (${scanDom.toString()})(); })()`;

const TRAP_SCRIPT = `(() => {
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) {
      window.__ledeXssHit(name);
      return name === 'print' ? undefined : original.apply(this, args);
    };
  }
})();`;

/** Opens every path in chromium (CSP on, or bypassed) and collects what ran and what the DOM holds. */
async function browse(browser: Browser, origin: string, paths: readonly string[], bypassCSP: boolean, payloadsOf: (path: string) => readonly Payload[]): Promise<PassResult> {
  const r: PassResult = { pages: 0, dialogs: 0, trappedCalls: 0, foreignRequests: [], foreignImages: 0, consoleErrors: 0, findings: [] };
  const context: BrowserContext = await browser.newContext({ bypassCSP, javaScriptEnabled: true });
  const culprit = (path: string, what: string) => {
    const ps = payloadsOf(path);
    const words = what.toLowerCase().match(/[a-z]{4,}/g) ?? [];
    const likely = ps.filter((p) => words.some((w) => p.text.toLowerCase().includes(w))).slice(0, 5);
    return `${path}: ${what}\n    payloads on this page: ${ps.length}; likely: ${(likely.length ? likely : ps.slice(0, 3)).map((p) => `${p.origin} ${JSON.stringify(p.text.slice(0, 160))}`).join('\n      ')}`;
  };
  await context.exposeBinding('__ledeXssHit', (source, name: unknown) => {
    r.trappedCalls++;
    r.findings.push(culprit(new URL(source.page.url()).pathname, `${String(name)}() called`));
  });
  await context.addInitScript(TRAP_SCRIPT);
  await context.route('**/*', async (route) => {
    const req = route.request();
    if (req.url().startsWith(origin + '/')) return route.continue();
    if (req.resourceType() === 'image') r.foreignImages++;
    else {
      r.foreignRequests.push(`${req.resourceType()} ${req.url().slice(0, 200)}`);
      const frame = req.frame();
      r.findings.push(culprit(new URL(frame.page().url() || origin).pathname, `foreign ${req.resourceType()} request to ${req.url().slice(0, 200)}`));
    }
    return route.abort();
  });
  const work = [...paths];
  const worker = async (page: Page) => {
    page.on('dialog', (d) => {
      r.dialogs++;
      r.findings.push(culprit(new URL(page.url()).pathname, `${d.type()} dialog "${d.message().slice(0, 80)}"`));
      void d.dismiss().catch(() => undefined);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') r.consoleErrors++;
    });
    for (let path = work.shift(); path !== undefined; path = work.shift()) {
      const res = await page.goto(origin + path, { waitUntil: 'load' });
      assert.equal(res?.status(), 200, `${path} answered ${res?.status()}`);
      await page.waitForTimeout(50);
      for (const f of await page.evaluate<string[]>(SCAN_DOM)) r.findings.push(culprit(path, f));
      r.pages++;
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: PAGES_IN_PARALLEL }, async () => worker(await context.newPage())));
  await context.close();
  return r;
}

// ---- The test -------------------------------------------------------------------------------

const fmt = (n: number) => n.toLocaleString('en-US');

describe('XSS corpora through the pipeline into the reader, in chromium', { skip: corpusSkipReason ?? browserSkipReason }, () => {
  let store: Store;
  let deps: PipelineDeps;
  let browser: Browser;
  const servers: ReturnType<typeof serve>[] = [];
  let origin: string;
  let payloads: Payload[];
  /** The payloads each page path carries, to name the culprit of a finding. */
  const pagePayloads = new Map<string, Payload[]>();
  const paths: string[] = ['/', '/sources'];
  const passes: { label: string; result: PassResult; ms: number }[] = [];
  const started = Date.now();

  before(async () => {
    const loaded = loadPayloads();
    payloads = loaded.payloads;
    console.log(
      `xss-corpus: ${fmt(loaded.counts.dompurify!)} DOMPurify vectors + ${fmt(loaded.counts.payloadbox!)} payloadbox + ${fmt(loaded.counts.payloadsallthethings!)} PayloadsAllTheThings lines = ${fmt(payloads.length)} distinct payloads (${loaded.counts.blank} blank left out)`,
    );
    store = openSqliteStore(':memory:');
    await store.migrate();
    const log = createLogger('silent');
    deps = {
      store,
      log,
      extract: extractArticle,
      summarize: createArticleSummarizer({ log }),
      fetch: { allowPrivateNetworks: false, userAgent: 'lede-test', timeoutMs: 1000, maxBytes: 1_000_000 },
    };
    const listen = async () => {
      const app = createWebApp({ store, reactions: DEFAULT_REACTIONS, secret: 'x'.repeat(32), log });
      const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
        const s: ReturnType<typeof serve> = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      servers.push(server);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    origin = await listen();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await store?.close();
  });

  // The oracle itself: a page that does run script must be caught, or a green run proves nothing.
  it('should catch a page that runs a payload (the oracle works)', async () => {
    const bad = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html><body><p>control</p><img src="/none.png" onerror="alert(1)"><a href="java\tscript:alert(2)">x</a><script src="http://canary.example/x.js"></script><script>confirm(3)</script><form action="/f"><input name="q"></form></body></html>');
    });
    await new Promise<void>((resolve) => bad.listen(0, '127.0.0.1', resolve));
    try {
      const badOrigin = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
      const r = await browse(browser, badOrigin, ['/'], false, () => [{ text: '<img src=x onerror=alert(1)>', origin: 'control' }]);
      assert.equal(r.dialogs, 2, 'alert and confirm dialogs');
      assert.equal(r.trappedCalls, 2, 'alert and confirm calls');
      assert.deepEqual(r.foreignRequests, ['script http://canary.example/x.js']);
      for (const what of ['on* attribute onerror', 'script URL in href', '<script> element', '<form> element', '<input> element']) {
        assert.ok(r.findings.some((f) => f.includes(what)), `${what} found in ${r.findings.join('\n')}`);
      }
    } finally {
      await new Promise((resolve) => bad.close(resolve));
    }
  });

  it('should carry every payload into each field through the normal pipeline', async () => {
    const t0 = Date.now();
    const tally = new Map<string, FieldTally>();
    // Sources: a publisher's name, description and email are typed by the user (or read from OPML).
    const sources: Source[] = [];
    for (let i = 0; i < payloads.length; i += SOURCE_NAME_PAYLOADS) {
      const ps = payloads.slice(i, i + SOURCE_NAME_PAYLOADS);
      const text = ps.map((p) => p.text).join(' | ');
      // Every other source also carries script URLs where its homepage and logo go.
      const hostile = sources.length % 2 === 1;
      const s = await store.addSource({
        name: text,
        description: text,
        email: text,
        logoUrl: hostile ? 'javascript:alert(document.domain)' : `https://logo.example/s${sources.length}.png`,
        homepageUrl: hostile ? ' javascript:alert(document.domain)' : 'https://news.example/',
        lang: 'en',
      });
      sources.push(s);
      const stored = await store.getSource(s.id);
      tallyText(tally, 'source name', ps, [stored?.name ?? '']);
      tallyText(tally, 'source description', ps, [stored?.description ?? '']);
      tallyText(tally, 'source email', ps, [stored?.email ?? '']);
      pagePayloads.set(`/sources/${s.id}`, [...ps]);
      paths.push(`/sources/${s.id}`);
    }

    const deck = packDeckLines(payloads);
    const queues = { title: [...payloads], deck: deck.lines as (readonly Payload[])[], authors: [...payloads], captions: [...payloads], body: [...payloads], captionHtml: [...payloads] };
    const placed = { body: 0, captionHtml: 0 };
    let k = 0;
    let failedPages = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const rawPending = queues.body.length + queues.captionHtml.length;
      if (rawPending + queues.title.length + queues.deck.length + queues.authors.length + queues.captions.length === 0) break;
      // Round 1 spreads every field over as many articles as the deck lines need; later rounds
      // retry, in ever smaller batches, raw payloads that an earlier one swallowed.
      const rawPer = Math.max(1, Math.floor(RAW_PER_ARTICLE / 2 ** Math.max(0, round - 2)));
      const count = Math.max(Math.ceil(queues.deck.length / DECK_LINES), Math.ceil(Math.max(queues.body.length, queues.captionHtml.length) / rawPer), queues.title.length ? 1 : 0);
      const per = (q: readonly unknown[]) => Math.ceil(q.length / count);
      const sizes = { title: per(queues.title), authors: per(queues.authors), captions: per(queues.captions), body: Math.min(rawPer, per(queues.body)), captionHtml: Math.min(rawPer, per(queues.captionHtml)) };
      const retry = { title: [] as Payload[], deck: [] as (readonly Payload[])[], authors: [] as Payload[], captions: [] as Payload[], body: [] as Payload[], captionHtml: [] as Payload[] };
      for (let n = 0; n < count; n++, k++) {
        const spec: ArticleSpec = {
          k,
          url: `https://news.example/2024/05/article-${k}.html`,
          title: queues.title.splice(0, sizes.title),
          deck: queues.deck.splice(0, DECK_LINES),
          authors: queues.authors.splice(0, sizes.authors),
          captions: queues.captions.splice(0, sizes.captions),
          body: queues.body.splice(0, sizes.body),
          captionHtml: queues.captionHtml.splice(0, sizes.captionHtml),
        };
        // The first articles each belong to one source (its page lists it, its page shows the
        // source); the others have none, which keeps their pages light.
        const source = sources[k];
        let stored: StoredArticle;
        try {
          ({ article: stored } = await ingestDocument({ html: articleHtml(spec), url: spec.url }, deps, { sourceId: source?.id ?? null }));
        } catch (e) {
          // A page the pipeline turned away: everything it carried is tried again in smaller batches.
          failedPages++;
          if (failedPages <= 5) console.log(`xss-corpus: article ${k} not ingested (${(e as Error).message}); retrying its payloads`);
          for (const key of ['title', 'authors', 'captions', 'body', 'captionHtml'] as const) retry[key].push(...spec[key]);
          retry.deck.push(...spec.deck);
          continue;
        }
        tallyText(tally, 'title', spec.title, [stored.title]);
        tallyText(tally, 'deck', spec.deck.flat(), stored.deck);
        tallyText(tally, 'author', spec.authors, stored.authors.map((a) => a.name));
        tallyText(tally, 'author email', spec.authors, stored.authors.map((a) => a.email ?? ''));
        tallyText(
          tally,
          'caption',
          spec.captions,
          spec.captions.map((_, i) => {
            const im = stored.images.find((x) => x.url === imageUrl('c', k, i));
            return [im?.caption, im?.credit].filter(Boolean).join(' ');
          }),
        );
        const raw = placedRaw(spec, stored);
        spec.body.forEach((p, i) => (raw.body[i] ? placed.body++ : retry.body.push(p)));
        spec.captionHtml.forEach((p, i) => (raw.captionHtml[i] ? placed.captionHtml++ : retry.captionHtml.push(p)));
        const path = `/articles/${stored.id}`;
        paths.push(path);
        pagePayloads.set(path, [...new Set([...spec.title, ...spec.deck.flat(), ...spec.authors, ...spec.captions, ...spec.body, ...spec.captionHtml, ...(source ? (pagePayloads.get(`/sources/${source.id}`) ?? []) : [])])]);
      }
      for (const key of ['title', 'authors', 'captions', 'body', 'captionHtml'] as const) queues[key].push(...retry[key]);
      queues.deck.push(...retry.deck);
    }
    // Every page of the home listing ("Older articles"), so that every title is shown in a list too.
    const all = [...new Set([...pagePayloads.values()].flat())];
    for (let next: string | undefined = '/'; next; ) {
      pagePayloads.set(next, all);
      if (next !== '/') paths.push(next);
      const html = await (await fetch(origin + next)).text();
      next = /<a href="(\/\?cursor=[^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    }
    pagePayloads.set('/sources', all);

    const articles = paths.filter((p) => p.startsWith('/articles/')).length;
    assert.equal(paths.filter((p) => p.startsWith('/?cursor=')).length, Math.ceil(articles / LIST_PAGE) - 1, 'every home page listed');
    console.log(`xss-corpus: ingested ${fmt(articles)} article pages and ${fmt(sources.length)} sources in ${((Date.now() - t0) / 1000).toFixed(1)} s (${failedPages} pages turned away and retried)`);
    const n = payloads.length;
    for (const [field, t] of tally) {
      const note = field === 'deck' ? ` (${fmt(deck.tooLong.length)} longer than a ${DECK_LINE_CHARS}-character deck line not offered)` : '';
      console.log(`xss-corpus: ${field}: ${fmt(t.verbatim)}/${fmt(t.offered)} payloads stored verbatim, ${fmt(t.collapsed)} more with whitespace collapsed${note}`);
    }
    console.log(`xss-corpus: body (raw HTML): ${fmt(placed.body)}/${fmt(n)} payloads parsed in place; caption (raw HTML): ${fmt(placed.captionHtml)}/${fmt(n)}`);
    // A payload that never reaches its field proves nothing: most of them must land.
    for (const [field, t] of tally) {
      const offered = field === 'deck' ? n - deck.tooLong.length : n;
      assert.equal(t.offered, offered, `${field}: every payload offered`);
      assert.ok(t.verbatim + t.collapsed >= 0.9 * t.offered, `${field}: only ${t.verbatim + t.collapsed}/${t.offered} stored`);
    }
    assert.ok(placed.body >= 0.95 * n, `body: only ${placed.body}/${n} parsed in place`);
    assert.ok(placed.captionHtml >= 0.95 * n, `caption HTML: only ${placed.captionHtml}/${n} parsed in place`);
  });

  // The first pass reads the pages as served, CSP on. The second bypasses the CSP, whose
  // script-src 'none' alone would stop every script: the sanitizer and the templates' escaping
  // must hold on their own.
  for (const bypassCSP of [false, true]) {
    const label = bypassCSP ? 'CSP bypassed' : 'CSP on';
    it(`should run no payload and keep no script-capable markup (${label})`, async () => {
      const t0 = Date.now();
      const r = await browse(browser, origin, paths, bypassCSP, (p) => pagePayloads.get(p) ?? []);
      passes.push({ label, result: r, ms: Date.now() - t0 });
      console.log(
        `xss-corpus: ${label}: ${fmt(r.pages)} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${r.dialogs} dialogs, ${r.trappedCalls} alert/confirm/prompt/print calls, ${r.foreignRequests.length} foreign non-image requests, ${fmt(r.foreignImages)} remote image requests (allowed, aborted), ${fmt(r.consoleErrors)} console errors, ${r.findings.length} DOM/script findings`,
      );
      assert.equal(r.pages, paths.length);
      assert.deepEqual(r.findings.slice(0, 20), [], `${r.findings.length} findings:\n${r.findings.slice(0, 20).join('\n')}`);
      assert.equal(r.dialogs + r.trappedCalls, 0);
      assert.deepEqual(r.foreignRequests, []);
    });
  }

  it('should print the summary', () => {
    const [on, off] = passes;
    assert.ok(on && off, 'both browser passes ran');
    const sum = (f: (r: PassResult) => number) => f(on.result) + f(off.result);
    console.log(
      `xss-corpus: ${fmt(payloads.length)} payloads × 6 fields (body, title, deck, author, caption, source name), ${fmt(on.result.pages)} pages opened (CSP on) + ${fmt(off.result.pages)} (CSP bypassed): ${sum((r) => r.dialogs + r.trappedCalls)} dialogs, ${sum((r) => r.foreignRequests.length)} foreign script requests, ${sum((r) => r.findings.filter((f) => f.includes('on* attribute')).length)} on* attributes, ${sum((r) => r.findings.filter((f) => f.includes('script URL')).length)} javascript: URLs (${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
    );
  });
});
