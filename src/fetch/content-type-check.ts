// Decides whether a response's media type is what the caller asked for, sniffing the body
// where the header is missing or generic (text/plain, application/octet-stream). Images are
// always sniffed: their magic bytes, not the header, decide what they are (issue #7, media proxy).

/** Which content a fetch accepts: an HTML page, a feed, a raster image, or anything. */
export type AcceptKind = 'html' | 'feed' | 'image' | 'any';

/** The verdict on a Content-Type before the body is read. */
export type TypeVerdict = 'accept' | 'reject' | 'sniff';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set([
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml',
  'application/feed+json', 'application/json', 'text/json', 'application/x-rss+xml', 'application/rss',
  'text/rss+xml', 'text/atom+xml', 'application/x-atom+xml', 'application/x.atom+xml', 'text/rdf+xml',
]);
const GENERIC_TYPES = new Set(['', 'text/plain', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'unknown/unknown']);
// Raster types only: image/svg+xml is left out on purpose, an SVG document can carry script.
const IMAGE_TYPES = new Set([
  'image/jpeg', 'image/jpg', 'image/pjpeg', 'image/png', 'image/apng', 'image/gif', 'image/webp', 'image/avif',
  'image/bmp', 'image/x-bmp', 'image/x-ms-bmp', 'image/x-icon', 'image/vnd.microsoft.icon',
]);

/** The media type of a Content-Type header, lower-cased and without parameters ("" when missing). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Judges a media type against what is accepted: accept, reject, or sniff the body first. */
export function judgeMediaType(accept: AcceptKind, mediaType: string): TypeVerdict {
  if (accept === 'any') return 'accept';
  if (accept === 'image') return IMAGE_TYPES.has(mediaType) || GENERIC_TYPES.has(mediaType) ? 'sniff' : 'reject';
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

/** The raster image type the magic bytes announce (WHATWG MIME sniffing, image patterns), or undefined. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const at = (offset: number, ...sig: number[]): boolean => sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (offset: number, text: string): boolean => at(offset, ...Array.from(text, (ch) => ch.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBPVP')) return 'image/webp';
  if (at(0, 0x00, 0x00, 0x01, 0x00) || at(0, 0x00, 0x00, 0x02, 0x00)) return 'image/x-icon';
  if (ascii(0, 'BM') && bytes.byteLength >= 26 && [12, 40, 52, 56, 64, 108, 124].includes(readUint32Le(bytes, 14))) return 'image/bmp';
  if (ascii(4, 'ftyp') && isAvifBox(bytes)) return 'image/avif';
  return undefined;
}

function readUint32Le(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8) | ((bytes[offset + 2] ?? 0) << 16)) + (bytes[offset + 3] ?? 0) * 0x1000000;
}

// An ISO-BMFF "ftyp" box whose major or a compatible brand is AVIF (HEIC and MP4 are not images we pass).
function isAvifBox(bytes: Uint8Array): boolean {
  const size = (((bytes[0] ?? 0) << 24) >>> 0) + ((bytes[1] ?? 0) << 16) + ((bytes[2] ?? 0) << 8) + (bytes[3] ?? 0);
  const end = Math.min(size, bytes.byteLength, 256);
  if (size < 16 || size % 4 !== 0) return false;
  for (let i = 8; i + 4 <= end; i += 4) {
    if (i === 12) continue; // the minor version, not a brand
    const brand = String.fromCharCode(bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

/** Final verdict for a sniffed body: is it acceptable for `accept`? */
export function sniffAccepts(accept: AcceptKind, bytes: Uint8Array): boolean {
  if (accept === 'any') return true;
  if (accept === 'image') return sniffImageType(bytes) !== undefined;
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

/** The Accept header of a request for `accept`. */
export function acceptHeader(accept: AcceptKind): string {
  if (accept === 'html') return 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
  if (accept === 'image') return 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';
  if (accept === 'feed') {
    return 'application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,application/xml;q=0.8,text/xml;q=0.8,application/json;q=0.7,*/*;q=0.1';
  }
  return '*/*';
}

/** The media type of a body whose type was sniffed as `kind`. */
export function sniffedType(kind: 'html' | 'xml' | 'json' | 'unknown'): string {
  return kind === 'html' ? 'text/html' : kind === 'xml' ? 'application/xml' : kind === 'json' ? 'application/json' : 'application/octet-stream';
}

/** What `accept` asks for, in words (error messages). */
export function describeAccept(accept: AcceptKind): string {
  return accept === 'html' ? 'an HTML page' : accept === 'feed' ? 'a feed' : accept === 'image' ? 'a raster image' : 'a document';
}
