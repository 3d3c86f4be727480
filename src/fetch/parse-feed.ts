// Parses RSS 0.9x/2.0, Atom 0.3/1.0, RDF and JSON Feed into the canonical Feed record.
// feedsmith reads each format into its own type; one adapter per format maps it to Feed.
import { parseFeed as parseAnyFeed, detectAtomFeed, detectRdfFeed, detectRssFeed, DetectError, ParseError, type AnyFeed } from 'feedsmith';
import type { Feed } from '../core/records.ts';
import { FeedParseError } from '../core/errors.ts';
import { decodeBody } from './decode-body.ts';
import { adaptAtomFeed } from './atom-feed-adapter.ts';
import { adaptJsonFeed } from './json-feed-adapter.ts';
import { adaptRdfFeed } from './rdf-feed-adapter.ts';
import { adaptRssFeed } from './rss-feed-adapter.ts';
import { repairXml } from './xml-repair.ts';

/** Options for parseFeed. */
export interface ParseFeedOptions {
  /** The URL the feed was fetched from: the base for relative links. */
  url?: string;
  /** The Content-Type header, whose charset parameter decides how bytes are decoded. */
  contentType?: string;
}

function decode(body: string | Uint8Array, contentType: string | undefined): string {
  if (typeof body === 'string') return body;
  let i = 0;
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x0a || body[i] === 0x0d || body[i] === 0x09)) i++;
  const kind = body[i] === 0x7b ? 'json' : 'xml';
  return decodeBody(body, { contentType, kind }).text;
}

function whyNotAFeed(text: string): string {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (!head) return 'empty body';
  if (/^(?:<!doctype html|<html)/.test(head) || /<(?:head|body)[\s>]/.test(head)) return 'looks like an HTML page';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON without a JSON Feed version';
  if (!head.startsWith('<')) return 'no XML or JSON document';
  return 'no rss, feed, rdf:RDF or JSON Feed root';
}

function emptyFeedFormat(xml: string): Feed['format'] | undefined {
  if (detectRssFeed(xml)) return 'rss';
  if (detectAtomFeed(xml)) return 'atom';
  if (detectRdfFeed(xml)) return 'rdf';
  return undefined;
}

/**
 * Parses a feed (bytes or text) into a Feed; throws FeedParseError when the input is not a feed.
 * FeedParseError is the only error it throws: anything else escaping the decoder, the XML parser
 * or an adapter (a bug, a stack overflow on absurd nesting) is wrapped, with the original as cause.
 */
export async function parseFeed(body: string | Uint8Array, opts: ParseFeedOptions = {}): Promise<Feed> {
  try {
    return parseFeedText(body, opts);
  } catch (e) {
    if (e instanceof FeedParseError) throw e;
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new FeedParseError(`feed: cannot parse feed (${msg})`, { cause: e });
  }
}

function parseFeedText(body: string | Uint8Array, opts: ParseFeedOptions): Feed {
  const text = decode(body, opts.contentType).replace(/^\uFEFF/, '').trimStart();
  if (!text) throw new FeedParseError('feed: not a feed (empty body)');
  const source = text.startsWith('<') ? repairXml(text) : text;
  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed<string>(source);
  } catch (e) {
    // feedsmith rejects a recognised feed that has no element it knows ("<rss version="2.0"/>"):
    // that is an empty feed, not an error.
    const empty = e instanceof ParseError ? emptyFeedFormat(source) : undefined;
    if (empty) return { format: empty, authors: [], entries: [] };
    if (e instanceof DetectError) throw new FeedParseError(`feed: not a feed (${whyNotAFeed(text)})`, { cause: e });
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new FeedParseError(`feed: cannot parse feed (${msg})`, { cause: e });
  }
  const url = opts.url;
  switch (parsed.format) {
    case 'rss':
      return adaptRssFeed(parsed.feed, url);
    case 'atom':
      return adaptAtomFeed(parsed.feed, url);
    case 'rdf':
      return adaptRdfFeed(parsed.feed, url);
    case 'json':
      return adaptJsonFeed(parsed.feed, url);
  }
}
