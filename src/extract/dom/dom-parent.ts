// Nodes that have children (elements and the document): the child links, the cached child
// lists, mutation, text and the element queries every parent answers.
import type { DomElement } from './dom-element.ts';
import { DomNode, ELEMENT_NODE, TEXT_NODE, type DomText, toNode } from './dom-node.ts';
import { selectAll, selectOne } from './select.ts';

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
    const n = this.firstChild;
    return n === null || n.nodeType === ELEMENT_NODE ? (n as DomElement | null) : n.nextElementSibling;
  }
  get lastElementChild(): DomElement | null {
    const n = this.lastChild;
    return n === null || n.nodeType === ELEMENT_NODE ? (n as DomElement | null) : n.previousElementSibling;
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
  for (let n = root.firstChild; n !== null; ) {
    const el = n.nodeType === ELEMENT_NODE;
    if (el) fn(n as DomElement);
    n = following(n, root, !(skipTemplates && el && (n as DomElement).localName === 'template'));
  }
}

/** The concatenated text of the text nodes below `root`. */
function textOf(root: DomNode): string {
  let out = '';
  for (let n = root.firstChild; n !== null; n = following(n, root, true)) if (n.nodeType === TEXT_NODE) out += (n as DomText).data;
  return out;
}

/** The node after `n` in document order within `root` (into its children when `descend`), or null at the end. Iterative: hostile pages nest deep. */
function following(n: DomNode, root: DomNode, descend: boolean): DomNode | null {
  if (descend && n.firstChild !== null) return n.firstChild;
  let cur: DomNode | null = n;
  while (cur !== null && cur !== root && cur.nextSibling === null) cur = cur.parentNode;
  return cur === null || cur === root ? null : cur.nextSibling;
}
