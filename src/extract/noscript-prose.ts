// Some platforms render the story with script and print it for readers without script inside
// <noscript> (Blogger's post template). Readability removes every <noscript>, so such a page
// came out with its date line only. A <noscript> that holds prose which the page shows nowhere
// else beside it is opened up before the body is read.
import { nonSpaceChars, type TextWalkNode } from './dom-walk.ts';

/** Characters of text a <noscript> must hold to count as the story's prose. */
const MIN_PROSE_CHARS = 200;
/** Text beside the <noscript> (in its parent) above this share of its own means the page shows the prose already. */
const MAX_SHOWN_SHARE = 0.2;

/** Minimal element shape used here (the extract DOM's element). */
interface NoscriptEl extends TextWalkNode {
  readonly parentElement: NoscriptEl | null;
  readonly childNodes: ArrayLike<unknown>;
  replaceWith(...nodes: unknown[]): void;
}
/** Minimal document shape used here. */
interface NoscriptDocument {
  querySelectorAll(sel: string): ArrayLike<NoscriptEl>;
}

/** Replaces each <noscript> holding prose shown nowhere beside it by its contents, in place. */
export function openProseNoscripts(doc: NoscriptDocument): void {
  for (const el of Array.from(doc.querySelectorAll('noscript'))) {
    const own = nonSpaceChars(el);
    if (own < MIN_PROSE_CHARS || !el.parentElement) continue;
    const beside = nonSpaceChars(el.parentElement) - own;
    if (beside > MAX_SHOWN_SHARE * own) continue;
    el.replaceWith(...Array.from(el.childNodes));
  }
}
