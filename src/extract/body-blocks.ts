// The text blocks of an article body, and removing one with the shells it leaves: what the
// clean-up steps (body-cleanup.ts, credit-lines.ts) walk and cut.
import { descendantList, hasVisibleText, type TextWalkNode } from './dom-walk.ts';

const TEXT_BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DIV', 'SPAN', 'BLOCKQUOTE', 'STRONG', 'B', 'EM', 'ADDRESS', 'DD', 'DT', 'TD']);
/** Tags whose presence inside an element makes it a container rather than a text block. */
export const INNER_BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE', 'TABLE', 'IMG']);
/** Inline tags a text block may be set in (a bold line, a span, a link) inside a line of its own. */
export const INLINE_TEXT_TAGS = new Set(['SPAN', 'STRONG', 'B', 'EM', 'I', 'U', 'A', 'FONT']);

/** Leaf-ish text blocks of the body in document order (paragraphs, headings, list items, text-only divs), outside figures. */
export function textBlocks(content: Element): Element[] {
  // One walk instead of a querySelector and a closest() per candidate (iterative: hostile pages
  // nest thousands of tags): mark the ancestors of every INNER_BLOCK element as containers, and
  // everything under a <figure> as inside one.
  if (content.closest('figure')) return [];
  const all = descendantList(content);
  const containers = new Set<Element>();
  const inFigure = new Set<Element>();
  for (const el of all) {
    const parent = el.parentElement;
    if (el.tagName === 'FIGURE' || (parent && inFigure.has(parent))) inFigure.add(el);
    if (!INNER_BLOCK.has(el.tagName)) continue;
    for (let p = parent; p && p !== content && !containers.has(p); p = p.parentElement) containers.add(p);
  }
  return all.filter((el) => TEXT_BLOCK.has(el.tagName) && !containers.has(el) && !inFigure.has(el) && hasVisibleText(el));
}

/** Removes `el` and any ancestors it leaves empty (up to the content root). */
export function removeUp(el: Element, root: Element): void {
  let cur: Element | null = el;
  while (cur && cur !== root) {
    const parent: Element | null = cur.parentElement;
    cur.remove();
    if (!parent || parent === root || hasVisibleText(parent as unknown as TextWalkNode) || parent.querySelector('img, figure')) break;
    cur = parent;
  }
}
