// Reads and writes OPML subscription lists (the format feed readers import and export).
// feedsmith does the XML; this file adds what a subscription list needs on top: the same
// entity/DOCTYPE defences as feeds, a truncation check (the XML parser accepts a cut-off file
// and would silently drop the rest), flattening of folders, and URL checks on every feed.
import { generateOpml as generateOpmlXml, parseOpml as parseOpmlXml, ParseError, type Opml } from 'feedsmith';
import { LedeError } from '../core/errors.ts';
import { decodeBody } from './decode-body.ts';
import { scanProlog } from './feed-prolog.ts';
import { expandInternalEntities, stripDoctype } from './xml-repair.ts';

/** One feed of an OPML document: an outline with an xmlUrl. */
export interface OpmlFeed {
  /** Absolute http(s) URL of the feed (feed:// rewritten to http://). */
  readonly feedUrl: string;
  /** The outline's text, else its title. */
  readonly title?: string;
  /** The site's URL (htmlUrl), when it is an absolute http(s) URL. */
  readonly homepageUrl?: string;
  readonly description?: string;
  /** The language attribute as written ("ko", "en-us"). */
  readonly language?: string;
  /** Texts of the enclosing folders, outermost first. */
  readonly categories: readonly string[];
}

/** Why an outline was not taken as a feed. */
export type OpmlSkipReason = 'no-xml-url' | 'invalid-xml-url' | 'duplicate' | 'comment';

/** An outline that was left out, with a label (its text or URL) to show the user. */
export interface OpmlSkip {
  readonly reason: OpmlSkipReason;
  readonly label: string;
}

/** A parsed subscription list. */
export interface OpmlDocument {
  readonly title?: string;
  readonly feeds: readonly OpmlFeed[];
  readonly skipped: readonly OpmlSkip[];
}

/** A feed to write into an OPML document. */
export interface OpmlEntry {
  readonly name: string;
  readonly feedUrl: string;
  readonly homepageUrl?: string;
  readonly description?: string;
  readonly lang?: string;
}

type Outline = Opml.Outline<string>;

function decode(body: string | Uint8Array): string {
  const text = typeof body === 'string' ? body : decodeBody(body, { kind: 'xml' }).text;
  return text.replace(/^\uFEFF/, '').trimStart();
}

function whyNotOpml(text: string): string {
  const root = scanProlog(text).rootName?.toLowerCase();
  if (!text) return 'the file is empty';
  if (root === 'html' || /^<!doctype html/i.test(text)) return 'it is an HTML page';
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return `it is a feed (<${root}>), not a subscription list; add it with "lede sources add"`;
  if (!text.startsWith('<')) return 'it is not XML';
  return root ? `its root element is <${root}>, not <opml>` : 'it has no root element';
}

// The XML parser reads a cut-off document without complaint; a subscription list must be whole.
function isComplete(text: string): boolean {
  const tail = text.slice(-65_536).toLowerCase();
  const at = tail.lastIndexOf('</opml');
  if (at < 0) return false;
  const end = tail.indexOf('>', at);
  return end >= 0 && /^(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/.test(tail.slice(end + 1));
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim().replace(/^feed:(?:\/\/)?(?=https?:)/i, '').replace(/^feed:\/\//i, 'http://'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses an OPML document (bytes in any declared charset, or text) into its feeds, folders
 * flattened. Outlines without a usable xmlUrl are listed in `skipped`, not thrown on; a document
 * that is not OPML, or is cut off, throws LedeError('invalid-input', 'opml: …').
 */
export function parseOpml(body: string | Uint8Array): OpmlDocument {
  const text = decode(body);
  const root = scanProlog(text).rootName?.toLowerCase();
  if (root !== 'opml') throw new LedeError('invalid-input', `opml: not an OPML document (${whyNotOpml(text)})`);
  if (!isComplete(text)) throw new LedeError('invalid-input', 'opml: the document is cut off (no closing </opml>)');
  let doc: Opml.Document<string>;
  try {
    doc = parseOpmlXml(stripDoctype(expandInternalEntities(text)));
  } catch (e) {
    // feedsmith answers ParseError for a well-formed <opml> with nothing in it: an empty list.
    if (e instanceof ParseError) return { feeds: [], skipped: [] };
    // feedsmith's message is generic ("Invalid OPML format"); the XML parser's cause says what is wrong.
    const why = [e, e instanceof Error ? e.cause : undefined].filter((x): x is Error => x instanceof Error).map((x) => x.message.split('\n')[0]);
    throw new LedeError('invalid-input', `opml: cannot parse the document (${why.join(': ') || String(e)})`, { cause: e });
  }
  const feeds: OpmlFeed[] = [];
  const skipped: OpmlSkip[] = [];
  const seen = new Set<string>();
  // Iterative, so a deeply nested file cannot overflow the stack here.
  const stack: { outline: Outline; categories: readonly string[] }[] = (doc.body?.outlines ?? []).map((outline) => ({ outline, categories: [] }));
  stack.reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { outline, categories } = item;
    const label = outline.text ?? outline.title;
    const children = outline.outlines ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ outline: children[i]!, categories: label ? [...categories, label] : categories });
    if (outline.isComment) {
      skipped.push({ reason: 'comment', label: label ?? outline.xmlUrl ?? '(untitled)' });
      continue;
    }
    if (!outline.xmlUrl) {
      // An outline with children and no feed is a folder; an empty one is a note or a link.
      if (children.length === 0) skipped.push({ reason: 'no-xml-url', label: label ?? outline.url ?? outline.htmlUrl ?? '(untitled)' });
      continue;
    }
    const feedUrl = httpUrl(outline.xmlUrl);
    if (!feedUrl) {
      skipped.push({ reason: 'invalid-xml-url', label: outline.xmlUrl });
      continue;
    }
    if (seen.has(feedUrl)) {
      skipped.push({ reason: 'duplicate', label: feedUrl });
      continue;
    }
    seen.add(feedUrl);
    const homepageUrl = httpUrl(outline.htmlUrl);
    feeds.push({
      feedUrl,
      categories,
      ...(label ? { title: label } : {}),
      ...(homepageUrl ? { homepageUrl } : {}),
      ...(outline.description ? { description: outline.description } : {}),
      ...(outline.language ? { language: outline.language } : {}),
    });
  }
  return { ...(doc.head?.title ? { title: doc.head.title } : {}), feeds, skipped };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Writes an OPML 2.0 subscription list with one `type="rss"` outline per entry. */
export function generateOpml(entries: readonly OpmlEntry[], opts: { title?: string; dateCreated?: Date } = {}): string {
  const title = opts.title ?? 'Lede sources';
  const dateCreated = opts.dateCreated ?? new Date();
  if (entries.length === 0) {
    // feedsmith refuses a document without outlines; an empty list is still a valid export.
    return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n    <title>${escapeXml(title)}</title>\n    <dateCreated>${dateCreated.toUTCString()}</dateCreated>\n  </head>\n  <body/>\n</opml>\n`;
  }
  const outlines: Outline[] = entries.map((e) => ({
    text: e.name,
    title: e.name,
    type: 'rss',
    xmlUrl: e.feedUrl,
    ...(e.homepageUrl ? { htmlUrl: e.homepageUrl } : {}),
    ...(e.description ? { description: e.description } : {}),
    ...(e.lang ? { language: e.lang } : {}),
  }));
  return generateOpmlXml({ head: { title, dateCreated }, body: { outlines } });
}
