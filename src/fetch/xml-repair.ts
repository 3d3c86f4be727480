// Small, bounded repairs applied to feed XML before parsing, for breakage seen in real feeds
// that the XML parser would otherwise reject or misread.

const MAX_ENTITIES = 64;
const MAX_ENTITY_VALUE = 1024;
// Total growth allowed from expansion: a small entity referenced a million times (the quadratic
// blowup) stops being expanded here; the references are then left as they are.
const MAX_EXPANSION_GROWTH = 256 * 1024;

/** Closes a final end tag truncated before its ">" ("</rss" at end of file). */
export function closeTruncatedEndTag(xml: string): string {
  return /<\/[\w:.-]+\s*$/.test(xml) ? `${xml.trimEnd()}>` : xml;
}

/**
 * Expands internal DTD entities (`<!ENTITY id "tag:example.com,">`) once, without recursion:
 * replacement texts are not re-scanned, so entity bombs cannot grow, and SYSTEM/PUBLIC (external)
 * entities are never read (no XXE). The doctype itself is left for the parser to skip.
 */
export function expandInternalEntities(xml: string): string {
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml.slice(0, 65_536));
  if (!doctype) return xml;
  const entities = new Map<string, string>();
  const decl = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([\s\S]*?)\2\s*>/g;
  for (const m of doctype[1]!.matchAll(decl)) {
    if (entities.size >= MAX_ENTITIES) break;
    if (m[3]!.length > MAX_ENTITY_VALUE || m[3]!.includes('&')) continue;
    entities.set(m[1]!, m[3]!);
  }
  if (entities.size === 0) return xml;
  const end = doctype.index + doctype[0].length;
  let budget = MAX_EXPANSION_GROWTH;
  const body = xml.slice(end).replace(/&([A-Za-z_][\w.-]*);/g, (all, name: string) => {
    const value = entities.get(name);
    if (value === undefined || value.length - all.length > budget) return all;
    budget -= Math.max(0, value.length - all.length);
    return value;
  });
  return xml.slice(0, end) + body;
}

// Applies `fn` to the parts of the document outside CDATA sections and comments.
function outsideCdata(xml: string, fn: (part: string) => string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 0 ? fn(part) : part))
    .join('');
}

/**
 * Maps the pre-standard RSS full-content elements (`<xhtml:body>`, `<body>`, `<fullitem>`) to
 * `<content:encoded>`, which the parser reads; only in RSS documents that do not use it already.
 */
export function mapLegacyRssContent(xml: string): string {
  if (!/<rss[\s>]/i.test(xml.slice(0, 4096)) || /<content:encoded[\s>]/i.test(xml)) return xml;
  if (!/<\/?(?:xhtml:body|body|fullitem)[\s>]/i.test(xml)) return xml;
  return outsideCdata(xml, (part) =>
    part
      .replace(/<(?:xhtml:body|body|fullitem)(?:\s[^>]*)?>/gi, '<content:encoded>')
      .replace(/<\/(?:xhtml:body|body|fullitem)\s*>/gi, '</content:encoded>'),
  );
}

/** Applies every repair in order. */
export function repairXml(xml: string): string {
  return mapLegacyRssContent(expandInternalEntities(closeTruncatedEndTag(xml)));
}
