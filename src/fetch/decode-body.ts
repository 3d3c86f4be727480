// Decodes fetched bytes to text. The charset comes from, in order: a byte-order mark (it
// describes the bytes themselves, so it wins as in the WHATWG encoding sniffing algorithm), the
// Content-Type charset, the document's own declaration (<meta> for HTML, the XML declaration for
// XML; not when it names a legacy charset for bytes that are valid UTF-8) and finally UTF-8 — with
// a windows-1252 fallback when undeclared bytes are not UTF-8.
import { decodeEucKr } from './euc-kr-decode.ts';

/** What kind of document the bytes are, which decides where an in-document declaration is looked for. */
export type DocumentKind = 'html' | 'xml' | 'json' | 'unknown';

/** Where the charset used for decoding came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml-declaration' | 'sniffed' | 'default';

/** Decoded text with the WHATWG name of the encoding used. */
export interface DecodedBody {
  readonly text: string;
  readonly charset: string;
  readonly source: CharsetSource;
}

// Labels seen in the wild that the WHATWG Encoding Standard does not list.
const EXTRA_LABELS: Readonly<Record<string, string>> = {
  cp949: 'euc-kr',
  'x-windows-949': 'euc-kr',
  uhc: 'euc-kr',
  'ks_c_5601': 'euc-kr',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
  sjis: 'shift_jis',
  cp936: 'gbk',
  'x-gbk': 'gbk',
  cp950: 'big5',
  'big5-hkscs': 'big5',
  'utf8': 'utf-8',
  'utf-32': 'utf-32le',
  'utf-32le': 'utf-32le',
  'utf-32be': 'utf-32be',
  'ucs-4': 'utf-32be',
};

/** Maps a charset label to its WHATWG encoding name ("ks_c_5601-1987" → "euc-kr"), or undefined when unknown. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const clean = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (!clean) return undefined;
  const extra = EXTRA_LABELS[clean];
  if (extra) return extra;
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return undefined;
  }
}

/** Reads the charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2];
}

function bomCharset(b: Uint8Array): { charset: string; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { charset: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { charset: 'utf-32le', length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

// XML 1.0 appendix F: an XML document without a BOM announces UTF-16/32 by the layout of "<?".
function sniffXmlWideCharset(b: Uint8Array): string | undefined {
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e === 0x3c) return 'utf-32be';
  if (a === 0x3c && c === 0 && d === 0 && e === 0) return 'utf-32le';
  if (a === 0 && c === 0x3c && d === 0 && e === 0x3f) return 'utf-16be';
  if (a === 0x3c && c === 0 && d === 0x3f && e === 0) return 'utf-16le';
  return undefined;
}

function asciiPrefix(b: Uint8Array, max: number): string {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, max)).toString('latin1');
}

/** The encoding named by an XML declaration at the start of the document, if any. */
export function xmlDeclarationCharset(head: string): string | undefined {
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1];
}

/** The charset named by `<meta charset>` or `<meta http-equiv="content-type">` in an HTML head. */
export function metaCharset(head: string): string | undefined {
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2] ?? '';
      const cs = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(content)?.[1];
      if (cs) return cs;
    }
    if (direct) return direct[1];
  }
  return undefined;
}

function decodeUtf32(b: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 3 < b.byteLength; i += 4) {
    const cp = view.getUint32(i, !bigEndian);
    chunk.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes bytes with a WHATWG encoding name (plus utf-32le/be); a leading BOM is dropped. */
export function decodeWith(bytes: Uint8Array, charset: string, fatal = false): string {
  if (charset === 'utf-32le' || charset === 'utf-32be') return decodeUtf32(bytes, charset === 'utf-32be');
  // ICU's euc-kr lacks the Windows-949 syllables the WHATWG standard includes (euc-kr-decode.ts).
  if (charset === 'euc-kr' && !fatal) return decodeEucKr(bytes);
  return new TextDecoder(charset, { fatal }).decode(bytes);
}

// A declared UTF-16 in an ASCII-compatible document cannot be true (the declaration was read as
// ASCII), so it is treated as UTF-8, as the HTML standard does for <meta>.
function fixDeclared(cs: string | undefined): string | undefined {
  if (cs === 'utf-16le' || cs === 'utf-16be' || cs === 'utf-32le' || cs === 'utf-32be') return 'utf-8';
  if (cs === 'replacement') return undefined;
  return cs;
}

/** Picks the charset for `bytes` without decoding them. */
export function detectCharset(
  bytes: Uint8Array,
  opts: { contentType?: string; kind?: DocumentKind } = {},
): { charset: string; source: CharsetSource; bomLength: number } {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom.charset, source: 'bom', bomLength: bom.length };
  const header = normalizeCharset(charsetFromContentType(opts.contentType));
  if (header && header !== 'replacement') return { charset: header, source: 'header', bomLength: 0 };
  const kind = opts.kind ?? 'unknown';
  if (kind === 'json') return { charset: 'utf-8', source: 'default', bomLength: 0 };
  if (kind === 'xml' || kind === 'unknown') {
    const wide = sniffXmlWideCharset(bytes);
    if (wide) return { charset: wide, source: 'sniffed', bomLength: 0 };
    const head = asciiPrefix(bytes, 1024);
    const declared = fixDeclared(normalizeCharset(xmlDeclarationCharset(head)));
    if (declared) return { charset: declared, source: 'xml-declaration', bomLength: 0 };
  }
  if (kind === 'html' || kind === 'unknown') {
    const declared = fixDeclared(normalizeCharset(metaCharset(asciiPrefix(bytes, 4096))));
    if (declared) return { charset: declared, source: 'meta', bomLength: 0 };
  }
  return { charset: 'utf-8', source: 'default', bomLength: 0 };
}

/** Decodes a body to text using the detected charset (see the file comment for the order). */
export function decodeBody(
  bytes: Uint8Array,
  opts: { contentType?: string; kind?: DocumentKind } = {},
): DecodedBody {
  const { charset, source } = detectCharset(bytes, opts);
  if (source === 'default') {
    try {
      return { text: decodeWith(bytes, 'utf-8', true), charset, source };
    } catch {
      // Undeclared and not UTF-8: legacy Western pages and feeds are far the most common case.
      return { text: decodeWith(bytes, 'windows-1252'), charset: 'windows-1252', source: 'sniffed' };
    }
  }
  // A legacy charset the document declares for bytes that are valid UTF-8 with text beyond ASCII is
  // a stale declaration (a page saved or served as UTF-8 that still says "euc-kr"): legacy
  // multibyte text is almost never valid UTF-8, so the bytes are read as what they are. A charset
  // the server sends in the header is taken at its word.
  if ((source === 'meta' || source === 'xml-declaration') && charset !== 'utf-8' && hasMultibyteUtf8(bytes)) {
    try {
      return { text: decodeWith(bytes, 'utf-8', true), charset: 'utf-8', source: 'sniffed' };
    } catch {
      // Not UTF-8 after all: the declaration stands.
    }
  }
  return { text: decodeWith(bytes, charset), charset, source };
}

/** True when `bytes` hold a UTF-8 lead byte followed by a continuation byte (text beyond ASCII, if it is UTF-8). */
function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i]! >= 0xc2 && bytes[i]! <= 0xf4 && (bytes[i + 1]! & 0xc0) === 0x80) return true;
  return false;
}
