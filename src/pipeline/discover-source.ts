// Turns a feed or site URL into a new source. The feed
// of a URL is, in order: the URL itself, a <link rel="alternate"> on the page, an <a href> that
// looks like a feed, or a common feed path on the site ("/feed", "/rss", …). Probes are
// sequential and bounded, each through fetchUrl (SSRF-guarded), and when nothing is found the
// error lists what was tried.
import { LedeError } from '../core/errors.ts';
import { httpUrl } from '../core/http-url.ts';
import { normalizeLanguageTag } from '../core/language-tag.ts';
import type { Feed, FetchOutcome, Source } from '../core/records.ts';
import { fetchUrl } from '../fetch/fetch-url.ts';
import { parseFeed } from '../fetch/parse-feed.ts';
import type { NewSource } from '../store/store.ts';
import type { FetchSettings } from './process-item.ts';

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/json|text\/xml|application\/xml)$/i;

/** Feed URLs announced by an HTML page's <link rel="alternate"> elements, in page order. */
export function feedLinksOf(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const value = (name: string) => {
      const m = attr(name);
      return m ? (m[2] ?? m[3] ?? m[4] ?? '') : undefined;
    };
    if (!/\balternate\b/i.test(value('rel') ?? '') || !FEED_TYPES.test(value('type') ?? '')) continue;
    const href = value('href');
    if (!href) continue;
    try {
      links.push(new URL(href.replace(/&amp;/g, '&'), pageUrl).href);
    } catch {
      // An unparsable href is skipped; the next link may do.
    }
  }
  return links;
}

const READER_SERVICES = /(?:^|\.)(?:feedly|inoreader|newsblur|netvibes|theoldreader)\.com$/i;

/** True when a URL looks like a feed's: rss/atom/feed as a word of its path or query, or a feed host. */
export function looksLikeFeedUrl(u: URL): boolean {
  if (/^(?:feeds?|rss)\./i.test(u.hostname) || /(?:^|\.)feedburner\.com$/i.test(u.hostname)) return true;
  return /(?:^|[^a-z])(?:rss|atom|feeds?|rdf)(?:[^a-z]|$)/i.test(u.pathname + u.search);
}

/** Links (<a href>) of a page that look like feeds, the page's own site first; subscribe buttons of reader services and comment feeds left out. */
export function feedAnchorsOf(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const same: string[] = [];
  const other: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    let u: URL;
    try {
      u = new URL((m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/&amp;/g, '&'), pageUrl);
    } catch {
      continue;
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || READER_SERVICES.test(u.hostname) || /\bcomments?\b/i.test(u.pathname)) continue;
    if (!looksLikeFeedUrl(u)) continue;
    u.hash = '';
    (u.origin === origin ? same : other).push(u.href);
  }
  return [...new Set([...same, ...other])];
}

// Where sites keep their feed, most common first: WordPress, Substack, Medium (/feed); Tistory,
// Ghost (/rss); Drupal (/rss.xml); Jekyll (/feed.xml); Hexo (/atom.xml); Hugo (/index.xml); the
// ND Soft news CMS that many Korean papers run (/rss/allArticle.xml); Blogger; WordPress without
// pretty permalinks; Arc XP (Korean and US dailies).
const COMMON_FEED_PATHS = [
  '/feed', '/rss', '/rss.xml', '/feed.xml', '/atom.xml', '/index.xml', '/rss/allArticle.xml',
  '/feeds/posts/default', '/?feed=rss2', '/arc/outboundfeeds/rss/?outputType=xml',
];
// A page that shows its platform gets that platform's paths tried first.
const PLATFORMS: readonly { generator?: RegExp; marker?: RegExp; paths: readonly string[] }[] = [
  { generator: /wordpress/i, marker: /\/wp-content\//, paths: ['/feed', '/?feed=rss2'] },
  { generator: /blogger/i, marker: /\.blogspot\.com\b/, paths: ['/feeds/posts/default'] },
  { generator: /ghost/i, paths: ['/rss/'] },
  { generator: /hugo/i, paths: ['/index.xml'] },
  { generator: /jekyll/i, paths: ['/feed.xml'] },
  { generator: /hexo/i, paths: ['/atom.xml'] },
  { generator: /drupal/i, paths: ['/rss.xml'] },
  { marker: /tistory/i, paths: ['/rss'] },
  { marker: /articleView\.html\?idxno=/i, paths: ['/rss/allArticle.xml'] },
  { marker: /\/pf\/resources\/|arc\/outboundfeeds/i, paths: ['/arc/outboundfeeds/rss/?outputType=xml'] },
];

function generatorOf(html: string): string {
  for (const tag of html.match(/<meta\s[^>]*>/gi) ?? []) {
    if (/\bname\s*=\s*["']?generator\b/i.test(tag)) return /\bcontent\s*=\s*["']?([^"'>]*)/i.exec(tag)?.[1] ?? '';
  }
  return '';
}

/** Common feed URLs of the site of `pageUrl`, in the order to try them (platform hints in `html` first). */
export function commonFeedUrls(pageUrl: string, html = ''): string[] {
  const url = new URL(pageUrl);
  const generator = generatorOf(html);
  const hinted = PLATFORMS.filter((p) => (p.generator?.test(generator) ?? false) || (p.marker?.test(html) ?? false)).flatMap((p) => p.paths);
  // A site in a folder (https://example.com/blog/) keeps its feed there.
  const folder = url.pathname.endsWith('/') && url.pathname !== '/' ? [`${url.pathname}feed`, `${url.pathname}rss`] : [];
  return [...new Set([...hinted, ...folder, ...COMMON_FEED_PATHS].map((p) => new URL(p, url.origin).href))];
}

/** Bounds of one discovery. */
export interface DiscoveryLimits {
  /** Feeds announced by <link rel="alternate"> that are tried; default 4. */
  readonly alternates?: number;
  /** Feed-looking <a href> links tried (including those found on an RSS index page); default 4. */
  readonly links?: number;
  /** Common paths guessed on the site; default 8. */
  readonly guesses?: number;
  /** Whole discovery, in ms; default 60 s. */
  readonly deadlineMs?: number;
}

type Via = 'alternate' | 'link' | 'guess';
interface Candidate {
  readonly url: string;
  readonly via: Via;
  /** 1 for links found on a candidate page (an RSS index page), which is not looked into again. */
  readonly depth: number;
}
type Probe =
  | { kind: 'feed'; feed: Feed; url: string }
  | { kind: 'html'; html: string; url: string }
  | { kind: 'none'; why: string; message: string; fatal: boolean };

// Failures that say the server itself is out of reach: guessing more paths there is pointless.
const FATAL = new Set(['invalid-url', 'blocked-address', 'dns-failed', 'connect-failed', 'timeout', 'network-error']);

function failure(outcome: Exclude<FetchOutcome, { kind: 'fetched' }>): Probe {
  if (outcome.kind === 'not-modified') return { kind: 'none', why: '304', message: `fetch: ${outcome.url} answered 304`, fatal: false };
  const why = outcome.reason === 'http-error' ? String(outcome.status ?? 'http error') : outcome.reason;
  return { kind: 'none', why, message: outcome.message, fatal: FATAL.has(outcome.reason) };
}

async function probe(url: string, settings: FetchSettings, signal: AbortSignal): Promise<Probe> {
  const outcome = await fetchUrl(url, { ...settings, accept: 'any', signal });
  if (outcome.kind !== 'fetched') return failure(outcome);
  try {
    return { kind: 'feed', feed: await parseFeed(outcome.bytes, { url: outcome.url, contentType: outcome.contentType }), url: outcome.url };
  } catch (e) {
    if (/html/.test(outcome.contentType)) return { kind: 'html', html: outcome.body, url: outcome.url };
    // XML or JSON that fails to parse is a broken feed, and the parser says how; anything else is just not one.
    const message = /xml|json|rss|atom/.test(outcome.contentType)
      ? (e instanceof Error ? e.message.split('\n')[0]! : String(e))
      : `sources: ${outcome.url} is neither a feed nor an HTML page (${outcome.contentType})`;
    return { kind: 'none', why: 'not a feed', message, fatal: false };
  }
}

function isSiteRoot(url: string): boolean {
  const u = new URL(url);
  return u.pathname === '/' && !u.search;
}

// "/rss (404)" for the site's own URLs, the full URL for others: the error stays readable.
function describeAttempt(url: string, origin: string, why: string): string {
  return `${url.startsWith(origin + '/') ? url.slice(origin.length) : url} (${why})`;
}

/** Finds the feed of `url`; throws LedeError('fetch-failed') listing every URL tried when there is none. */
export async function findFeed(url: string, settings: FetchSettings, limits: DiscoveryLimits = {}): Promise<{ feed: Feed; url: string }> {
  const budget: Record<Via, number> = { alternate: limits.alternates ?? 4, link: limits.links ?? 4, guess: limits.guesses ?? 8 };
  const deadlineMs = limits.deadlineMs ?? 60_000;
  const signal = AbortSignal.timeout(deadlineMs);
  const first = await probe(url, settings, signal);
  if (first.kind === 'feed') return first;
  // A page that cannot be had at all ends here; only a site root is worth guessing at regardless.
  if (first.kind === 'none' && (first.fatal || !isSiteRoot(url))) throw new LedeError('fetch-failed', first.message);
  const base = first.kind === 'html' ? first.url : url;
  const origin = new URL(base).origin;
  const queue: Candidate[] = [];
  const alternates = first.kind === 'html' ? feedLinksOf(first.html, first.url) : [];
  const attempts = [describeAttempt(url, origin, first.kind === 'html' ? (alternates.length ? 'HTML page' : 'HTML page without <link rel="alternate">') : first.why)];
  if (first.kind === 'html') {
    queue.push(...alternates.map((u) => ({ url: u, via: 'alternate' as const, depth: 0 })));
    queue.push(...feedAnchorsOf(first.html, first.url).map((u) => ({ url: u, via: 'link' as const, depth: 0 })));
  }
  queue.push(...commonFeedUrls(base, first.kind === 'html' ? first.html : '').map((u) => ({ url: u, via: 'guess' as const, depth: 0 })));

  const seen = new Set([url, base]);
  const deadOrigins = new Set<string>();
  let fallback: { feed: Feed; url: string } | undefined;
  for (let c = queue.shift(); c; c = queue.shift()) {
    const candidateOrigin = new URL(c.url).origin;
    if (seen.has(c.url) || budget[c.via] <= 0 || deadOrigins.has(candidateOrigin)) continue;
    if (signal.aborted) {
      attempts.push(`stopped after ${Math.round(deadlineMs / 1000)} s`);
      break;
    }
    seen.add(c.url);
    budget[c.via]--;
    const r = await probe(c.url, settings, signal);
    if (r.kind === 'feed') {
      // A declared feed is taken as it is; a guessed one must show entries, or it may be a stub.
      if (c.via === 'alternate' || r.feed.entries.length > 0) return r;
      fallback ??= r;
      attempts.push(describeAttempt(c.url, origin, 'feed without entries'));
    } else if (r.kind === 'html') {
      seen.add(r.url); // a redirect's target is not asked for again
      attempts.push(describeAttempt(c.url, origin, 'HTML page'));
      // An "RSS" page that lists the site's feeds (common on news sites): its first feeds come next.
      if (c.depth === 0 && (c.via !== 'guess' || looksLikeFeedUrl(new URL(r.url)))) {
        const listed = [...feedLinksOf(r.html, r.url), ...feedAnchorsOf(r.html, r.url)].filter((u) => !seen.has(u));
        queue.unshift(...listed.map((u) => ({ url: u, via: 'link' as const, depth: 1 })));
      }
    } else {
      attempts.push(describeAttempt(c.url, origin, r.why));
      if (r.fatal) deadOrigins.add(candidateOrigin);
    }
  }
  if (fallback) return fallback;
  throw new LedeError('fetch-failed', `sources: found no feed for ${url}; tried ${attempts.join(', ')}`);
}

/** Fetches `url` and describes the source it names; explicit fields win over the feed's. */
export async function discoverSource(url: string, settings: FetchSettings, given: Partial<NewSource> = {}, limits: DiscoveryLimits = {}): Promise<NewSource> {
  const found = await findFeed(url, settings, limits);
  const { feed } = found;
  // A feed's own <link> and <image> are kept only when they are http(s) (never javascript:).
  const homepage = httpUrl(feed.link) ?? new URL(found.url).origin + '/';
  return {
    name: given.name || feed.title || new URL(homepage).hostname,
    feedUrl: found.url,
    homepageUrl: httpUrl(given.homepageUrl) ?? homepage,
    logoUrl: httpUrl(given.logoUrl) ?? httpUrl(feed.imageUrl),
    email: given.email ?? feed.authors.find((a) => a.email)?.email,
    description: given.description || feed.description || undefined,
    lang: given.lang ?? feed.language?.toLowerCase().split(/[-_]/)[0],
  };
}
