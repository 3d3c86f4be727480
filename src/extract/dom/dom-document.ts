// The document: its root, head and body as linkedom finds or makes them, the node factories and
// the two URIs Readability reads.
import { DomElement } from './dom-element.ts';
import { DOCUMENT_NODE, type DomDocumentType, DomComment, type DomNode, DomText } from './dom-node.ts';
import { DomParent } from './dom-parent.ts';

export class DomDocument extends DomParent {
  doctype: DomDocumentType | null = null;
  constructor() {
    super(undefined as unknown as DomDocument, DOCUMENT_NODE);
    (this as { ownerDocument: DomDocument }).ownerDocument = this;
  }
  get nodeName(): string {
    return '#document';
  }
  override get textContent(): null {
    return null;
  }
  override set textContent(_v: string | null) {}
  get documentElement(): DomElement | null {
    return this.firstElementChild;
  }
  /** The root's first child when it is a head, else one made there (as linkedom does). */
  get head(): DomElement {
    const root = this.#root();
    let head = root.firstElementChild;
    if (head === null || head.localName !== 'head') {
      head = this.createElement('head');
      root.prepend(head);
    }
    return head;
  }
  /** The element after the head when it is a body, else one made there (as linkedom does). */
  get body(): DomElement {
    const head = this.head;
    let body = head.nextElementSibling;
    if (body === null || body.localName !== 'body') {
      body = this.createElement('body');
      head.after(body);
    }
    return body;
  }
  #root(): DomElement {
    let root = this.documentElement;
    if (root === null) root = this.appendChild(this.createElement('html'));
    return root;
  }
  get title(): string {
    return this.head.getElementsByTagName('title')[0]?.textContent ?? '';
  }
  /** The <base href> when there is one; null otherwise (Readability then leaves relative links alone). */
  get baseURI(): string | null {
    return this.querySelector('base')?.getAttribute('href') ?? null;
  }
  get documentURI(): undefined {
    return undefined;
  }
  createElement(name: string, attribs?: Record<string, string>): DomElement {
    return new DomElement(this, name.toLowerCase(), attribs);
  }
  createTextNode(data: string): DomText {
    return new DomText(this, String(data));
  }
  createComment(data: string): DomComment {
    return new DomComment(this, String(data));
  }
  getElementById(id: string): DomElement | null {
    return this.documentElement?.getAttribute('id') === id ? this.documentElement : (this.documentElement?.getElementById(id) ?? null);
  }
  cloneNode(deep = false): DomDocument {
    const copy = new DomDocument();
    if (deep) for (let n = this.firstChild; n !== null; n = n.nextSibling) copy.appendParsed(adopt(n.cloneNode(true), copy));
    return copy;
  }
}

/** Points a detached subtree's nodes at another document. */
function adopt(node: DomNode, doc: DomDocument): DomNode {
  (node as { ownerDocument: DomDocument }).ownerDocument = doc;
  for (let n = node.firstChild; n !== null; n = n.nextSibling) adopt(n, doc);
  return node;
}

