// The extract stage's DOM: the part of the WHATWG DOM that Readability and the extract modules
// use, on a plain pointer tree (parent, first/last child, next/previous sibling) with each
// parent's child list cached until it changes. linkedom keeps a document as one linked list of
// start and end markers, which makes every sibling step and subtree walk cost a scan; here they
// are one field read. Trees come from parse-html.ts (htmlparser2, as linkedom) and selectors
// from select.ts (css-select, as linkedom).
import type { DomDocument } from './dom-document.ts';
import type { DomElement } from './dom-element.ts';
import type { DomParent } from './dom-parent.ts';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_TYPE_NODE = 10;

/** Any node of the tree. */
// Every node has the same fields, links included, so the code that walks trees (Readability's
// above all) reads them from one object layout whatever the node's kind.
export abstract class DomNode {
  abstract readonly nodeName: string;
  parentNode: DomParent | null = null;
  nextSibling: DomNode | null = null;
  previousSibling: DomNode | null = null;
  /** Set by DomParent only. */
  firstChild: DomNode | null = null;
  /** Set by DomParent only. */
  lastChild: DomNode | null = null;
  constructor(
    readonly ownerDocument: DomDocument,
    readonly nodeType: number,
  ) {}

  get parentElement(): DomElement | null {
    const p = this.parentNode;
    return p !== null && p.nodeType === ELEMENT_NODE ? (p as DomElement) : null;
  }
  get nextElementSibling(): DomElement | null {
    let n = this.nextSibling;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.nextSibling;
    return n as DomElement | null;
  }
  get previousElementSibling(): DomElement | null {
    let n = this.previousSibling;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.previousSibling;
    return n as DomElement | null;
  }
  get isConnected(): boolean {
    let n: DomNode = this;
    while (n.parentNode !== null) n = n.parentNode;
    return n.nodeType === DOCUMENT_NODE;
  }
  get childNodes(): readonly DomNode[] {
    return EMPTY;
  }
  abstract get textContent(): string | null;
  abstract set textContent(value: string | null);
  abstract cloneNode(deep?: boolean): DomNode;

  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }
  contains(other: DomNode | null): boolean {
    for (let n = other; n !== null; n = n.parentNode) if (n === this) return true;
    return false;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  before(...nodes: (DomNode | string)[]): void {
    const parent = this.parentNode;
    if (parent) for (const n of nodes) parent.insertBefore(toNode(this.ownerDocument, n), this);
  }
  after(...nodes: (DomNode | string)[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    const next = this.nextSibling;
    for (const n of nodes) parent.insertBefore(toNode(this.ownerDocument, n), next);
  }
  replaceWith(...nodes: (DomNode | string)[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    const next = this.nextSibling;
    parent.removeChild(this);
    for (const n of nodes) parent.insertBefore(toNode(this.ownerDocument, n), next);
  }
}

const EMPTY: readonly DomNode[] = Object.freeze([]);

export function toNode(doc: DomDocument, n: DomNode | string): DomNode {
  return typeof n === 'string' ? doc.createTextNode(n) : n;
}

/** Text and comments. */
export abstract class DomCharacterData extends DomNode {
  constructor(
    doc: DomDocument,
    nodeType: number,
    public data: string,
  ) {
    super(doc, nodeType);
  }
  get nodeValue(): string {
    return this.data;
  }
  set nodeValue(v: string) {
    this.data = v;
  }
  get length(): number {
    return this.data.length;
  }
  get textContent(): string {
    return this.data;
  }
  set textContent(v: string | null) {
    this.data = v ?? '';
  }
}

export class DomText extends DomCharacterData {
  constructor(doc: DomDocument, data: string) {
    super(doc, TEXT_NODE, data);
  }
  get nodeName(): string {
    return '#text';
  }
  get wholeText(): string {
    return this.data;
  }
  cloneNode(): DomText {
    return new DomText(this.ownerDocument, this.data);
  }
}

export class DomComment extends DomCharacterData {
  constructor(doc: DomDocument, data: string) {
    super(doc, COMMENT_NODE, data);
  }
  get nodeName(): string {
    return '#comment';
  }
  cloneNode(): DomComment {
    return new DomComment(this.ownerDocument, this.data);
  }
}

export class DomDocumentType extends DomNode {
  constructor(
    doc: DomDocument,
    readonly name: string,
  ) {
    super(doc, DOCUMENT_TYPE_NODE);
  }
  get nodeName(): string {
    return this.name;
  }
  get textContent(): null {
    return null;
  }
  set textContent(_v: string | null) {}
  cloneNode(): DomDocumentType {
    return new DomDocumentType(this.ownerDocument, this.name);
  }
}
