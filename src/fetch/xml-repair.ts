// Small, bounded repairs applied to feed XML before parsing, for breakage seen in real feeds
// that the XML parser would otherwise reject or misread.
import { mapFeedAliases } from './feed-aliases.ts';
import { closeTruncatedDocument } from './feed-truncated.ts';
import { scanProlog, type Doctype } from './feed-prolog.ts';

const MAX_ENTITIES = 64;
const MAX_ENTITY_VALUE = 1024;
// Total growth allowed from expansion: a small entity referenced a million times (the quadratic
// blowup) stops being expanded here; the references are then left as they are.
const MAX_EXPANSION_GROWTH = 256 * 1024;

// The DOCTYPE is only recognised in the prolog: "<!DOCTYPE" inside content (a CDATA section) is text.
function findDoctype(xml: string): Doctype | undefined {
  return scanProlog(xml).doctype;
}

/**
 * Expands internal DTD entities (`<!ENTITY id "tag:example.com,">`) once, without recursion:
 * replacement texts are not re-scanned, so entity bombs cannot grow, and SYSTEM/PUBLIC (external)
 * entities are never read (no XXE). The doctype is then removed (see stripDoctype).
 */
export function expandInternalEntities(xml: string): string {
  const doctype = findDoctype(xml);
  if (!doctype?.subset) return xml;
  const entities = new Map<string, string>();
  // Values are bounded in the pattern itself: an unterminated quote cannot make each declaration scan to the end.
  const decl = new RegExp(`<!ENTITY\\s+([A-Za-z_][\\w.-]*)\\s+(?:"([^"]{0,${MAX_ENTITY_VALUE}})"|'([^']{0,${MAX_ENTITY_VALUE}})')\\s*>`, 'g');
  for (const m of doctype.subset.matchAll(decl)) {
    if (entities.size >= MAX_ENTITIES) break;
    const value = m[2] ?? m[3] ?? '';
    if (value.includes('&')) continue;
    entities.set(m[1]!, value);
  }
  if (entities.size === 0) return xml;
  const end = doctype.index + doctype.text.length;
  let budget = MAX_EXPANSION_GROWTH;
  const body = xml.slice(end).replace(/&([A-Za-z_][\w.-]*);/g, (all, name: string) => {
    const value = entities.get(name);
    if (value === undefined || value.length - all.length > budget) return all;
    budget -= Math.max(0, value.length - all.length);
    return value;
  });
  return xml.slice(0, end) + body;
}

/**
 * Removes the document type declaration. Its internal entities are expanded above and external
 * DTDs are never read, so it has no use left, while the parser rejects some valid internal
 * subsets (parameter entities such as `%HTMLlat1;`) and would otherwise see the entity bombs.
 */
export function stripDoctype(xml: string): string {
  const d = findDoctype(xml);
  return d ? xml.slice(0, d.index) + xml.slice(d.index + d.text.length) : xml;
}

// Applies `fn` to the parts of the document outside CDATA sections and comments.
// Found by indexOf jumps: a lazy regex would rescan to the end for every unterminated "<![CDATA[".
function outsideCdata(xml: string, fn: (part: string) => string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const cdata = xml.indexOf('<![CDATA[', from);
    const comment = xml.indexOf('<!--', from);
    const at = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
    if (at < 0) return out + fn(xml.slice(from));
    const end = at === cdata ? xml.indexOf(']]>', at) : xml.indexOf('-->', at);
    if (end < 0) return out + fn(xml.slice(from, at)) + xml.slice(at);
    const stop = end + 3;
    out += fn(xml.slice(from, at)) + xml.slice(at, stop);
    from = stop;
  }
}

/**
 * Maps the pre-standard RSS full-content elements (`<xhtml:body>`, `<body>`, `<fullitem>`) to
 * `<content:encoded>`, which the parser reads; only in RSS documents that do not use it already.
 */
export function mapLegacyRssContent(xml: string): string {
  if (!/<rss[\s>]/i.test(xml.slice(0, 4096)) || xml.includes('<content:encoded')) return xml;
  if (!/<\/?(?:xhtml:body|body|fullitem)[\s>]/i.test(xml)) return xml;
  return outsideCdata(xml, (part) =>
    part
      .replace(/<(?:xhtml:body|body|fullitem)(?:\s[^<>]*)?>/gi, '<content:encoded>')
      .replace(/<\/(?:xhtml:body|body|fullitem)\s*>/gi, '</content:encoded>'),
  );
}

// Atom text constructs and content, with any namespace prefix.
const TEXT_CONSTRUCT = /<((?:[\w.-]+:)?(?:title|subtitle|tagline|summary|content|rights|copyright|info))(\s[^<>]*)>([^<]*)<\/\1\s*>/g;
// Starts with literals so the engine can skip ahead; XML attribute names are case-sensitive.
const BASE64_HINT = /mode\s*=\s*["']base64|type\s*=\s*["'](?:application|image|audio|video|model|font|multipart)\/(?![^"']*xml)/;
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]+$/;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(["'])([^"']*)\\1`, 'i').exec(attrs)?.[2]?.trim().toLowerCase();
}

function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Decodes base64 Atom content in place: Atom 0.3 `mode="base64"`, and Atom 1.0 content whose
 * `type` is a MIME type that is neither text nor XML (RFC 4287 §4.1.3.3, rule 5). The decoded
 * text is re-escaped, so it reaches the adapter as the construct's ordinary value.
 */
export function decodeBase64Constructs(xml: string): string {
  if (!BASE64_HINT.test(xml)) return xml;
  return xml.replace(TEXT_CONSTRUCT, (all, name: string, attrs: string, body: string) => {
    const mode = attr(attrs, 'mode');
    const type = attr(attrs, 'type');
    const mimeBinary = type !== undefined && type.includes('/') && !type.startsWith('text/') && !/[/+]xml$/.test(type);
    if ((mode !== 'base64' && !mimeBinary) || !BASE64_TEXT.test(body)) return all;
    const decoded = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    // Binary MIME content has no markup semantics: it is kept as text. A mode="base64" construct keeps its type.
    const rest = attrs.replace(/\s(?:mode|type)\s*=\s*(["'])[^"']*\1/gi, '');
    const newType = mimeBinary ? 'text' : type;
    return `<${name}${rest}${newType ? ` type="${newType}"` : ''}>${escapeXmlText(decoded)}</${name}>`;
  });
}

/** Applies every repair in order. */
export function repairXml(xml: string): string {
  const complete = closeTruncatedDocument(stripDoctype(expandInternalEntities(xml)));
  return decodeBase64Constructs(mapFeedAliases(mapLegacyRssContent(complete)));
}
