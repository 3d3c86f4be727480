// Photo boxes as a page writes them, read before Readability strips every class: the element that
// holds a photo with its caption and credit, told by class names ("caption", "credit") and by
// structure. Boxes that hold one photo and a caption are written as <figure>s, credits inside a
// caption as <cite>s, AMP images as <img>s; boxes that hold a photo alone are listed for the
// figure snapshot (figure-restore.ts). image-refs.ts reads the photos once the body is chosen.
import { collapseSpaces as norm, looseKey } from './loose-key.ts';
import { removePhotoCopies } from './photo-copies.ts';

/** Class names that say "caption" and nothing else. */
const CAPTION_WORDS = String.raw`caption|captions|cap|figcaption|img-?desc|photo-?desc|photo-?caption|image-?caption|desc|wp-caption-text`;
/** A class made of one of `words` between separators. */
const classWord = (words: string) => new RegExp(String.raw`(?:^|[-_\s])(?:${words})(?:$|[-_\s])`, 'i');
/** Caption classes, with the words a caption box beside a photo may also use ("text", "description"). */
export const CAPTION_CLASS = classWord(`${CAPTION_WORDS}|description|txt|text|photo-?text`);
/** Caption classes that name a caption and nothing else (not "text" or "description", which story and recipe boxes beside a photo use too). */
const NAMED_CAPTION_CLASS = classWord(CAPTION_WORDS);
export const CREDIT_CLASS = classWord('credit|credits|copyright|byline|source|photographer|attribution');
/** A media player's label ("WATCH", "Play video"). */
export const MEDIA_LABEL = /^(?:watch|play|video|listen|play video|watch video|watch now)$/i;
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

/** Longest caption (non-space characters) whose small images are read as its icons. */
const MAX_ICON_CAPTION_CHARS = 400;

/**
 * Removes the images set inside a photo's caption beside its text (a camera icon before "Hal and
 * Fran Finney. Photo courtesy …"): the caption's icons, which made the box one of two photos.
 */
function removeCaptionIcons(doc: Document): void {
  for (const icon of Array.from(doc.querySelectorAll('figcaption img, [class] > img'))) {
    const cap = icon.parentElement!;
    if (cap.tagName !== 'FIGCAPTION' && !NAMED_CAPTION_CLASS.test(cap.getAttribute('class') ?? '')) continue;
    // A caption line (no blocks in it) with text, set beside the box's one photo.
    const text = norm(cap.textContent);
    if (text === '' || text.length > MAX_ICON_CAPTION_CHARS || cap.querySelector('p, div, figure, picture, ul, table')) continue;
    // The box around it holds the caption and one photo, nothing more.
    const box = cap.tagName === 'FIGURE' ? null : cap.parentElement;
    if (!box || norm(box.textContent).length > text.length + 2) continue;
    const photos = Array.from(box.querySelectorAll('img')).filter((i) => !cap.contains(i));
    if (photos.length === 1) icon.remove();
  }
}

/**
 * Writes the credit elements of a photo (classed as credits, in document order) as <cite>s in its
 * caption `cap`, which tells them from the caption once Readability has removed the classes: those
 * beside the caption move into it, one inside another is read with it, the same credit written
 * again goes, and so does a player's label classed as a credit ("WATCH").
 */
function citeCredits(cap: Element, credits: readonly Element[]): void {
  const seen = new Set<string>();
  // (The outermost ones, told before any is renamed: a renamed credit no longer holds the label classed inside it, "<i class="credit-title">Credit:</i>".)
  const outermost = credits.filter((credit) => !credits.some((c) => c !== credit && c.contains(credit)));
  for (const credit of outermost) {
    if (!credit.isConnected) continue;
    const k = looseKey(credit.textContent ?? '');
    if (k === '') continue;
    if (seen.has(k) || MEDIA_LABEL.test(norm(credit.textContent))) {
      credit.remove();
      continue;
    }
    seen.add(k);
    const cite = renamed(credit, 'cite');
    if (!cap.contains(cite)) cap.appendChild(cite);
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
  removePhotoCopies(doc);
  removeCaptionIcons(doc);
  // A <figure>'s credit classed as one, in its caption ("<figcaption>…<span class="credit">Credit
  // Jane Doe</span>") or beside the photo: a <cite> in the caption.
  for (const fig of Array.from(doc.querySelectorAll('figure'))) {
    const credits = Array.from(fig.querySelectorAll('*')).filter((e) => e.tagName !== 'FIGCAPTION' && CREDIT_CLASS.test(e.getAttribute('class') ?? '') && !e.querySelector('img, figure'));
    const cap = Array.from(fig.children).find((c) => c.tagName === 'FIGCAPTION');
    if (cap) citeCredits(cap, credits);
    // A figure whose only text is its credit: the credit a <cite> where it stands (a new caption would change Readability's reading).
    else if (creditsAlone(fig, credits)) for (const c of credits) if (!credits.some((o) => o !== c && o.contains(c))) renamed(c, 'cite');
  }
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const box = photoContainer(img);
    if (box === img) citeLoneCredits(img);
    if (box === img || box.tagName === 'FIGURE' || box.querySelector('figure, figcaption')) continue;
    const caption = Array.from(box.querySelectorAll('*')).find((e) => !e.contains(img) && NAMED_CAPTION_CLASS.test(e.getAttribute('class') ?? ''));
    // A box classed as a photo's that holds the photo alone (an editor's image block set between its
    // text blocks): left as it is for Readability, listed so that its loss can be mended.
    if (!caption && isLonePhotoBox(box, img)) {
      lone.push(box);
      continue;
    }
    if (!caption) continue;
    // The box holds the photo and its caption (and its credit) and nothing else (not an infobox table with a photo in it).
    if (caption.querySelector('img') || norm(caption.textContent).length + creditChars(box, img) < norm(box.textContent).length - 2) continue;
    // A <p> caption keeps its paragraph inside the figcaption: Readability weighs a list or box by
    // its paragraphs against its photos, and one that loses them goes (a list of items with photos).
    const cap = renamed(caption, 'figcaption');
    if (caption.tagName === 'P') {
      const para = cap.ownerDocument.createElement('p');
      while (cap.firstChild) para.appendChild(cap.firstChild);
      cap.appendChild(para);
    }
    // A credit inside the caption, or beside it, becomes a <cite> in it.
    const inside = Array.from(cap.querySelectorAll('*')).filter((e) => CREDIT_CLASS.test(e.getAttribute('class') ?? '') && !e.querySelector('img'));
    citeCredits(cap, [...inside, ...creditElements(box, img).filter((c) => !cap.contains(c))]);
    renamed(box, 'figure');
  }
  return lone;
}

/** Levels above a photo searched for the box its credit shares with it. */
const CREDIT_BOX_LEVELS = 3;

/**
 * The credit elements of a box that holds the photo `img` and its credit alone, no caption ("<div
 * class="photo"><img><div class="credit">Jane Doe/AP</div></div>"), written as <cite>s where they
 * stand (renaming the box or adding a caption would change Readability's reading of the page).
 */
function citeLoneCredits(img: Element): void {
  let box = img.parentElement;
  for (let i = 0; box && i < CREDIT_BOX_LEVELS && norm(box.textContent) === ''; i++) box = box.parentElement;
  if (!box || /^(?:BODY|ARTICLE|MAIN|SECTION)$/.test(box.tagName) || box.querySelectorAll('img').length !== 1) return;
  const credits = creditElements(box, img);
  // (A credit holding a paragraph stays: Readability weighs the box by its paragraphs.)
  if (creditsAlone(box, credits) && !credits.some((c) => c.querySelector('p, div, figure, img'))) for (const c of credits) renamed(c, 'cite');
}

/** True when `credits` hold all the text of `box` (and there is some): a photo box with a credit and no caption. */
function creditsAlone(box: Element, credits: readonly Element[]): boolean {
  const text = norm(box.textContent).length;
  return text > 0 && text <= MAX_SMALL_CREDIT_CHARS && credits.reduce((n, e) => n + norm(e.textContent).length, 0) >= text - 2;
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
    // A wrapper whose only text is the photo's credit, as a <cite> (written so above from a credit element).
    const citeChars = captionChild ? 0 : Array.from(p.querySelectorAll('cite'), (c) => norm(c.textContent).length).reduce((a, b) => a + b, 0);
    if (citeChars > 0 && text.length <= MAX_SMALL_CREDIT_CHARS && citeChars >= text.length - 2) return p;
    if (text.length <= 400 && (captionChild || tag === 'TABLE') && p.querySelectorAll('p').length <= 1) {
      if (!captionChild || norm(captionChild.textContent).length + creditChars(p, img) >= text.length - 2) return p;
      if (tag === 'TABLE') return p;
    }
    break;
  }
  return el;
}

