// CSS selectors over the extract DOM with css-select (the engine linkedom and cheerio use), through
// an adapter to dom-node.ts. Compiled selectors are kept: the extract modules ask the same few
// dozen selectors of every page.
import { compile, is, selectAll as cssSelectAll, selectOne as cssSelectOne, type Options } from 'css-select';
import type { DomElement } from './dom-element.ts';
import { type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom-node.ts';
import type { DomParent } from './dom-parent.ts';

type Compiled = ReturnType<typeof compile<DomNode, DomElement>>;

const isTag = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE;

const OPTIONS: Options<DomNode, DomElement> = {
  xmlMode: false,
  adapter: {
    isTag,
    getAttributeValue: (el, name) => el.getAttribute(name) ?? undefined,
    getChildren: (node) => node.childNodes as DomNode[],
    getName: (el) => el.localName,
    getParent: (el) => el.parentNode,
    getSiblings: (node) => (node.parentNode ? (node.parentNode.childNodes as DomNode[]) : [node]),
    prevElementSibling: (node) => node.previousElementSibling,
    getText: (node) => (node.nodeType === TEXT_NODE || isTag(node) ? (node.textContent ?? '') : ''),
    hasAttrib: (el, name) => el.hasAttribute(name),
    removeSubsets: (nodes) => nodes.filter((n, i) => nodes.indexOf(n) === i && !nodes.some((m) => m !== n && m.contains(n))),
  },
};

const MAX_CACHED = 1000;
const cache = new Map<string, Compiled>();

function compiled(selector: string): Compiled {
  let fn = cache.get(selector);
  if (fn === undefined) {
    fn = compile<DomNode, DomElement>(selector, OPTIONS);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(selector, fn);
  }
  return fn;
}

/** The elements below `root` that match `selector`, in document order. */
export function selectAll(selector: string, root: DomParent): DomElement[] {
  return cssSelectAll(compiled(selector), root, OPTIONS);
}

/** The first element below `root` that matches `selector`. */
export function selectOne(selector: string, root: DomParent): DomElement | null {
  return cssSelectOne(compiled(selector), root, OPTIONS);
}

/** True when `el` matches `selector`. */
export function matchesSelector(selector: string, el: DomElement): boolean {
  return is(el, compiled(selector), OPTIONS);
}

/** `el` or its nearest ancestor that matches `selector`. */
export function closestMatch(selector: string, el: DomElement): DomElement | null {
  const fn = compiled(selector);
  for (let n: DomNode | null = el; n !== null; n = n.parentNode) if (isTag(n) && is(n, fn, OPTIONS)) return n;
  return null;
}
