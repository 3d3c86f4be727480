// The extract stage's DOM: the part of the WHATWG DOM that Readability and the extract modules
// use, on a plain pointer tree (parent, first/last child, next/previous sibling) with each
// parent's child list cached until it changes. linkedom keeps a document as one linked list of
// start and end markers, which makes every sibling step and subtree walk cost a scan; here they
// are one field read. Trees come from parse-html.ts (htmlparser2, as linkedom) and selectors
// from select.ts (css-select, as linkedom).
import { serializeChildren, serializeNode } from './serialize.ts';
import { parseFragmentInto } from './parse-html.ts';
import { closestMatch, matchesSelector, selectAll, selectOne } from './select.ts';

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

function toNode(doc: DomDocument, n: DomNode | string): DomNode {
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
}

export class DomText extends DomCharacterData {
  constructor(doc: DomDocument, data: string) {
    super(doc, TEXT_NODE, data);
  }
  get nodeName(): string {
    return '#text';
  }
  get textContent(): string {
    return this.data;
  }
  set textContent(v: string | null) {
    this.data = v ?? '';
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
  get textContent(): string {
    return this.data;
  }
  set textContent(v: string | null) {
    this.data = v ?? '';
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

/** A node that has children: elements and the document. */
export abstract class DomParent extends DomNode {
  #kids: DomNode[] | null = null;
  #elements: DomElement[] | null = null;

  /** A snapshot of the children, kept until they change (the array is never changed afterwards). */
  override get childNodes(): readonly DomNode[] {
    if (this.#kids === null) {
      const kids: DomNode[] = [];
      for (let n = this.firstChild; n !== null; n = n.nextSibling) kids.push(n);
      this.#kids = kids;
    }
    return this.#kids;
  }
  get children(): readonly DomElement[] {
    if (this.#elements === null) {
      const els: DomElement[] = [];
      for (let n = this.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) els.push(n as DomElement);
      this.#elements = els;
    }
    return this.#elements;
  }
  get firstElementChild(): DomElement | null {
    let n = this.firstChild;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.nextSibling;
    return n as DomElement | null;
  }
  get lastElementChild(): DomElement | null {
    let n = this.lastChild;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.previousSibling;
    return n as DomElement | null;
  }
  get childElementCount(): number {
    return this.children.length;
  }

  #changed(): void {
    this.#kids = null;
    this.#elements = null;
  }

  /** Links `node` (detached, not a parent of this) before `ref` (a child of this, or null for the end). */
  #link(node: DomNode, ref: DomNode | null): void {
    const prev = ref === null ? this.lastChild : ref.previousSibling;
    node.parentNode = this;
    node.previousSibling = prev;
    node.nextSibling = ref;
    if (prev === null) this.firstChild = node;
    else prev.nextSibling = node;
    if (ref === null) this.lastChild = node;
    else ref.previousSibling = node;
    this.#changed();
  }

  insertBefore<T extends DomNode>(node: T, ref: DomNode | null): T {
    if (ref !== null && ref.parentNode !== this) throw new DOMException('insertBefore: the reference is not a child of this node', 'NotFoundError');
    if (node === ref) return node;
    if (node.contains(this)) throw new DOMException('insertBefore: a node cannot hold its own ancestor', 'HierarchyRequestError');
    node.parentNode?.removeChild(node);
    this.#link(node, ref);
    return node;
  }
  appendChild<T extends DomNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  removeChild<T extends DomNode>(node: T): T {
    if (node.parentNode !== this) throw new DOMException('removeChild: the node is not a child of this node', 'NotFoundError');
    const { previousSibling: prev, nextSibling: next } = node;
    if (prev === null) this.firstChild = next;
    else prev.nextSibling = next;
    if (next === null) this.lastChild = prev;
    else next.previousSibling = prev;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    this.#changed();
    return node;
  }
  replaceChild<T extends DomNode>(node: DomNode, old: T): T {
    if (old.parentNode !== this) throw new DOMException('replaceChild: the node is not a child of this node', 'NotFoundError');
    if (node === old) return old;
    this.insertBefore(node, old);
    return this.removeChild(old);
  }
  append(...nodes: (DomNode | string)[]): void {
    for (const n of nodes) this.appendChild(toNode(this.ownerDocument, n));
  }
  prepend(...nodes: (DomNode | string)[]): void {
    const first = this.firstChild;
    for (const n of nodes) this.insertBefore(toNode(this.ownerDocument, n), first);
  }
  replaceChildren(...nodes: (DomNode | string)[]): void {
    while (this.lastChild !== null) this.removeChild(this.lastChild);
    this.append(...nodes);
  }

  /** Appends a node that has no parent (made by the parser or a clone) without the checks of appendChild. */
  appendParsed(node: DomNode): void {
    this.#link(node, null);
  }

  get textContent(): string | null {
    return textOf(this);
  }
  set textContent(value: string | null) {
    while (this.lastChild !== null) this.removeChild(this.lastChild);
    if (value) this.appendChild(this.ownerDocument.createTextNode(value));
  }

  getElementsByTagName(name: string): DomElement[] {
    const out: DomElement[] = [];
    const want = name === '*' ? undefined : name.toLowerCase();
    forEachElement(this, (el) => {
      if (want === undefined || el.localName === want) out.push(el);
    });
    return out;
  }
  getElementsByClassName(names: string): DomElement[] {
    const want = names.split(/\s+/).filter(Boolean);
    const out: DomElement[] = [];
    forEachElement(this, (el) => {
      const cls = ` ${el.className.replace(/\s+/g, ' ')} `;
      if (want.every((w) => cls.includes(` ${w} `))) out.push(el);
    });
    return out;
  }
  querySelectorAll(selector: string): DomElement[] {
    const names = tagList(selector);
    if (names === undefined) return selectAll(selector, this);
    const out: DomElement[] = [];
    forEachElement(this, (el) => {
      if (names.has(el.localName)) out.push(el);
    }, true);
    return out;
  }
  querySelector(selector: string): DomElement | null {
    return selectOne(selector, this);
  }
}

// Selectors that are only tag names ("img", "h1,h2") are most of those asked (Readability asks
// nothing else); they are answered by one walk instead of css-select's matching machinery.
const TAG_LIST = /^\s*[a-z][a-z0-9-]*(?:\s*,\s*[a-z][a-z0-9-]*)*\s*$/i;
const tagLists = new Map<string, ReadonlySet<string> | undefined>();
function tagList(selector: string): ReadonlySet<string> | undefined {
  if (tagLists.has(selector)) return tagLists.get(selector);
  const names = TAG_LIST.test(selector) ? new Set(selector.split(',').map((t) => t.trim().toLowerCase())) : undefined;
  if (tagLists.size < 1000) tagLists.set(selector, names);
  return names;
}

/** Calls `fn` on every element below `root`, in document order; with `skipTemplates`, not inside a <template> (as selectors do: its content is not part of the page). */
export function forEachElement(root: DomNode, fn: (el: DomElement) => void, skipTemplates = false): void {
  let n = root.firstChild;
  while (n !== null) {
    if (n.nodeType === ELEMENT_NODE) fn(n as DomElement);
    const down = skipTemplates && n.nodeType === ELEMENT_NODE && (n as DomElement).localName === 'template' ? null : n.firstChild;
    if (down !== null) {
      n = down;
      continue;
    }
    while (n !== null && n !== root && n.nextSibling === null) n = n.parentNode;
    if (n === null || n === root) return;
    n = n.nextSibling;
  }
}

/** The concatenated text of the text nodes below `root`. */
function textOf(root: DomNode): string {
  let out = '';
  let n = root.firstChild;
  while (n !== null) {
    if (n.nodeType === TEXT_NODE) out += (n as DomText).data;
    const down = n.firstChild;
    if (down !== null) {
      n = down;
      continue;
    }
    while (n !== null && n !== root && n.nextSibling === null) n = n.parentNode;
    if (n === null || n === root) break;
    n = n.nextSibling;
  }
  return out;
}

/** One attribute, a snapshot of its name and value; `cloneNode` and `setAttributeNode` as Readability uses them. */
export class DomAttr {
  constructor(
    readonly name: string,
    readonly value: string,
  ) {}
  get localName(): string {
    return this.name;
  }
  cloneNode(): DomAttr {
    return new DomAttr(this.name, this.value);
  }
}

const UPPER = new Map<string, string>();
const NO_STYLE = Object.freeze({ display: '', visibility: '', getPropertyValue: () => '' });
const HAS_UPPER = /[A-Z]/;

export class DomElement extends DomParent {
  readonly localName: string;
  readonly tagName: string;
  // The attributes as the parser gave them (own properties, names in lower case): a lookup is one
  // property read, and no attribute object is made unless `attributes` is asked for.
  #attribs: Record<string, string>;
  /** The `attributes` list, made on demand and replaced (never changed) when an attribute changes, so a loop over it survives. */
  #list: DomAttr[] | null = null;

  constructor(doc: DomDocument, localName: string, attribs: Record<string, string> = {}) {
    super(doc, ELEMENT_NODE);
    this.localName = localName;
    let upper = UPPER.get(localName);
    if (upper === undefined) UPPER.set(localName, (upper = localName.toUpperCase()));
    this.tagName = upper;
    this.#attribs = attribs;
  }
  get nodeName(): string {
    return this.tagName;
  }
  get attributes(): readonly DomAttr[] {
    if (this.#list === null) {
      const list: DomAttr[] = [];
      for (const name in this.#attribs) list.push(new DomAttr(name, this.#attribs[name]!));
      this.#list = list;
    }
    return this.#list;
  }
  /** The stored name of attribute `name`, matched without regard to case, or undefined. */
  #key(name: string): string | undefined {
    if (Object.hasOwn(this.#attribs, name)) return name;
    if (HAS_UPPER.test(name)) {
      const lower = name.toLowerCase();
      if (Object.hasOwn(this.#attribs, lower)) return lower;
    }
    return undefined;
  }
  getAttribute(name: string): string | null {
    const key = this.#key(name);
    return key === undefined ? null : this.#attribs[key]!;
  }
  getAttributeNode(name: string): DomAttr | null {
    const key = this.#key(name);
    return key === undefined ? null : new DomAttr(key, this.#attribs[key]!);
  }
  hasAttribute(name: string): boolean {
    return this.#key(name) !== undefined;
  }
  hasAttributes(): boolean {
    for (const _ in this.#attribs) return true;
    return false;
  }
  getAttributeNames(): string[] {
    return Object.keys(this.#attribs);
  }
  setAttribute(name: string, value: unknown): void {
    const key = this.#key(name) ?? name.toLowerCase();
    this.#attribs[key] = String(value);
    this.#list = null;
  }
  setAttributeNode(attr: DomAttr): void {
    this.setAttribute(attr.name, attr.value);
  }
  removeAttribute(name: string): void {
    const key = this.#key(name);
    if (key === undefined) return;
    delete this.#attribs[key];
    this.#list = null;
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }
  set id(v: string) {
    this.setAttribute('id', v);
  }
  get className(): string {
    return this.getAttribute('class') ?? '';
  }
  set className(v: string) {
    this.setAttribute('class', v);
  }
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  get srcset(): string {
    return this.getAttribute('srcset') ?? '';
  }
  get href(): string {
    return this.getAttribute('href') ?? '';
  }
  /** The inline style's display and visibility (all Readability reads of it). */
  get style(): { display: string; visibility: string; getPropertyValue(name: string): string } {
    const css = this.getAttribute('style');
    if (!css) return NO_STYLE;
    const props = new Map<string, string>();
    for (const decl of css.split(';')) {
      const colon = decl.indexOf(':');
      if (colon > 0) props.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).replace(/!important/i, '').trim());
    }
    return { display: props.get('display') ?? '', visibility: props.get('visibility') ?? '', getPropertyValue: (name) => props.get(name) ?? '' };
  }

  get innerHTML(): string {
    return serializeChildren(this);
  }
  set innerHTML(html: string) {
    this.textContent = '';
    parseFragmentInto(this, html);
  }
  get outerHTML(): string {
    return serializeNode(this);
  }
  matches(selector: string): boolean {
    return matchesSelector(selector, this);
  }
  closest(selector: string): DomElement | null {
    return closestMatch(selector, this);
  }
  getElementById(id: string): DomElement | null {
    let found: DomElement | null = null;
    forEachElement(this, (el) => {
      if (found === null && el.getAttribute('id') === id) found = el;
    });
    return found;
  }
  cloneNode(deep = false): DomElement {
    const copy = new DomElement(this.ownerDocument, this.localName, { ...this.#attribs });
    if (deep) for (let n = this.firstChild; n !== null; n = n.nextSibling) copy.appendParsed(n.cloneNode(true));
    return copy;
  }
}

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
