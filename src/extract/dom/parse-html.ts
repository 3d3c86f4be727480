// HTML → DomDocument with htmlparser2, the tokenizer and tag-closing rules linkedom uses, so a
// page has the same tree under both. Attribute names are lower-cased (HTML attributes are case
// insensitive: `SRC=` is `src`), and adjacent text is one node, as a browser's parser makes it.
// Nesting stops at a depth of 512, as in Blink's and WebKit's parsers: deeper elements are put
// beside the deepest one instead of inside it, so a page of thousands of unclosed tags neither
// overflows the stack of the code that walks trees recursively (Readability does) nor makes its
// per-ancestor scoring quadratic.
import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import { DomDocument } from './dom-document.ts';
import type { DomElement } from './dom-element.ts';
import { DomComment, DomDocumentType, DomText, TEXT_NODE } from './dom-node.ts';
import type { DomParent } from './dom-parent.ts';

// The CommonJS build, the copy sanitize-html (the sanitizing step) requires: one tokenizer in the
// process warms up on every page and both parses of it, where the ES build beside it would be a
// second copy of the same code, compiled and optimized on its own.
const { Parser } = createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2;

const OPTIONS = { lowerCaseAttributeNames: true, decodeEntities: true, xmlMode: false } as const;

/** Deepest nesting of elements kept (Blink's kMaximumHTMLParserDOMTreeDepth). */
export const MAX_TREE_DEPTH = 512;

/** Builds the nodes of `html` below `root`, which belongs to `doc`. */
function buildInto(doc: DomDocument, root: DomParent, html: string): void {
  let node: DomParent = root;
  let depth = 0;
  // For each open tag: whether it was entered (false once the depth cap is reached).
  const entered: boolean[] = [];
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (root === doc && name.toLowerCase() === '!doctype' && doc.doctype === null) {
          const type = new DomDocumentType(doc, data.slice(name.length).trim().split(/\s/)[0] || 'html');
          doc.doctype = type;
          doc.appendParsed(type);
        }
      },
      onopentag(name, attribs) {
        const el = doc.createElement(name, attribs);
        node.appendParsed(el);
        const enter = depth < MAX_TREE_DEPTH;
        entered.push(enter);
        if (enter) {
          node = el;
          depth++;
        }
      },
      ontext(text) {
        const last = node.lastChild;
        if (last !== null && last.nodeType === TEXT_NODE) (last as DomText).data += text;
        else node.appendParsed(new DomText(doc, text));
      },
      oncomment(data) {
        node.appendParsed(new DomComment(doc, data));
      },
      onclosetag() {
        if (entered.pop() === false) return;
        if (node !== root && node.parentNode !== null) {
          node = node.parentNode;
          depth--;
        }
      },
    },
    OPTIONS,
  );
  parser.write(html);
  parser.end();
}

/** Parses a whole page. */
export function parseHtmlDocument(html: string): DomDocument {
  const doc = new DomDocument();
  buildInto(doc, doc, html);
  return doc;
}

/** Parses `html` as the content of `el` (its innerHTML), appending to what it holds. */
export function parseFragmentInto(el: DomElement, html: string): void {
  buildInto(el.ownerDocument, el, html);
}

/** A fragment of HTML (sanitized article markup) parsed as the body of a document of its own. */
export function parseHtmlFragment(html: string): DomDocument {
  return parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
}
