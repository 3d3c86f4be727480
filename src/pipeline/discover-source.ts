// Turns a feed or site URL into a new source: finds the feed (the URL itself, or a
// <link rel="alternate"> on the page) and takes the publisher's details from it.
import { LedeError } from '../core/errors.ts';
import type { Feed } from '../core/records.ts';
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

async function tryFeed(url: string, settings: FetchSettings): Promise<{ feed: Feed; url: string } | string> {
  const outcome = await fetchUrl(url, { ...settings, accept: 'any' });
  if (outcome.kind !== 'fetched') return outcome.kind === 'failed' ? outcome.message : `fetch: ${url} answered 304`;
  try {
    return { feed: await parseFeed(outcome.bytes, { url: outcome.url, contentType: outcome.contentType }), url: outcome.url };
  } catch {
    if (!/html/.test(outcome.contentType)) return `sources: ${url} is neither a feed nor an HTML page`;
    for (const link of feedLinksOf(outcome.body, outcome.url)) {
      const found = await tryFeed(link, settings);
      if (typeof found !== 'string') return found;
    }
    return `sources: found no feed at ${url} (no <link rel="alternate"> to RSS, Atom or JSON Feed)`;
  }
}

/** Fetches `url` and describes the source it names; explicit fields win over the feed's. */
export async function discoverSource(url: string, settings: FetchSettings, given: Partial<NewSource> = {}): Promise<NewSource> {
  const found = await tryFeed(url, settings);
  if (typeof found === 'string') throw new LedeError('fetch-failed', found);
  const { feed } = found;
  const homepage = feed.link ?? new URL(found.url).origin + '/';
  return {
    name: given.name || feed.title || new URL(homepage).hostname,
    feedUrl: found.url,
    homepageUrl: given.homepageUrl ?? homepage,
    logoUrl: given.logoUrl ?? feed.imageUrl,
    email: given.email ?? feed.authors.find((a) => a.email)?.email,
    description: given.description || feed.description || undefined,
    lang: given.lang ?? feed.language?.toLowerCase().split(/[-_]/)[0],
  };
}
