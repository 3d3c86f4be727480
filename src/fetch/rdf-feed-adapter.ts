// Adapts feedsmith's RDF (RSS 0.90/1.0) object to the canonical Feed record.
import type { RdfFeed } from 'feedsmith';
import type { Feed, FeedEntry, Person } from '../core/records.ts';
import { atomLinkHref, atomPeople } from './atom-feed-adapter.ts';
import { firstText, htmlFrom, summaryBeside, textFrom } from './feed-html.ts';
import { mediaImage } from './feed-media.ts';
import { feedTtlMinutes, optional, parsePerson, resolveBase, resolveUrl, toIsoDate, uniqueDefined } from './feed-values.ts';

/** Converts one RDF item to a FeedEntry. */
export function adaptRdfItem(item: RdfFeed.Item<string>, feedBase?: string): FeedEntry {
  const base = resolveBase(item.xml?.base, feedBase);
  const title = firstText(textFrom(item.title), textFrom(item.dc?.titles?.[0]));
  const contentHtml = htmlFrom(item.content?.encoded, undefined, base);
  const id = item.rdf?.about?.trim() || item.dc?.identifiers?.[0]?.trim() || undefined;
  const link = resolveUrl(item.link, base) ?? atomLinkHref(item.atom?.links, base) ?? (id && /^https?:/i.test(id) ? id : undefined);
  const authors = uniqueDefined<Person>([...(item.dc?.creators ?? []).map(parsePerson), ...atomPeople(item.atom?.authors, base)]);
  const categories = uniqueDefined((item.dc?.subjects ?? []).map((s) => textFrom(s) || undefined));
  return {
    ...(id ? { id } : {}),
    ...optional('title', title),
    ...optional('link', link),
    ...optional('publishedAt', toIsoDate(item.dc?.dates?.[0]) ?? toIsoDate(item.dcterms?.issued?.[0])),
    ...optional('updatedAt', toIsoDate(item.dcterms?.modified?.[0])),
    authors,
    ...optional('summary', summaryBeside(htmlFrom(item.description ?? item.dc?.descriptions?.[0], undefined, base), contentHtml)),
    ...optional('contentHtml', contentHtml),
    categories,
    enclosures: [],
    ...optional('imageUrl', mediaImage(item.media, base)),
  };
}

/** Converts a parsed RDF feed to the canonical Feed record. */
export function adaptRdfFeed(feed: RdfFeed.Feed<string>, url?: string): Feed {
  const base = resolveBase(feed.xml?.base, url);
  const link = resolveUrl(feed.link, base);
  const itemBase = base ?? (link && /^https?:/i.test(link) ? link : undefined);
  const title = firstText(textFrom(feed.title), textFrom(feed.dc?.titles?.[0]));
  const description = firstText(textFrom(feed.description), textFrom(feed.dc?.descriptions?.[0]));
  const language = (feed.dc?.languages?.[0] ?? feed.xml?.lang)?.trim();
  const authors = uniqueDefined<Person>([...(feed.dc?.creators ?? []).map(parsePerson), ...(feed.dc?.publishers ?? []).map(parsePerson)]);
  return {
    format: 'rdf',
    ...optional('title', title),
    ...optional('link', link),
    ...optional('description', description),
    ...(language ? { language } : {}),
    ...optional('imageUrl', resolveUrl(feed.image?.url, itemBase) ?? mediaImage(feed.media, itemBase)),
    authors,
    ...optional('updatedAt', toIsoDate(feed.dc?.dates?.[0]) ?? toIsoDate(feed.dcterms?.modified?.[0])),
    ...optional('ttlMinutes', feedTtlMinutes(undefined, feed.sy)),
    entries: (feed.items ?? []).map((i) => adaptRdfItem(i, itemBase)),
  };
}
