// Other stories set inside a story's body: a "more stories" heading's list (links, datelines
// between them) and a pointer line ("Read also: <a>Headline</a>"). The body clean-up
// (body-cleanup.ts) removes them.
import { collapseSpaces as norm } from './loose-key.ts';

/** The element after `el` in its parent, climbing while `el` is its parent's last child (inside `root`). */
export function nextBlock(el: Element, root: Element): Element | null {
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) if (cur.nextElementSibling) return cur.nextElementSibling;
  return null;
}

/** Blocks after a "more stories" heading read as its list. */
export const MAX_LISTED_STORIES = 12;
/** A dateline or section label between listed stories ("06. Aug 2020 // Tipps"): short, no sentence. */
const LISTED_LABEL = /^(?=.{1,40}$)[^.!?]*\d[^!?]*$/u;

/** True for what a "more stories" heading lists: a block of links, or a short dateline between them. */
export function isListedStory(el: Element): boolean {
  return isLinkList(el) || LISTED_LABEL.test(norm(el.textContent));
}

/** True for a list or block made of links (other stories): at least one link and little text outside links. */
function isLinkList(el: Element): boolean {
  const links = Array.from(el.querySelectorAll('a'));
  if (links.length === 0) return false;
  const all = norm(el.textContent).length;
  const linked = links.reduce((n, a) => n + norm(a.textContent).length, 0);
  return all > 0 && linked / all > 0.7;
}

// "Label: <a>Headline</a>" — a short label, then one link to another page holding the rest: a
// pointer to another story set in the text ("Read also:", "LE PUEDE INTERESAR:", "Czytaj też:"),
// recognised by its shape in any language. The label stands outside the link (a linked heading
// "Example 1: …" or a linked title with a colon is not one), the rest reads as a headline (four
// words or more: not a credit such as "(Artist: Name)"), and the link leaves the page (mail,
// phone and in-page links are not pointers).
const POINTER = /^([^:：(\[|]{1,40}?)\s*[:：|]\s*(.{8,200})$/u;
/** A pointer marked by an arrow or a hand instead of a label ("☞ <a>Headline</a>", "▶ <a>…</a>"). */
const MARKED_POINTER = /^[☞▶▷►]\s*(.{8,200})$/u;
/** A pointer whose label is in brackets, linked with the headline or not ("[관련기사] <a>…</a>", "<a>[Related] …</a>"). */
const BRACKETED_POINTER = /^[\[【<]\s*(?:관련\s*기사|관련\s*뉴스|함께\s*보면\s*좋은\s*기사|related|see also|read also)\s*[\]】>]\s*(.{4,200})$/iu;
const POINTER_LABEL_WORDS = 4;
const POINTER_REST_WORDS = 4;
const POINTER_LINKED_SHARE = 0.8;

/** True when `el` (its text `text`) is a label and a link to another story. */
export function isStoryPointer(el: Element, text: string): boolean {
  const bracketed = BRACKETED_POINTER.exec(text);
  if (bracketed && soleLinkHolds(el, bracketed[1]!)) return true;
  const marked = MARKED_POINTER.exec(text);
  // (A Korean headline says in three words what an English one says in four or more.)
  const restWords = /[가-힣]/.test(text) ? POINTER_REST_WORDS - 1 : POINTER_REST_WORDS;
  if (marked && marked[1]!.split(/\s+/).length >= restWords && soleLinkHolds(el, marked[1]!)) return true;
  // Several marked pointers set as lines of one block ("▶ <a>…</a><br>▶ <a>…</a>"): one link each, the links most of the text.
  if (marked && isMarkedPointerBlock(el, text, restWords)) return true;
  const m = POINTER.exec(text);
  if (!m || m[1]!.trim().split(/\s+/).length > POINTER_LABEL_WORDS || m[2]!.split(/\s+/).length < POINTER_REST_WORDS) return false;
  const linked = soleLinkText(el);
  return linked !== undefined && !/[:：]/.test(linked.slice(0, 45)) && linked.length >= POINTER_LINKED_SHARE * m[2]!.length;
}

/** True for a link to another page (not mail, phone or a place on this page). */
const leavesPage = (a: Element) => !/^\s*(?:mailto:|tel:|#)/i.test(a.getAttribute('href') ?? '');

/** True when `text` (of `el`) is marked pointers one after another, as many as `el` has links to other pages, and those links hold most of it. */
function isMarkedPointerBlock(el: Element, text: string, restWords: number): boolean {
  const parts = text.split(/(?=[☞▶▷►])/u).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2 || parts.some((p) => { const m = MARKED_POINTER.exec(p); return !m || m[1]!.split(/\s+/).length < restWords; })) return false;
  const links = Array.from(el.querySelectorAll('a[href]')).filter(leavesPage);
  const linked = links.reduce((n, a) => n + norm(a.textContent).length, 0);
  return links.length === parts.length && linked >= POINTER_LINKED_SHARE * text.length;
}

/** The text of the one link of `el` when it has one and it leads to another page (not mail, phone or a place on this page). */
function soleLinkText(el: Element): string | undefined {
  const links = Array.from(el.querySelectorAll('a[href]'));
  if (links.length !== 1 || !leavesPage(links[0]!)) return undefined;
  return norm(links[0]!.textContent);
}

/** True when `el` has one link, to another page, and its text is most of `rest`. */
function soleLinkHolds(el: Element, rest: string): boolean {
  return (soleLinkText(el)?.length ?? 0) >= POINTER_LINKED_SHARE * rest.length;
}
