// Elements: attributes (kept as the parser gave them), the properties Readability reads
// (className, id, src, style), serialization and selector matching.
import type { DomDocument } from './dom-document.ts';
import { ELEMENT_NODE } from './dom-node.ts';
import { DomParent, forEachElement } from './dom-parent.ts';
import { parseFragmentInto } from './parse-html.ts';
import { closestMatch, matchesSelector } from './select.ts';
import { serializeChildren, serializeNode } from './serialize.ts';

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

export class DomElement extends DomParent {
  readonly localName: string;
  readonly tagName: string;
  // The attributes as the parser gave them (own properties, names in lower case): a lookup is one
  // property read, and no attribute object is made unless `attributes` is asked for.
  #attribs: Record<string, string>;
  /** The `attributes` list, made on demand and replaced (never changed) when an attribute changes, so a loop over it survives. */
  #list: DomAttr[] | null = null;
  // Fields Readability sets on the elements it scores (`readability`) and on tables (`_readabilityDataTable`),
  // declared here so that every element keeps one shape: added later, each made new hidden classes,
  // and the DOM's own methods, which had seen one, were thrown out of optimized code again and again.
  readability: unknown = undefined;
  _readabilityDataTable: unknown = undefined;

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
  /** The attributes as they go in a start tag (` name="value"` each, values through `escape`), without building the `attributes` list. */
  attributesHtml(escape: (value: string) => string): string {
    let html = '';
    for (const name in this.#attribs) html += ` ${name}="${escape(this.#attribs[name]!)}"`;
    return html;
  }
  /** The stored name of attribute `name`, matched without regard to case, or undefined. */
  #key(name: string): string | undefined {
    if (Object.hasOwn(this.#attribs, name)) return name;
    // Stored names are lower case: only a name with a capital can still match (a loop, not a
    // regular expression: this runs for every attribute a page's elements are asked about).
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      if (c >= 65 && c <= 90) {
        const lower = name.toLowerCase();
        return Object.hasOwn(this.#attribs, lower) ? lower : undefined;
      }
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
