// Photo boxes as a page writes them, read before Readability strips every class: the element that
// holds a photo with its caption and credit, told by class names ("caption", "credit") and by
// structure. Boxes that hold one photo and a caption are written as <figure>s, credits inside a
// caption as <cite>s, AMP images as <img>s; boxes that hold a photo alone are listed for the
// figure snapshot (figure-restore.ts). image-refs.ts reads the photos once the body is chosen.
import { collapseSpaces as norm } from './loose-key.ts';

/** Class names that say "caption" and nothing else. */
const CAPTION_WORDS = String.raw`caption|captions|cap|figcaption|img-?desc|photo-?desc|photo-?caption|image-?caption|desc|wp-caption-text`;
/** A class made of one of `words` between separators. */
const classWord = (words: string) => new RegExp(String.raw`(?:^|[-_\s])(?:${words})(?:$|[-_\s])`, 'i');
/** Caption classes, with the words a caption box beside a photo may also use ("text", "description"). */
export const CAPTION_CLASS = classWord(`${CAPTION_WORDS}|description|txt|text|photo-?text`);
/** Caption classes that name a caption and nothing else (not "text" or "description", which story and recipe boxes beside a photo use too). */
const NAMED_CAPTION_CLASS = classWord(CAPTION_WORDS);
export const CREDIT_CLASS = classWord('credit|credits|copyright|byline|source|photographer|attribution');
/** Classes of a box that holds a photo ("se-module-image", "article-photo", "img_box"). */
const PHOTO_BOX_CLASS = classWord('image|img|photo|picture|pic');

/** `el` renamed to `tag` in place: its attributes and children moved to a new element. */
function renamed(el: Element, tag: string): Element {
  const to = el.ownerDocument.createElement(tag);
  for (const a of Array.from(el.attributes)) to.setAttribute(a.name, a.value);
  while (el.firstChild) to.appendChild(el.firstChild);
  el.replaceWith(to);
  return to;
}

/** Attributes an AMP image carries over to the <img> it stands for. */
const AMP_IMG_ATTRIBUTES = ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'title', 'data-src'];

/** AMP pages' <amp-img> (and <amp-anim>) as the <img> they stand for, so their photos are read like any other; the fallback inside one goes with it. */
export function ampImagesAsImg(doc: Document): void {
  for (const amp of Array.from(doc.querySelectorAll('amp-img, amp-anim'))) {
    if (amp.parentElement?.closest('amp-img, amp-anim')) continue;
    const img = doc.createElement('img');
    for (const name of AMP_IMG_ATTRIBUTES) {
      const value = amp.getAttribute(name);
      if (value !== null) img.setAttribute(name, value);
    }
    amp.parentNode?.replaceChild(img, amp);
  }
}

/**
 * Writes every photo box of `doc` that holds one photo and a caption classed as one ("desc",
 * "caption", "img_desc") as a <figure> with its <figcaption>, before Readability runs: Readability
 * removes every class and rewraps boxes of <div>s, after which nothing would tell the caption
 * from a paragraph of the story (where a photographer's "홍길동 기자 hong@…" reads as the
 * story's byline). Returns the boxes classed as a photo's that hold a photo alone, left as they are.
 */
export function photoBoxesAsFigures(doc: Document): Element[] {
  const lone: Element[] = [];
  // A <figure>'s credit classed as one inside its caption ("<figcaption>…<span class="credit">Credit Jane Doe</span>"):
  // a <cite>, which tells it from the caption once Readability has removed the classes.
  for (const cap of Array.from(doc.querySelectorAll('figure > figcaption'))) {
    for (const credit of Array.from(cap.children)) if (CREDIT_CLASS.test(credit.getAttribute('class') ?? '') && !credit.querySelector('img')) renamed(credit, 'cite');
  }
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const box = photoContainer(img);
    if (box === img || box.tagName === 'FIGURE' || box.querySelector('figure, figcaption')) continue;
    const caption = Array.from(box.querySelectorAll('*')).find((e) => !e.contains(img) && NAMED_CAPTION_CLASS.test(e.getAttribute('class') ?? ''));
    // A box classed as a photo's that holds the photo alone (an editor's image block set between its
    // text blocks): left as it is for Readability, listed so that its loss can be mended.
    if (!caption && isLonePhotoBox(box, img)) {
      lone.push(box);
      continue;
    }
    // The box holds the photo and its caption (and its credit) and nothing else (not an infobox table with a photo in it).
    if (!caption || caption.querySelector('img') || norm(caption.textContent).length + creditChars(box, img) < norm(box.textContent).length - 2) continue;
    // A <p> caption keeps its paragraph inside the figcaption: Readability weighs a list or box by
    // its paragraphs against its photos, and one that loses them goes (a list of items with photos).
    const cap = renamed(caption, 'figcaption');
    if (caption.tagName === 'P') {
      const para = cap.ownerDocument.createElement('p');
      while (cap.firstChild) para.appendChild(cap.firstChild);
      cap.appendChild(para);
    }
    // A credit beside the caption goes into it as a <cite>, which tells it from the caption once
    // Readability has removed the classes.
    for (const credit of creditElements(box, img)) if (!cap.contains(credit)) cap.appendChild(renamed(credit, 'cite'));
    renamed(box, 'figure');
  }
  return lone;
}

/** True for a block that holds `img` and no text, classed as a photo's box (it or a wrapper inside it). */
function isLonePhotoBox(box: Element, img: Element): boolean {
  if (box.tagName !== 'DIV' || norm(box.textContent) !== '') return false;
  for (let el: Element | null = img.parentElement; el; el = el === box ? null : el.parentElement) {
    if (PHOTO_BOX_CLASS.test(el.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Longest small print closing a caption that is read as its credit. */
const MAX_SMALL_CREDIT_CHARS = 80;

/** A caption's small print after its text, closing it ("<figcaption>Buses at a depot. <small>Jane Doe / The Daily</small></figcaption>"): the credit. */
export function isSmallPrintCredit(e: Element): boolean {
  const cap = e.parentElement;
  if (e.tagName !== 'SMALL' || cap?.tagName !== 'FIGCAPTION' || cap.lastElementChild !== e || e.nextSibling?.textContent?.trim()) return false;
  const text = norm(e.textContent);
  return text !== '' && text.length <= MAX_SMALL_CREDIT_CHARS && norm(cap.textContent).length > text.length;
}

/** Elements of a photo box classed as its photo's credit ("credit", "copyright"), outside its caption and each other. */
function creditElements(box: Element, img: Element): Element[] {
  const found = Array.from(box.querySelectorAll('*')).filter((e) => !e.contains(img) && CREDIT_CLASS.test(e.getAttribute('class') ?? ''));
  return found.filter((e) => {
    for (let a = e.parentElement; a && a !== box; a = a.parentElement) if (found.includes(a) || CAPTION_CLASS.test(a.getAttribute('class') ?? '')) return false;
    return true;
  });
}

/** Characters of the text of a photo box's credit elements. */
function creditChars(box: Element, img: Element): number {
  return creditElements(box, img).reduce((n, e) => n + norm(e.textContent).length, 0);
}

/** The element that holds one photo and its caption: a <figure>, a small wrapper with a caption-like child, or textless wrappers around the <img>. */
export function photoContainer(img: Element): Element {
  const fig = img.closest('figure');
  if (fig) return fig;
  let el: Element = img;
  for (let i = 0; i < 4 && el.parentElement; i++) {
    const p: Element = el.parentElement;
    const tag = p.tagName;
    if (tag === 'BODY' || tag === 'ARTICLE' || tag === 'MAIN' || tag === 'SECTION' || p.id === 'readability-page-1') break;
    if (p.querySelectorAll('img').length > 1) break;
    const text = norm(p.textContent);
    if (text === '') {
      el = p;
      continue;
    }
    // A wrapper whose only text is a caption-like child (or a one-photo table) is the photo box.
    const captionChild = Array.from(p.querySelectorAll('*')).find((c) => !c.contains(img) && CAPTION_CLASS.test(c.getAttribute('class') ?? '') || c.tagName === 'FIGCAPTION');
    if (text.length <= 400 && (captionChild || tag === 'TABLE') && p.querySelectorAll('p').length <= 1) {
      if (!captionChild || norm(captionChild.textContent).length + creditChars(p, img) >= text.length - 2) return p;
      if (tag === 'TABLE') return p;
    }
    break;
  }
  return el;
}

