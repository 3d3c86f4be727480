// Recovers feeds cut off mid-document (a dropped connection, a size cap, a crashed generator):
// the XML parser rejects the whole document, though every complete item before the cut is fine.
// The cut is trimmed back to the last complete token and the still-open elements are closed.
import { rootTag } from './feed-aliases.ts';

// One markup token: CDATA, comment, PI, declaration, or a start/end/empty-element tag.
const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g;
// Bounds the open-element stack: deeper documents are left to the parser as they are.
const MAX_DEPTH = 256;

// Where the document stops being complete: before an unterminated CDATA section, comment or tag.
function completeLength(xml: string): number {
  let end = xml.length;
  const cdata = xml.lastIndexOf('<![CDATA[');
  if (cdata >= 0 && xml.indexOf(']]>', cdata) < 0) end = cdata;
  const comment = xml.lastIndexOf('<!--', end);
  if (comment >= 0 && xml.indexOf('-->', comment) < 0) end = Math.min(end, comment);
  const lt = xml.lastIndexOf('<', end - 1);
  if (lt >= 0 && xml.indexOf('>', lt) < 0) end = Math.min(end, lt);
  // A character or entity reference cut in half ("&am").
  const amp = /&#?\w*$/.exec(xml.slice(Math.max(0, end - 32), end));
  return amp ? end - amp[0].length : end;
}

/**
 * Closes a document truncated before its root end tag: drops the incomplete last token and
 * appends end tags for the elements still open. Complete documents are returned unchanged.
 */
export function closeTruncatedDocument(xml: string): string {
  const root = rootTag(xml);
  if (!root) return xml;
  const trimmed = xml.trimEnd();
  if (trimmed.endsWith(`</${root}>`) || new RegExp(`</${root.replace(/[.-]/g, '\\$&')}\\s*>$`).test(trimmed.slice(-300))) return xml;
  const kept = trimmed.slice(0, completeLength(trimmed));
  const open: string[] = [];
  for (const m of kept.matchAll(TOKEN)) {
    const name = m[2];
    if (!name || m[3]) continue;
    if (!m[1]) {
      if (open.length >= MAX_DEPTH) return xml;
      open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at >= 0) open.length = at;
  }
  // A self-closed or already-closed root is complete; whatever follows it is not the parser's concern.
  if (open.length === 0) return xml;
  return kept + open.reverse().map((n) => `</${n}>`).join('');
}
