// Decides whether a response's media type is what the caller asked for, sniffing the body
// where the header is missing or generic (text/plain, application/octet-stream).

/** Which content a fetch accepts: an HTML page, a feed, or anything. */
export type AcceptKind = 'html' | 'feed' | 'any';

/** The verdict on a Content-Type before the body is read. */
export type TypeVerdict = 'accept' | 'reject' | 'sniff';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set([
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml',
  'application/feed+json', 'application/json', 'text/json', 'application/x-rss+xml', 'application/rss',
  'text/rss+xml', 'text/atom+xml', 'application/x-atom+xml', 'application/x.atom+xml', 'text/rdf+xml',
]);
const GENERIC_TYPES = new Set(['', 'text/plain', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'unknown/unknown']);

/** The media type of a Content-Type header, lower-cased and without parameters ("" when missing). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Judges a media type against what is accepted: accept, reject, or sniff the body first. */
export function judgeMediaType(accept: AcceptKind, mediaType: string): TypeVerdict {
  if (accept === 'any') return 'accept';
  if (accept === 'html') {
    if (HTML_TYPES.has(mediaType)) return 'accept';
    return mediaType === '' ? 'sniff' : 'reject';
  }
  if (FEED_TYPES.has(mediaType) || /\+xml$|\+json$/.test(mediaType)) return 'accept';
  return GENERIC_TYPES.has(mediaType) ? 'sniff' : 'reject';
}

function head(bytes: Uint8Array): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.byteLength - start, 2048))
    .toString('latin1')
    .trimStart()
    .toLowerCase();
}

/** True when the body starts like an HTML document (WHATWG MIME sniffing, simplified). */
export function sniffsAsHtml(bytes: Uint8Array): boolean {
  const h = head(bytes).replace(/^(?:<!--[\s\S]*?-->\s*)+/, '');
  return /^<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p)[\s>]/.test(h);
}

/** True when the body starts like an RSS, Atom, RDF or JSON feed. */
export function sniffsAsFeed(bytes: Uint8Array): boolean {
  const h = head(bytes);
  if (h.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(h);
  // Skip the XML declaration, comments, processing instructions and a doctype before the root.
  const body = h.replace(/^(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)\s*)+/, '');
  return /^<(?:rss|feed|rdf:rdf|[a-z0-9_-]+:rdf)[\s>]/.test(body);
}

/** Final verdict for a sniffed body: is it acceptable for `accept`? */
export function sniffAccepts(accept: AcceptKind, bytes: Uint8Array): boolean {
  if (accept === 'any') return true;
  return accept === 'html' ? sniffsAsHtml(bytes) : sniffsAsFeed(bytes);
}

/** The document kind used to find an in-document charset declaration. */
export function documentKind(mediaType: string, bytes: Uint8Array): 'html' | 'xml' | 'json' | 'unknown' {
  if (HTML_TYPES.has(mediaType)) return mediaType === 'text/html' ? 'html' : 'unknown';
  if (/json/.test(mediaType)) return 'json';
  if (/xml/.test(mediaType)) return 'xml';
  if (sniffsAsHtml(bytes)) return 'html';
  if (sniffsAsFeed(bytes)) return head(bytes).startsWith('{') ? 'json' : 'xml';
  return 'unknown';
}
