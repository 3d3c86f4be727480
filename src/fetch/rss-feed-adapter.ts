// Adapts feedsmith's RSS 0.9x/2.0 object to the canonical Feed record.
import type { RssFeed } from 'feedsmith';
import type { Feed, FeedEntry, Person } from '../core/records.ts';
import { firstText, htmlFrom, summaryBeside, textFrom } from './feed-html.ts';
import { enclosureImage, mediaEnclosures, mediaImage } from './feed-media.ts';
import { cleanPerson, feedTtlMinutes, optional, parsePerson, resolveBase, resolveUrl, toIsoDate, toLength, uniqueByUrl, uniqueDefined } from './feed-values.ts';
import { atomLinkHref, atomPeople } from './atom-feed-adapter.ts';

type RssItem = RssFeed.Item<string>;

function rssPeople(people: readonly RssFeed.Person[] | undefined, base?: string): (Person | undefined)[] {
  return (people ?? []).map((p) => cleanPerson({ name: p.name, email: p.email, url: p.link }, base));
}

function entryLink(item: RssItem, base?: string): string | undefined {
  if (item.link?.trim()) return resolveUrl(item.link, base);
  const alt = atomLinkHref(item.atom?.links, base);
  if (alt) return alt;
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  const guid = item.guid?.value?.trim();
  if (guid && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid)) return guid;
  return undefined;
}

/** Converts one RSS item to a FeedEntry, resolving URLs against `feedBase`. */
export function adaptRssItem(item: RssItem, feedBase?: string): FeedEntry {
  const base = resolveBase(item.xml?.base, feedBase);
  const own = (item.enclosures ?? []).map((e) => {
    const url = resolveUrl(e.url, base);
    if (!url) return undefined;
    const type = e.type?.trim() || undefined;
    const length = toLength(e.length);
    return { url, ...(type ? { type } : {}), ...(length !== undefined ? { length } : {}) };
  });
  const enclosures = uniqueByUrl([...uniqueDefined(own), ...mediaEnclosures(item.media, base)]);
  const authors = uniqueDefined<Person>([
    ...rssPeople(item.authors, base),
    ...(item.dc?.creators ?? []).map(parsePerson),
    parsePerson(item.itunes?.author),
    ...atomPeople(item.atom?.authors, base),
  ]);
  const summaryRaw =
    item.description ?? item.atom?.summary?.value ?? item.itunes?.summary ?? item.dc?.descriptions?.[0] ??
    item.media?.description?.value ?? item.media?.groups?.[0]?.description?.value;
  const contentRaw = item.content?.encoded ?? item.atom?.content?.value;
  const title = firstText(
    textFrom(item.title), textFrom(item.atom?.title?.value, item.atom?.title?.type), textFrom(item.dc?.titles?.[0]),
    textFrom(item.media?.title?.value, item.media?.title?.type), textFrom(item.itunes?.title),
  );
  const categories = uniqueDefined([
    ...(item.categories ?? []).map((c) => textFrom(c.name) || undefined),
    ...(item.dc?.subjects ?? []).map((s) => textFrom(s) || undefined),
    ...(item.atom?.categories ?? []).map((c) => textFrom(c.term) || undefined),
    ...(item.media?.categories ?? []).map((c) => textFrom(c.name) || undefined),
  ]);
  const imageUrl = mediaImage(item.media, base) ?? resolveUrl(item.itunes?.image, base) ?? enclosureImage(enclosures);
  const id = item.guid?.value?.trim() || item.atom?.id?.trim() || undefined;
  const contentHtml = htmlFrom(contentRaw, item.content?.encoded === undefined ? item.atom?.content?.type : undefined, base);
  const summary = htmlFrom(summaryRaw, item.description === undefined ? item.atom?.summary?.type : undefined, base);
  return {
    ...(id ? { id } : {}),
    ...optional('title', title),
    ...optional('link', entryLink(item, base)),
    ...optional('publishedAt', toIsoDate(item.pubDate) ?? toIsoDate(item.dc?.dates?.[0]) ?? toIsoDate(item.atom?.published) ?? toIsoDate(item.dcterms?.issued?.[0])),
    // feedparser and most readers read dc:date as the modification date when pubDate is there too.
    ...optional('updatedAt', toIsoDate(item.atom?.updated) ?? toIsoDate(item.dcterms?.modified?.[0]) ?? toIsoDate(item.dc?.dates?.[0])),
    authors,
    ...optional('summary', summaryBeside(summary, contentHtml)),
    ...optional('contentHtml', contentHtml),
    categories,
    enclosures,
    ...optional('imageUrl', imageUrl),
  };
}

/** Converts a parsed RSS feed to the canonical Feed record. */
export function adaptRssFeed(feed: RssFeed.Feed<string>, url?: string): Feed {
  const base = resolveBase(feed.xml?.base, url);
  const link = resolveUrl(feed.link, base) ?? atomLinkHref(feed.atom?.links, base);
  // Relative item links are resolved against the channel link (the site) unless xml:base says
  // otherwise: feeds are often served from another host (a CDN, a feed proxy). Miniflux does the same.
  const itemBase = resolveBase(feed.xml?.base, link && /^https?:/i.test(link) ? link : url);
  const authors = uniqueDefined<Person>([
    ...rssPeople(feed.managingEditor ? [feed.managingEditor] : [], base),
    ...(feed.dc?.creators ?? []).map(parsePerson),
    parsePerson(feed.itunes?.author),
    ...atomPeople(feed.atom?.authors, base),
    ...rssPeople(feed.webMaster ? [feed.webMaster] : [], base),
  ]);
  const title = firstText(textFrom(feed.title), textFrom(feed.dc?.titles?.[0]), textFrom(feed.atom?.title?.value, feed.atom?.title?.type));
  const description = firstText(
    textFrom(feed.description), textFrom(feed.atom?.subtitle?.value, feed.atom?.subtitle?.type),
    textFrom(feed.itunes?.summary), textFrom(feed.itunes?.subtitle), textFrom(feed.dc?.descriptions?.[0]),
  );
  const imageUrl =
    resolveUrl(feed.image?.url, itemBase) ?? resolveUrl(feed.itunes?.image, itemBase) ?? mediaImage(feed.media, itemBase) ??
    resolveUrl(feed.atom?.logo ?? feed.atom?.icon, itemBase);
  const language = (feed.language ?? feed.dc?.languages?.[0] ?? feed.xml?.lang)?.trim();
  return {
    format: 'rss',
    ...optional('title', title),
    ...optional('link', link),
    ...optional('description', description),
    ...(language ? { language } : {}),
    ...optional('imageUrl', imageUrl),
    authors,
    ...optional('updatedAt',
      toIsoDate(feed.lastBuildDate) ?? toIsoDate(feed.dc?.dates?.[0]) ?? toIsoDate(feed.dcterms?.modified?.[0]) ??
      toIsoDate(feed.atom?.updated) ?? toIsoDate(feed.pubDate)),
    ...optional('ttlMinutes', feedTtlMinutes(feed.ttl, feed.sy)),
    entries: (feed.items ?? []).map((item) => adaptRssItem(item, itemBase)),
  };
}
