// Readability keeps only the top candidate and the siblings it scores as content, so a <figure>
// that sits beside the body container rather than inside it (the lead photo between the header
// and the story div, a photo after the last paragraph) is dropped although it belongs to the
// story. Before Readability runs, each figure is copied together with the text block that
// directly follows it (or, for a figure closing its container, the block right before it);
// afterwards a lost figure whose neighbour made it into the article goes back next to that
// neighbour. Figures next to text Readability left out stay out, so teasers of other stories
// do not come back.
import { collapseSpaces as norm } from './loose-key.ts';

/** A figure of the page, copied before Readability, with the text block it is attached to. */
export interface FigureSnapshot {
  readonly figure: Element;
  /** Source of its photo, as the <img> carried it before Readability. */
  readonly src: string;
  /** Whitespace-collapsed text of the block right after it (or before it, with `before` false). */
  readonly neighbour: string;
  /** True when the figure goes before its neighbour, false when after. */
  readonly before: boolean;
}

const BLOCK = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, td';
const MAX_FIGURE_TEXT = 400;
const MAX_FIGURES = 60;


/** The closest block of a text node (a paragraph, heading, list item…), or undefined. */
function blockOf(node: Node): Element | undefined {
  const el = node.parentElement?.closest(BLOCK);
  return el ?? undefined;
}

/** The first non-blank text node after `el`'s subtree in document order (or before it, going back). */
function adjacentText(el: Element, forward: boolean): Node | undefined {
  let cur: Node | null = el;
  // Climb until a sibling exists in the wanted direction, then walk down to its first/last text.
  for (let steps = 0; cur && steps < 400; steps++) {
    const sib: Node | null = forward ? cur.nextSibling : cur.previousSibling;
    if (!sib) {
      cur = cur.parentNode;
      if (!cur || (cur as Element).tagName === 'BODY') return undefined;
      continue;
    }
    if (sib.nodeType === 3) {
      if (norm(sib.textContent) !== '') return sib;
      cur = sib;
      continue;
    }
    if (sib.nodeType === 1) {
      if (norm(sib.textContent) !== '') {
        let n: Node = sib;
        while (n.nodeType === 1) {
          const kids = Array.from(n.childNodes).filter((k) => norm(k.textContent) !== '');
          const next = forward ? kids[0] : kids[kids.length - 1];
          if (!next) break;
          n = next;
        }
        return n.nodeType === 3 ? n : undefined;
      }
    }
    cur = sib;
  }
  return undefined;
}

/** True for a figure of the story itself: one photo, a short caption, not a link to another page. */
function isStoryFigure(fig: Element): boolean {
  if (fig.querySelectorAll('img').length !== 1) return false;
  if (norm(fig.textContent).length > MAX_FIGURE_TEXT) return false;
  // A link elsewhere makes it a teaser; one to the photo file, or one that leads nowhere (a
  // fragment, a script: an editor's photo viewer), does not.
  for (const a of Array.from(fig.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!/\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(href) && !/^\s*(?:#|javascript:)|#$/i.test(href)) return false;
  }
  return true;
}

/** A copy of `box` as a <figure> (a photo box that is no <figure> in the page). */
function asFigure(box: Element): Element {
  const copy = box.cloneNode(true) as Element;
  if (copy.tagName === 'FIGURE') return copy;
  const fig = box.ownerDocument.createElement('figure');
  while (copy.firstChild) fig.appendChild(copy.firstChild);
  return fig;
}

/**
 * Copies the page's story figures with their neighbouring text blocks (call before Readability);
 * `photoBoxes` are boxes that hold a photo alone without being a <figure> (an editor's image
 * block), copied as figures.
 */
export function snapshotFigures(doc: Document, photoBoxes: readonly Element[] = []): FigureSnapshot[] {
  const out: FigureSnapshot[] = [];
  for (const fig of [...Array.from(doc.querySelectorAll('figure')), ...photoBoxes]) {
    if (out.length >= MAX_FIGURES) break;
    if (fig.parentElement?.closest('figure') || !isStoryFigure(fig)) continue;
    const src = fig.querySelector('img')?.getAttribute('src');
    // Only real photos: a placeholder (data: URI, no lazy source found) would come back as a bare caption.
    if (!src || /^data:/i.test(src)) continue;
    const next = adjacentText(fig, true);
    const nextBlock = next ? blockOf(next) : undefined;
    if (nextBlock && !nextBlock.contains(fig)) {
      out.push({ figure: asFigure(fig), src, neighbour: norm(nextBlock.textContent), before: true });
      continue;
    }
    // A figure closing its container goes after the block before it, when both share a parent.
    const prev = adjacentText(fig, false);
    const prevBlock = prev ? blockOf(prev) : undefined;
    if (prevBlock && prevBlock.parentElement === fig.parentElement) {
      out.push({ figure: asFigure(fig), src, neighbour: norm(prevBlock.textContent), before: false });
    }
  }
  return out;
}

/** Puts back into `content` the snapshotted figures Readability dropped whose neighbour block it kept; each photo once. `resolve` makes image sources comparable (Readability may swap in a <noscript> copy with a relative URL). */
export function restoreFigures(content: Element, figures: readonly FigureSnapshot[], resolve: (src: string) => string | undefined): void {
  if (figures.length === 0) return;
  const key = (src: string | null) => (src ? (resolve(src) ?? src) : '');
  const kept = new Set(Array.from(content.querySelectorAll('img')).map((i) => key(i.getAttribute('src'))));
  // A figure whose caption is already in the body (Readability kept it with a different <img>) is not lost.
  const bodyText = norm(content.textContent);
  const lost = figures.filter((f) => {
    if (kept.has(key(f.src))) return false;
    const caption = norm(f.figure.textContent);
    return caption === '' || !bodyText.includes(caption.slice(0, 200));
  });
  if (lost.length === 0) return;
  const blocks = Array.from(content.querySelectorAll(BLOCK));
  const byText = new Map<string, Element>();
  for (const b of blocks) {
    const t = norm(b.textContent);
    // Nested blocks with the same text (<li><p>…</p></li>): the innermost, later in document order, wins.
    if (t !== '') byText.set(t, b);
  }
  for (const f of lost) {
    if (kept.has(key(f.src))) continue;
    const at = byText.get(f.neighbour);
    if (!at) continue;
    if (f.before) at.before(f.figure);
    else at.after(f.figure);
    kept.add(key(f.src));
  }
}
