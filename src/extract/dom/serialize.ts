// DomNode → HTML, as the HTML standard serializes: void elements without an end tag, the text
// of script and style as it is, other text and attribute values escaped.
import type { DomElement } from './dom-element.ts';
import { COMMENT_NODE, DOCUMENT_TYPE_NODE, type DomCharacterData, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom-node.ts';

/** Elements written without an end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TEXT_SPECIAL = /[&<>\u00a0]/;
const ATTR_SPECIAL = /[&"\u00a0]/;

function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
}

function write(node: DomNode, out: string[]): void {
  switch (node.nodeType) {
    case ELEMENT_NODE: {
      const el = node as DomElement;
      out.push(`<${el.localName}${el.attributesHtml(escapeAttr)}>`);
      if (VOID_ELEMENTS.has(el.localName)) return;
      if (RAW_TEXT.has(el.localName)) {
        for (let n = el.firstChild; n !== null; n = n.nextSibling) out.push(n.nodeType === TEXT_NODE ? (n as DomCharacterData).data : '');
      } else {
        for (let n = el.firstChild; n !== null; n = n.nextSibling) write(n, out);
      }
      out.push(`</${el.localName}>`);
      return;
    }
    case TEXT_NODE:
      out.push(escapeText((node as DomCharacterData).data));
      return;
    case COMMENT_NODE:
      out.push(`<!--${(node as DomCharacterData).data}-->`);
      return;
    case DOCUMENT_TYPE_NODE:
      out.push(`<!DOCTYPE ${node.nodeName}>`);
      return;
    default:
      for (let n = node.firstChild; n !== null; n = n.nextSibling) write(n, out);
  }
}

/** The HTML of `node` itself. */
export function serializeNode(node: DomNode): string {
  const out: string[] = [];
  write(node, out);
  return out.join('');
}

/** The HTML of the children of `node` (its innerHTML). */
export function serializeChildren(node: DomNode): string {
  const out: string[] = [];
  for (let n = node.firstChild; n !== null; n = n.nextSibling) write(n, out);
  return out.join('');
}
