// Renames the non-standard element spellings real feeds use for standard fields into the names
// the XML parser reads, before parsing. feedsmith drops elements it does not know, so an alias
// left alone is a field lost (and an item holding only aliases is an item lost). Every rewrite is
// guarded by a cheap substring test, so feeds without the alias pay one `includes` per rule.

import { scanProlog } from './feed-prolog.ts';

/** The name of the document's first start tag, after the prolog (XML declaration, comments, doctype). */
export function rootTag(xml: string): string | undefined {
  return scanProlog(xml).rootName;
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
  const open = /<rss(?:\s[^<>]*)?>/.exec(xml.slice(0, 65_536));
  const close = xml.lastIndexOf('</rss');
  if (!open || close < open.index) return xml;
  const start = open.index + open[0].length;
  return `${xml.slice(0, start)}<channel>${xml.slice(start, close)}</channel>${xml.slice(close)}`;
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
  const open = head.includes('<managingEditor') ? null : /<author(\s[^<>]*)?>/.exec(head);
  const close = open ? head.indexOf('</author', open.index) : -1;
  if (open && close > 0) {
    const end = head.indexOf('>', close) + 1;
    const fixed = `${head.slice(0, open.index)}<managingEditor${open[1] ?? ''}>${head.slice(open.index + open[0].length, close)}</managingEditor>${head.slice(end)}`;
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
  if (/<itunes:image(?:\s[^<>]*)?\surl\s*=/.test(out)) {
    out = out.replace(/<itunes:image\s[^<>]*>/g, (tag) => (/\shref\s*=/.test(tag) ? tag : tag.replace(/\surl(\s*=)/, ' href$1')));
  }
  if (out.includes('<itunes:link')) {
    out = out.replace(/<itunes:link\s+rel=(["'])image\1\s+href=(["'][^"']*["'])\s*(?:\/>|>\s*<\/itunes:link\s*>)/g, '<itunes:image href=$2/>');
  }
  // Channel categories come before the first item; everything after it belongs to items.
  const firstItem = out.indexOf('<item');
  if (firstItem >= 0 && out.includes('<itunes:category', firstItem)) {
    const items = out
      .slice(firstItem)
      // Every start tag is replaced and every end tag dropped, so the result stays balanced
      // whatever the attributes look like.
      .replace(/<itunes:category(?:\s[^<>]*)?>/g, (tag) => {
        const text = /\stext\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
        const value = text?.[1] ?? text?.[2];
        return value?.trim() ? `<category>${value}</category>` : '';
      })
      .replace(/<\/itunes:category\s*>/g, '');
    out = out.slice(0, firstItem) + items;
  }
  return out;
}

/** Atom 0.3: a person's `<homepage>` is its `<url>` (no Atom element is called homepage). */
export function mapAtomPersonAliases(xml: string): string {
  if (!xml.includes('<homepage')) return xml;
  return xml.replace(/<(\/?)homepage(?=[\s>])/g, '<$1url');
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
