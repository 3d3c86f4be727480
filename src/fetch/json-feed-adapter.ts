// Adapts feedsmith's JSON Feed 1.0/1.1 object to the canonical Feed record.
import type { JsonFeed } from 'feedsmith';
import type { Feed, FeedEntry, Person } from '../core/records.ts';
import { firstText, htmlFrom, textFrom } from './feed-html.ts';
import { enclosureImage } from './feed-media.ts';
import { cleanPerson, optional, resolveUrl, toIsoDate, toLength, uniqueDefined } from './feed-values.ts';

type Item = JsonFeed.Item<string>;

function people(authors: readonly JsonFeed.Author[] | undefined, base?: string): Person[] {
  return uniqueDefined((authors ?? []).map((a) => cleanPerson({ name: a.name, url: a.url }, base)));
}

// JSON Feed 1.0 had a single `author` object; feedsmith passes unknown keys through untyped.
function legacyAuthor(o: object): JsonFeed.Author[] {
  const a = (o as { author?: unknown }).author;
  return a && typeof a === 'object' ? [a as JsonFeed.Author] : [];
}

/** Converts one JSON Feed item to a FeedEntry. */
export function adaptJsonItem(item: Item, base?: string): FeedEntry {
  const enclosures = uniqueDefined(
    (item.attachments ?? []).map((a) => {
      const url = resolveUrl(a.url, base);
      if (!url) return undefined;
      const length = toLength(a.size_in_bytes);
      return { url, ...(a.mime_type ? { type: a.mime_type } : {}), ...(length !== undefined ? { length } : {}) };
    }),
  );
  const id = item.id === undefined || item.id === null ? undefined : String(item.id).trim() || undefined;
  const title = textFrom(item.title, 'text');
  const contentHtml = firstText(htmlFrom(item.content_html, 'html', base), htmlFrom(item.content_text, 'text', base));
  return {
    ...(id ? { id } : {}),
    ...optional('title', title),
    ...optional('link', resolveUrl(item.url, base) ?? resolveUrl(item.external_url, base)),
    ...optional('publishedAt', toIsoDate(item.date_published)),
    ...optional('updatedAt', toIsoDate(item.date_modified)),
    authors: people([...(item.authors ?? []), ...legacyAuthor(item)], base),
    ...optional('summary', htmlFrom(item.summary, 'text', base)),
    ...optional('contentHtml', contentHtml),
    categories: uniqueDefined((item.tags ?? []).map((t) => textFrom(String(t), 'text') || undefined)),
    enclosures,
    ...optional('imageUrl', resolveUrl(item.image, base) ?? resolveUrl(item.banner_image, base) ?? enclosureImage(enclosures)),
  };
}

/** Converts a parsed JSON Feed to the canonical Feed record. */
export function adaptJsonFeed(feed: JsonFeed.Feed<string>, url?: string): Feed {
  const base = resolveUrl(feed.feed_url, url) ?? url;
  const title = textFrom(feed.title, 'text');
  const description = textFrom(feed.description, 'text');
  const language = feed.language?.trim();
  return {
    format: 'json',
    ...optional('title', title),
    ...optional('link', resolveUrl(feed.home_page_url, base)),
    ...optional('description', description),
    ...(language ? { language } : {}),
    ...optional('imageUrl', resolveUrl(feed.icon, base) ?? resolveUrl(feed.favicon, base)),
    authors: people([...(feed.authors ?? []), ...legacyAuthor(feed)], base),
    entries: (feed.items ?? []).map((i) => adaptJsonItem(i, base)),
  };
}
