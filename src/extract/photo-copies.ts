// A photo written twice in its box (the page's size and an enlarger's, with the caption and credit
// written again): the copy and the lines that only repeat the box's text go, before the photo
// boxes are read (photo-boxes.ts), so the box reads as one photo with its caption and credit.
import { nextInOrder, type WalkEl } from './dom-walk.ts';
import { isBoilerplate } from './furniture-lines.ts';
import { collapseSpaces as norm, looseKey } from './loose-key.ts';

/** Letters and digits of a photo file's name, its size marks left out, that tell one photo from another. */
const MIN_PHOTO_NAME_CHARS = 16;
/** Levels above a photo searched for the box that holds a copy of it. */
const COPY_LEVELS = 4;
/** Characters of text of a box holding a photo twice: its caption and credit, written twice at most. */
const MAX_COPY_BOX_CHARS = 800;

/**
 * The file a photo's address names, without the size mark closing its name ("-1024x683", "-s1100",
 * "_800w"): one photo at two sizes gives one key (two formats of it, two). Undefined for a name too
 * short to tell photos apart ("IMG_0412.JPG") and for an address that is no web address.
 */
export function photoKey(src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const at = url.pathname.lastIndexOf('/');
  const name = url.pathname.slice(at + 1).replace(/[-_]\d{2,4}x\d{2,4}(?=\.\w+$)|[-_.](?:[swh]|w_|h_)?\d{3,4}(?:w|px)?(?=\.\w+$)/gi, '');
  return looseKey(name).length >= MIN_PHOTO_NAME_CHARS ? `${url.host}${url.pathname.slice(0, at)}/${name}` : undefined;
}

/** The first `max` images inside `el`, in document order (a walk that stops there: a box's ancestors can hold a page of photos). */
function imagesIn(el: Element, max: number): Element[] {
  const found: Element[] = [];
  for (let cur = el.firstElementChild; cur && found.length < max; cur = nextInOrder(cur as unknown as WalkEl, el as unknown as WalkEl) as unknown as Element | null) {
    if (cur.tagName === 'IMG') found.push(cur);
  }
  return found;
}

/**
 * Takes the second copy of a photo out of the box that holds it twice (the page's size and an
 * enlarger's, with the caption and credit written again for the enlarger): the branch of the box
 * with the copy, when it holds no text, the branches after the photo's that only repeat text
 * written before them in the box, and the box's button labels ("Enlarge this image", "hide
 * caption"). The box then reads as one photo with its caption.
 */
export function removePhotoCopies(doc: Document): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (!img.isConnected) continue;
    const key = photoKey(img.getAttribute('src') ?? '');
    if (!key) continue;
    let box = img.parentElement;
    for (let i = 0; box && i < COPY_LEVELS && imagesIn(box, 2).length < 2; i++) box = box.parentElement;
    const imgs = box ? imagesIn(box, 3) : [];
    // (The same address twice is a script's and a <noscript>'s copy, which the reading handles.)
    const copySrc = imgs[1]?.getAttribute('src') ?? '';
    if (!box || imgs.length !== 2 || imgs[0] !== img || copySrc === img.getAttribute('src') || photoKey(copySrc) !== key) continue;
    // A photo's box: a caption and a credit, perhaps twice, and no headings.
    if (norm(box.textContent).length > MAX_COPY_BOX_CHARS || box.querySelector('h1, h2, h3, h4, h5, h6')) continue;
    const branchOf = (el: Element) => {
      let b = el;
      while (b.parentElement !== box) b = b.parentElement!;
      return b;
    };
    const own = branchOf(img);
    const copy = branchOf(imgs[1]!);
    if (copy === own || norm(copy.textContent) !== '') continue;
    copy.remove();
    let before = '';
    for (let ch = box.firstElementChild; ch; ) {
      const next = ch.nextElementSibling;
      const k = looseKey(ch.textContent ?? '');
      if (ch !== own && k !== '' && before.includes(k) && !ch.querySelector('img')) ch.remove();
      else before += k;
      ch = next;
    }
    for (const leaf of Array.from(box.querySelectorAll('*'))) {
      if (leaf.firstElementChild === null && leaf.tagName !== 'IMG' && isBoilerplate(norm(leaf.textContent))) leaf.remove();
    }
  }
}
