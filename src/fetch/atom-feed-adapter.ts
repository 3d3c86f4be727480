// Adapts feedsmith's Atom 0.3/1.0 object to the canonical Feed record, honouring xml:base.
import type { AtomFeed } from 'feedsmith';
import type { Feed, FeedEntry, Person } from '../core/records.ts';
import { firstText, htmlFrom, summaryBeside, textFrom } from './feed-html.ts';
import { enclosureImage, mediaEnclosures, mediaImage } from './feed-media.ts';
import { cleanPerson, feedTtlMinutes, optional, parsePerson, resolveBase, resolveUrl, toIsoDate, toLength, uniqueByUrl, uniqueDefined } from './feed-values.ts';

type Link = AtomFeed.Link<string>;
type Entry = AtomFeed.Entry<string>;

const NOT_ALTERNATE = new Set(['self', 'enclosure', 'edit', 'edit-media', 'replies', 'hub', 'license', 'via', 'next', 'previous', 'first', 'last']);

/** The alternate link of an Atom link list (rel="alternate" or no rel, HTML preferred), resolved against `base`. */
export function atomLinkHref(links: readonly Link[] | undefined, base?: string): string | undefined {
  if (!links?.length) return undefined;
  const withHref = links.filter((l) => l.href?.trim());
  const alternates = withHref.filter((l) => !l.rel || l.rel.toLowerCase() === 'alternate');
  const pick =
    alternates.find((l) => !l.type || /html/i.test(l.type)) ??
    alternates[0] ??
    withHref.find((l) => !NOT_ALTERNATE.has((l.rel ?? '').toLowerCase()));
  return resolveUrl(pick?.href, base);
}

/** Converts Atom persons, resolving their URIs against `base`. */
export function atomPeople(people: readonly AtomFeed.Person[] | undefined, base?: string): (Person | undefined)[] {
  return (people ?? []).map((p) => cleanPerson({ name: p.name, email: p.email, url: p.uri }, base));
}

// Atom content types: "text", "html", "xhtml" or a MIME type (RFC 4287 §4.1.3).
function contentKind(type: string | undefined): 'text' | 'html' | undefined {
  const t = (type ?? 'text').toLowerCase().trim();
  if (t === 'html' || t === 'xhtml' || t === 'text/html' || t === 'application/xhtml+xml' || t === 'escaped') return 'html';
  if (t === 'text' || t.startsWith('text/')) return 'text';
  return undefined;
}

function contentHtml(c: AtomFeed.Content | AtomFeed.Text | undefined, base: string | undefined): string | undefined {
  if (!c || c.value === undefined || ('src' in c && c.src && !c.value.trim())) return undefined;
  const kind = contentKind(c.type);
  if (!kind) return undefined;
  return htmlFrom(c.value, kind, resolveBase(c.xml?.base, base));
}

function text(t: AtomFeed.Text | undefined): string | undefined {
  if (!t) return undefined;
  return textFrom(t.value, contentKind(t.type) ?? 'text');
}

/** Converts one Atom entry to a FeedEntry, resolving URLs against the entry's xml:base. */
export function adaptAtomEntry(entry: Entry, feedBase?: string): FeedEntry {
  const base = resolveBase(entry.xml?.base, feedBase);
  const linked = uniqueDefined(
    (entry.links ?? [])
      .filter((l) => l.rel?.toLowerCase() === 'enclosure')
      .map((l) => {
        const url = resolveUrl(l.href, base);
        if (!url) return undefined;
        const length = toLength(l.length);
        return { url, ...(l.type ? { type: l.type } : {}), ...(length !== undefined ? { length } : {}) };
      }),
  );
  const enclosures = uniqueByUrl([...linked, ...mediaEnclosures(entry.media, base)]);
  const authors = uniqueDefined<Person>([
    ...atomPeople(entry.authors, base),
    ...(entry.dc?.creators ?? []).map(parsePerson),
    parsePerson(entry.itunes?.author),
  ]);
  const categories = uniqueDefined([
    ...(entry.categories ?? []).map((c) => textFrom(c.term ?? c.label) || undefined),
    ...(entry.dc?.subjects ?? []).map((s) => textFrom(s) || undefined),
    ...(entry.media?.categories ?? []).map((c) => textFrom(c.name) || undefined),
  ]);
  const title = firstText(text(entry.title), textFrom(entry.dc?.titles?.[0]), textFrom(entry.media?.title?.value));
  const mediaDescription = entry.media?.description ?? entry.media?.groups?.[0]?.description;
  const content = contentHtml(entry.content, base);
  const summary = firstText(contentHtml(entry.summary, base), htmlFrom(mediaDescription?.value, mediaDescription?.type === 'html' ? 'html' : 'text', base));
  // An Atom id is an IRI; a relative one ("/posts/1") is resolved like any other reference.
  const rawId = entry.id?.trim();
  const id = rawId && base && /^\.{0,2}\//.test(rawId) ? resolveUrl(rawId, base) : rawId || undefined;
  return {
    ...(id ? { id } : {}),
    ...optional('title', title),
    ...optional('link', atomLinkHref(entry.links, base)),
    ...optional('publishedAt', toIsoDate(entry.published) ?? toIsoDate(entry.dc?.dates?.[0]) ?? toIsoDate(entry.dcterms?.issued?.[0])),
    ...optional('updatedAt', toIsoDate(entry.updated) ?? toIsoDate(entry.dcterms?.modified?.[0])),
    authors,
    ...optional('summary', summaryBeside(summary, content)),
    ...optional('contentHtml', content),
    categories,
    enclosures,
    ...optional('imageUrl', mediaImage(entry.media, base) ?? resolveUrl(entry.itunes?.image, base) ?? enclosureImage(enclosures)),
  };
}

/** Converts a parsed Atom feed to the canonical Feed record. */
export function adaptAtomFeed(feed: AtomFeed.Feed<string>, url?: string): Feed {
  const base = resolveBase(feed.xml?.base, url);
  const title = firstText(text(feed.title), textFrom(feed.dc?.titles?.[0]));
  const description = firstText(text(feed.subtitle), textFrom(feed.itunes?.summary), textFrom(feed.dc?.descriptions?.[0]));
  const language = (feed.xml?.lang ?? feed.dc?.languages?.[0])?.trim();
  const authors = uniqueDefined<Person>([
    ...atomPeople(feed.authors, base),
    ...(feed.dc?.creators ?? []).map(parsePerson),
    parsePerson(feed.itunes?.author),
  ]);
  return {
    format: 'atom',
    ...optional('title', title),
    ...optional('link', atomLinkHref(feed.links, base)),
    ...optional('description', description),
    ...(language ? { language } : {}),
    ...optional('imageUrl', resolveUrl(feed.logo, base) ?? resolveUrl(feed.itunes?.image, base) ?? mediaImage(feed.media, base) ?? resolveUrl(feed.icon, base)),
    authors,
    ...optional('updatedAt', toIsoDate(feed.updated) ?? toIsoDate(feed.dc?.dates?.[0])),
    ...optional('ttlMinutes', feedTtlMinutes(undefined, feed.sy)),
    entries: (feed.entries ?? []).map((e) => adaptAtomEntry(e, base)),
  };
}
