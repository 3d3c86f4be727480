// Recovers feeds cut off mid-document (a dropped connection, a size cap, a crashed generator):
// the XML parser rejects the whole document, though every complete item before the cut is fine.
// The cut is trimmed back to the last complete token and the still-open elements are closed.
import { rootTag } from './feed-aliases.ts';

// Bounds the open-element stack: deeper documents are left to the parser as they are.
const MAX_DEPTH = 256;
const NAME = /^<(\/?)([A-Za-z_][\w:.-]*)/;

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

// The index just past `terminator` from `from`, or -1.
function endOf(s: string, terminator: string, from: number): number {
  const at = s.indexOf(terminator, from + 1);
  return at < 0 ? -1 : at + terminator.length;
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
  // One forward pass over the markup, each step jumping to the end of its token: linear even on
  // hostile input such as a million unterminated "<a " (a backtracking regex would be quadratic).
  let i = kept.indexOf('<');
  while (i >= 0) {
    let close: number;
    if (kept.startsWith('<![CDATA[', i)) close = endOf(kept, ']]>', i);
    else if (kept.startsWith('<!--', i)) close = endOf(kept, '-->', i);
    else if (kept.startsWith('<?', i)) close = endOf(kept, '?>', i);
    else {
      close = endOf(kept, '>', i);
      const m = close > 0 ? NAME.exec(kept.slice(i, Math.min(close, i + 256))) : null;
      if (m && kept[close - 2] !== '/') {
        if (!m[1]) {
          if (open.length >= MAX_DEPTH) return xml;
          open.push(m[2]!);
        } else {
          const at = open.lastIndexOf(m[2]!);
          if (at >= 0) open.length = at;
        }
      }
    }
    if (close < 0) break;
    i = kept.indexOf('<', close);
  }
  // A self-closed or already-closed root is complete; whatever follows it is not the parser's concern.
  if (open.length === 0) return xml;
  return kept + open.reverse().map((n) => `</${n}>`).join('');
}
