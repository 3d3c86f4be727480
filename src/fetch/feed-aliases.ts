// Renames the non-standard element spellings real feeds use for standard fields into the names
// the XML parser reads, before parsing. feedsmith drops elements it does not know, so an alias
// left alone is a field lost (and an item holding only aliases is an item lost). Every rewrite is
// guarded by a cheap substring test, so feeds without the alias pay one `includes` per rule.

/** The name of the document's first start tag, after the prolog (XML declaration, comments, doctype). */
export function rootTag(xml: string): string | undefined {
  return /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>))*\s*<([\w.:-]+)/i.exec(xml)?.[1];
}

/**
 * RSS whose elements all carry a prefix (`<r:rss xmlns:r="http://backend.userland.com/rss2">`):
 * the RSS elements are read without it. Only the root's own prefix is removed.
 */
export function unprefixRss(xml: string, root: string): string {
  const m = /^([\w.-]+):rss$/i.exec(root);
  if (!m) return xml;
  const prefix = m[1]!.replace(/[.-]/g, '\\$&');
  return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
}

/** RSS 0.9x without `<channel>` (items directly under `<rss>`): the root's content is wrapped in one. */
export function wrapChannel(xml: string): string {
  if (/<channel[\s>]/i.test(xml)) return xml;
  return xml.replace(/(<rss(?:\s[^>]*)?>)([\s\S]*)(<\/rss\s*>)/i, '$1<channel>$2</channel>$3');
}

/**
 * RSS: `<dc:author>` is read as `<dc:creator>`, and a channel-level `<author>` (before the first
 * item) as `<managingEditor>` when the channel has none. Item-level `<author>` is standard RSS 2.0.
 */
export function mapRssAuthors(xml: string): string {
  let out = xml;
  if (out.includes('<dc:author')) out = out.replace(/<(\/?)dc:author(?=[\s>/])/g, '<$1dc:creator');
  const firstItem = out.search(/<item[\s>]/);
  const head = firstItem < 0 ? out : out.slice(0, firstItem);
  if (head.includes('<author') && !head.includes('<managingEditor')) {
    const fixed = head.replace(/<author(\s[^>]*)?>([\s\S]*?)<\/author\s*>/, '<managingEditor$1>$2</managingEditor>');
    out = fixed + (firstItem < 0 ? '' : out.slice(firstItem));
  }
  return out;
}

/**
 * iTunes: `<itunes:image url>` (instead of `href`) and the old `<itunes:link rel="image">` are
 * read as `<itunes:image href>`; item `<itunes:category text>` (nested ones too) become item
 * categories, which the parser reads only at channel level.
 */
export function mapItunesAliases(xml: string): string {
  if (!xml.includes('<itunes:')) return xml;
  let out = xml;
  // Renamed only when there is no href: a duplicate attribute would make the document unreadable.
  if (/<itunes:image(?:\s[^>]*)?\surl\s*=/.test(out)) {
    out = out.replace(/<itunes:image\s[^>]*>/g, (tag) => (/\shref\s*=/.test(tag) ? tag : tag.replace(/\surl(\s*=)/, ' href$1')));
  }
  if (out.includes('<itunes:link')) {
    out = out.replace(/<itunes:link\s+rel=(["'])image\1\s+href=(["'][^"']*["'])\s*(?:\/>|>\s*<\/itunes:link\s*>)/g, '<itunes:image href=$2/>');
  }
  const firstItem = out.indexOf('<item');
  if (firstItem >= 0 && out.includes('<itunes:category', firstItem)) {
    out = out.replace(/<item[\s>][\s\S]*?<\/item\s*>/gi, (item) =>
      item
        .replace(/<itunes:category\s+text=(["'])([^"']*)\1\s*\/?>/g, '<category>$2</category>')
        .replace(/<\/itunes:category\s*>/g, ''),
    );
  }
  return out;
}

/** Atom 0.3: a person's `<homepage>` is its `<url>`. */
export function mapAtomPersonAliases(xml: string): string {
  if (!xml.includes('<homepage')) return xml;
  return xml.replace(/<(author|contributor)(\s[^>]*)?>[\s\S]*?<\/\1\s*>/g, (person) =>
    person.replace(/<(\/?)homepage(?=[\s>])/g, '<$1url'));
}

/** Applies the alias rewrites that fit the document's root element. */
export function mapFeedAliases(xml: string): string {
  const root = rootTag(xml);
  if (!root) return xml;
  if (/^feed$/i.test(root)) return mapAtomPersonAliases(xml);
  if (!/(?:^|:)rss$/i.test(root)) return xml;
  const plain = unprefixRss(xml, root);
  return mapItunesAliases(mapRssAuthors(wrapChannel(plain)));
}
