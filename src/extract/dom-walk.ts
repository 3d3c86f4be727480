// Tree walks that replace querySelectorAll where the extract stage scans whole pages: a selector
// engine matches every element against the compiled selector and builds a list on every call, and
// some passes would run one call per tag or one nested querySelector per element. Same elements,
// same document order.

/** Minimal element shape used here (the extract DOM and a browser DOM both satisfy it). */
export interface WalkEl {
  readonly tagName: string;
  readonly firstElementChild: WalkEl | null;
  readonly nextElementSibling: WalkEl | null;
  readonly parentElement: WalkEl | null;
}

/** The element after `cur` in document order under `root` (<template> contents skipped), or null. */
export function nextInOrder<E extends WalkEl>(cur: E, root: E): E | null {
  const first = cur.tagName === 'TEMPLATE' ? null : (cur.firstElementChild as E | null);
  if (first) return first;
  // The next sibling of the closest ancestor (or self) that has one.
  for (let up: E | null = cur; up && up !== root; up = up.parentElement as E | null) {
    const next = up.nextElementSibling as E | null;
    if (next) return next;
  }
  return null;
}

/**
 * The descendant elements of `root` in document order, as `root.querySelectorAll('*')` lists them
 * (`root` itself excluded, <template> contents skipped), one at a time: for walks that stop early.
 * Call it on a tree that is not changed while it is walked.
 */
export function* descendants<E extends WalkEl>(root: E): Generator<E> {
  for (let cur = root.firstElementChild as E | null; cur; cur = nextInOrder(cur, root)) yield cur;
}

/** The same elements as descendants(), collected: for walks of the whole tree (a generator's steps cost more than the list). */
export function descendantList<E extends WalkEl>(root: E): E[] {
  const out: E[] = [];
  for (let cur = root.firstElementChild as E | null; cur; cur = nextInOrder(cur, root)) out.push(cur);
  return out;
}

/** Minimal node shape for the text counters (the extract DOM and a browser DOM both satisfy it). */
export interface TextWalkNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: TextWalkNode | null;
  readonly nextSibling: TextWalkNode | null;
}

/** True for the UTF-16 code units that `\s` matches in a JavaScript RegExp. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Calls `visit` with the data of each text (and CDATA) node under `node`, in document order, until it returns true; true when one did. Same text as `textContent`, without building the string. Iterative: hostile pages nest thousands of unclosed tags. */
function someText(node: TextWalkNode & { readonly parentNode?: unknown }, visit: (data: string) => boolean): boolean {
  type N = TextWalkNode & { readonly parentNode?: N | null };
  const root = node as N;
  let cur: N | null = root;
  while (cur) {
    const t = cur.nodeType;
    let down: N | null = null;
    if (t === 3 || t === 4) {
      if (visit(cur.textContent ?? '')) return true;
    } else if (t === 1 || cur === root) {
      // <template> content: read as textContent reads it rather than walk it.
      if (cur.nodeName === 'TEMPLATE') {
        if (visit(cur.textContent ?? '')) return true;
      } else down = cur.firstChild as N | null;
    }
    if (down) {
      cur = down;
      continue;
    }
    // Next in document order within `root`.
    while (cur && cur !== root && !cur.nextSibling) cur = cur.parentNode ?? null;
    cur = cur && cur !== root ? (cur.nextSibling as N | null) : null;
  }
  return false;
}

/** Elements whose start and end break a line of text (a caption's title over its sentence, list items). */
const LINE_BREAKING = new Set(['BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TABLE', 'TR', 'TD', 'TH', 'FIGCAPTION', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'PRE', 'HR']);

const CLOSING_PUNCTUATION = /^[.,;:!?)\]}」』”’]/u;

/**
 * The text of `node` as `textContent` gives it, with a space wherever a <br> or the start or end
 * of a block breaks the line ("Title<br>Sentence" is "Title Sentence", not "TitleSentence").
 * Iterative, as the walks above.
 */
export function blockSpacedText(node: TextWalkNode & { readonly parentNode?: unknown }): string {
  type N = TextWalkNode & { readonly parentNode?: N | null };
  const root = node as N;
  const breaks = (n: N) => n !== root && n.nodeType === 1 && LINE_BREAKING.has(n.nodeName);
  let out = '';
  // A break is written as a space before the next text, unless that text opens with punctuation
  // that closes a sentence or a bracket ("<p>View photo</p><span>.</span>").
  let broken = false;
  const write = (text: string) => {
    if (broken && text !== '' && !CLOSING_PUNCTUATION.test(text)) out += ' ';
    if (text !== '') broken = false;
    out += text;
  };
  let cur: N | null = root;
  while (cur) {
    const t = cur.nodeType;
    let down: N | null = null;
    if (t === 3 || t === 4) write(cur.textContent ?? '');
    else if (t === 1 || cur === root) {
      if (breaks(cur)) broken = true;
      if (cur.nodeName === 'TEMPLATE') write(cur.textContent ?? '');
      else down = cur.firstChild as N | null;
    }
    if (down) {
      cur = down;
      continue;
    }
    // Leaving `cur` and every ancestor whose last child it closes.
    if (breaks(cur)) broken = true;
    while (cur && cur !== root && !cur.nextSibling) {
      cur = cur.parentNode ?? null;
      if (cur && breaks(cur)) broken = true;
    }
    cur = cur && cur !== root ? (cur.nextSibling as N | null) : null;
  }
  return out;
}

/** `(node.textContent ?? '').replace(/\s+/g, '').length`, counted without building the text. */
export function nonSpaceChars(node: TextWalkNode): number {
  let n = 0;
  someText(node, (data) => {
    for (let i = 0; i < data.length; i++) if (!isSpace(data.charCodeAt(i))) n++;
    return false;
  });
  return n;
}

/** Non-space characters of the text of `el` that sits in the links `selector` picks (every <a> by default). */
export function linkedNonSpaceChars(el: { querySelectorAll(sel: string): ArrayLike<unknown> }, selector = 'a'): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll(selector))) n += nonSpaceChars(a as TextWalkNode);
  return n;
}

/** Non-space characters of a string. */
export function countNonSpace(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (!isSpace(data.charCodeAt(i))) n++;
  return n;
}

/**
 * nonSpaceChars of `root` and of every element under it, from one walk: each element's count is
 * its own text plus its children's counts, summed from the deepest up. Valid until the tree
 * changes under an element.
 */
export function nonSpaceCharsOfAll<E extends WalkEl & TextWalkNode>(root: E): Map<E, number> {
  const els = [root, ...descendantList(root)];
  const sizes = new Map<E, number>();
  for (let i = els.length - 1; i >= 0; i--) {
    const el = els[i]!;
    let n = 0;
    if (el.tagName === 'TEMPLATE' && el !== root) n = countNonSpace(el.textContent ?? '');
    else {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 || c.nodeType === 4) n += countNonSpace(c.textContent ?? '');
        else if (c.nodeType === 1) n += sizes.get(c as unknown as E) ?? 0;
      }
    }
    sizes.set(el, n);
  }
  return sizes;
}

/** `/\S/.test(node.textContent ?? '')`, stopping at the first visible character. */
export function hasVisibleText(node: TextWalkNode): boolean {
  return someText(node, (data) => {
    for (let i = 0; i < data.length; i++) if (!isSpace(data.charCodeAt(i))) return true;
    return false;
  });
}

/** `(node.textContent ?? '').length > max`, stopping as soon as it is. */
export function textLongerThan(node: TextWalkNode, max: number): boolean {
  let n = 0;
  return someText(node, (data) => (n += data.length) > max);
}
