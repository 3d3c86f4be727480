// Photos of the body: lazy-loaded sources resolved to real absolute URLs, logos and pixels
// dropped, each photo kept once as
//   <figure><img src alt><figcaption>Caption <cite>Credit</cite></figcaption></figure>
// (the credit in <cite>, without its "photo=" label; alt only when it says more than the caption),
// and collected as ImageRef records in document order.
import type { ImageRef } from '../core/records.ts';
import { resolveUrl } from './canonical-url.ts';
import { isCreditOnly, splitCaption, splitCredit } from './photo-credit.ts';
import { collapseSpaces as norm, looseKey, SPACE_RUNS } from './loose-key.ts';
import { hasVisibleText, blockSpacedText, type TextWalkNode } from './dom-walk.ts';

const LOGO_ALT = /^(?:publisher\s*img|logo|.{0,40}\blogo|로고|icon|아이콘|avatar|spacer|pixel|blank|광고|advertisement|ad)$/i;
const LOGO_SRC = /(?:^|[/_.-])(?:logo|logos|icon|icons|favicon|sprite|avatar|spacer|pixel|blank|transparent|placeholder|loading|lazy|badge|emoji|button|btn)(?:[/_.-]|\d|$)|^data:/i;
/** Class names that say "caption" and nothing else. */
const CAPTION_WORDS = String.raw`caption|captions|cap|figcaption|img-?desc|photo-?desc|photo-?caption|image-?caption|desc|wp-caption-text`;
/** A class made of one of `words` between separators. */
const classWord = (words: string) => new RegExp(String.raw`(?:^|[-_\s])(?:${words})(?:$|[-_\s])`, 'i');
/** Caption classes, with the words a caption box beside a photo may also use ("text", "description"). */
const CAPTION_CLASS = classWord(`${CAPTION_WORDS}|description|txt|text|photo-?text`);
/** Caption classes that name a caption and nothing else (not "text" or "description", which story and recipe boxes beside a photo use too). */
const NAMED_CAPTION_CLASS = classWord(CAPTION_WORDS);
const CREDIT_CLASS = classWord('credit|credits|copyright|byline|source|photographer|attribution');
/** A credit element's label without punctuation before the name ("Credit Jane Doe", "Photo Jane Doe"). */
const BARE_CREDIT_LABEL = /^(?:[Cc]redits?|CREDITS?|[Pp]hotos?|PHOTOS?|[Ff]otos?|사진|写真)\s+(?=\p{Lu}|[가-힣])/u;
/** Classes of a box that holds a photo ("se-module-image", "article-photo", "img_box"). */
const PHOTO_BOX_CLASS = classWord('image|img|photo|picture|pic');

/** Picks the widest candidate of a srcset ("a.jpg 320w, b.jpg 1024w" → "b.jpg"). */
export function pickFromSrcset(srcset: string): string | undefined {
  let best: string | undefined;
  let bestW = -1;
  for (const part of srcset.split(/,\s+(?=\S)/)) {
    const [u, d] = part.trim().split(/\s+/);
    if (!u) continue;
    const w = d ? parseFloat(d) * (d.endsWith('x') ? 1000 : 1) : 1;
    if (w > bestW) {
      best = u;
      bestW = w;
    }
  }
  return best;
}

/** The real source of a possibly lazy-loaded <img> (data-src, data-original, srcset…), absolute; undefined for placeholders. */
export function imageSource(img: Element, baseUrl: string): string | undefined {
  const attrs = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-lazy', 'data-original-src', 'data-full-src', 'data-hi-res-src'];
  for (const a of attrs) {
    const v = img.getAttribute(a);
    if (v && !/^data:/i.test(v)) return resolveUrl(v, baseUrl);
  }
  const src = img.getAttribute('src');
  const placeholder = !src || /^data:/i.test(src) || /(?:blank|spacer|pixel|placeholder|transparent|lazy|loading)\.(?:gif|png|svg)/i.test(src);
  if (placeholder) {
    for (const a of ['data-srcset', 'srcset', 'data-lazy-srcset']) {
      const v = img.getAttribute(a);
      const pick = v ? pickFromSrcset(v) : undefined;
      if (pick && !/^data:/i.test(pick)) return resolveUrl(pick, baseUrl);
    }
    const source = img.parentElement?.tagName === 'PICTURE' ? img.parentElement.querySelector('source[srcset]') : null;
    const pick = source ? pickFromSrcset(source.getAttribute('srcset') ?? '') : undefined;
    return pick ? resolveUrl(pick, baseUrl) : undefined;
  }
  return resolveUrl(src, baseUrl);
}

/** An image declared smaller than this on both sides is a thumbnail, not a photo of the story. */
const THUMBNAIL_WIDTH = 160;
const THUMBNAIL_HEIGHT = 100;

/** True for publisher logos, icons, tracking pixels and other images that are not photos of the story. */
function isDecorative(img: Element, url: string): boolean {
  const alt = (img.getAttribute('alt') ?? '').trim();
  if (alt !== '' && LOGO_ALT.test(alt)) return true;
  if (linksFrontPage(img)) return true;
  const w = parseInt(img.getAttribute('width') ?? '', 10);
  const h = parseInt(img.getAttribute('height') ?? '', 10);
  if ((w > 0 && w < 50) || (h > 0 && h < 50)) return true;
  // A thumbnail (a gallery strip's, a teaser's), both sides small.
  if (w > 0 && h > 0 && w < THUMBNAIL_WIDTH && h < THUMBNAIL_HEIGHT) return true;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep url */
  }
  return LOGO_SRC.test(path);
}

/**
 * True when `img` is all a link to a site's front page holds (an outlet's logo in the story's
 * header, "<a href="https://outlet.example/"><img alt="Outlet"></a>"): a story's photo links to
 * itself, a gallery or a story, not to a home page.
 */
function linksFrontPage(img: Element): boolean {
  const a = img.closest('a[href]');
  if (!a || hasVisibleText(a as unknown as TextWalkNode) || a.querySelectorAll('img').length !== 1) return false;
  const href = a.getAttribute('href')!.trim();
  if (href === '/') return true;
  try {
    const u = new URL(href);
    return /^https?:$/.test(u.protocol) && /^\/?(?:index\.\w{3,4})?$/.test(u.pathname) && u.search === '' && u.hash === '';
  } catch {
    return false;
  }
}

/** A screen reader's label opening a caption ("Image caption, Roads were flooded …"). */
const CAPTION_LABEL = /^(?:image|photo|picture|media|video)\s+caption\s*[,:：]\s*/i;

/** The credit a leaf element of `box` outside its caption and photo holds alone, if any. */
function creditBeside(box: Element, capEl: Element, img: Element): string | undefined {
  for (const e of Array.from(box.querySelectorAll('span, p, div, small'))) {
    if (capEl.contains(e) || e.contains(capEl) || e.contains(img) || e.querySelector('p, div, figcaption, img')) continue;
    const text = norm(blockSpacedText(e as unknown as TextWalkNode));
    if (text !== '' && isCreditOnly(text)) {
      e.remove();
      return text;
    }
  }
  return undefined;
}

/** Loose comparison key. */
const key = looseKey;

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
function isSmallPrintCredit(e: Element): boolean {
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
function photoContainer(img: Element): Element {
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

/** Rewrites every photo of `content` in place to the figure structure above and returns them as ImageRefs in document order, each URL once. */
export function normalizeImages(content: Element, baseUrl: string): ImageRef[] {
  const doc = content.ownerDocument;
  const out: ImageRef[] = [];
  const seen = new Set<string>();
  for (const img of Array.from(content.querySelectorAll('img'))) {
    if (!img.isConnected && !content.contains(img)) continue;
    const url = imageSource(img, baseUrl);
    // Logos, pixels and repeats of an earlier photo go; a repeat's caption text stays where it was.
    if (!url || isDecorative(img, url) || seen.has(url)) {
      // A figure left with nothing in it goes too.
      const fig = img.closest('figure');
      img.remove();
      if (fig && !fig.querySelector('img, picture, video, iframe, svg') && norm(fig.textContent) === '') fig.remove();
      continue;
    }
    seen.add(url);
    const box = photoContainer(img);
    // Caption and credit: explicit credit elements first, then credit text inside the caption.
    let captionText = '';
    let credit = '';
    if (box !== img) {
      // A <cite> in a caption is its credit, as Lede writes it (and as photo boxes are rewritten above).
      const creditEls = Array.from(box.querySelectorAll('*')).filter((e) => CREDIT_CLASS.test(e.getAttribute('class') ?? '') || (e.tagName === 'CITE' && e.parentElement?.tagName === 'FIGCAPTION') || isSmallPrintCredit(e));
      // A label the credit element opens with, read by screen readers only ("<span class="visually-hidden">Credit</span> Jane Doe").
      credit = norm(creditEls.map((e) => blockSpacedText(e as unknown as TextWalkNode)).join(' ')).replace(BARE_CREDIT_LABEL, '');
      for (const e of creditEls) e.remove();
      const capEl = box.querySelector('figcaption') ?? Array.from(box.querySelectorAll('*')).find((e) => e !== img && CAPTION_CLASS.test(e.getAttribute('class') ?? ''));
      captionText = norm(blockSpacedText((capEl ?? box) as unknown as TextWalkNode)).replace(CAPTION_LABEL, '');
      // A credit set beside the caption, not in it ("<span>Image source, PA Media</span><figcaption>…"): a line of the photo's box that is a credit and nothing else.
      if (credit === '' && capEl) credit = creditBeside(box, capEl, img) ?? '';
    }
    const split = splitCaption(captionText);
    // (A separator that stood before a credit element is left at the caption's end: "… Abfahrten. |".)
    let caption = credit !== '' ? (split.caption ?? '').replace(/\s*[|/·•–—-]+$/, '') : split.caption ?? '';
    // A label goes ("Photo: Reuters" → "Reuters"); credit elements that name a photographer and an agency keep both ("Jane Doe" "Reuters").
    const creditLabelled = splitCredit(credit);
    credit = creditLabelled.credit && creditLabelled.caption && !/[.!?]/.test(creditLabelled.caption) ? credit : creditLabelled.credit ?? creditLabelled.caption ?? '';
    if (!credit && split.credit) credit = split.credit;
    // The same credit twice, in the caption's text and in an element ("(Photo: Getty Images)" and "<small>Getty</small>"): the fuller one, once.
    else if (split.credit && (key(split.credit).includes(key(credit)) || key(credit).includes(key(split.credit)))) credit = split.credit.length > credit.length ? split.credit : credit;
    else if (split.credit && key(split.credit) !== key(credit)) caption = captionText.replace(SPACE_RUNS, ' ').trim();
    let alt = norm(img.getAttribute('alt'));
    const altCore = key(splitCredit(alt).caption ?? '');
    if (alt && (isCreditOnly(alt) || (altCore !== '' && key(caption).includes(altCore)) || (caption && (key(caption).includes(key(alt)) || key(alt).includes(key(caption)))) || (credit && key(alt).includes(key(credit)) && key(alt).length <= key(credit).length + 12))) alt = '';
    if (alt && caption === '' && splitCredit(alt).credit) {
      const s = splitCredit(alt);
      if (!credit && s.credit) credit = s.credit;
      alt = s.caption ?? '';
    }
    const w = parseInt(img.getAttribute('width') ?? '', 10);
    const h = parseInt(img.getAttribute('height') ?? '', 10);
    out.push({
      url,
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(alt ? { alt } : {}),
      ...(w > 0 ? { width: w } : {}),
      ...(h > 0 ? { height: h } : {}),
    });
    const figure = doc.createElement('figure');
    const clean = doc.createElement('img');
    clean.setAttribute('src', url);
    clean.setAttribute('alt', alt);
    figure.appendChild(clean);
    if (caption || credit) {
      const fc = doc.createElement('figcaption');
      if (caption) fc.appendChild(doc.createTextNode(caption));
      if (credit) {
        if (caption) fc.appendChild(doc.createTextNode(' '));
        const cite = doc.createElement('cite');
        cite.textContent = credit;
        fc.appendChild(cite);
      }
      figure.appendChild(fc);
    }
    // An inline photo inside a text paragraph moves out in front of it.
    if (box === img && img.parentElement?.tagName === 'P' && img.parentElement !== content) {
      img.parentElement.before(figure);
      img.remove();
    } else box.replaceWith(figure);
  }
  return out;
}

/** The caption a <figcaption> writes, without its credit (the <cite> Lede writes it in). */
export function captionOf(fc: Element): string {
  let caption = '';
  for (let n = fc.firstChild; n; n = n.nextSibling) if (!(n.nodeType === 1 && (n as Element).tagName === 'CITE')) caption += n.textContent ?? '';
  return norm(caption);
}

/**
 * `images` with the captions and credits the body clean-up gave their figures afterwards (a
 * credit line or a caption line right after a photo joins its figure): the photo list says what
 * the body shows. A photo that already had a caption or a credit keeps its own.
 */
export function withFigureCaptions(content: Element, images: readonly ImageRef[]): ImageRef[] {
  const late = new Map<string, { caption?: string; credit?: string }>();
  for (const fig of Array.from(content.querySelectorAll('figure'))) {
    const src = fig.querySelector('img')?.getAttribute('src');
    const fc = fig.querySelector('figcaption');
    if (!src || !fc) continue;
    const credit = norm(Array.from(fc.querySelectorAll('cite'), (c) => c.textContent).join(' '));
    const caption = captionOf(fc);
    late.set(src, { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) });
  }
  // A photo the clean-up removed (an offer's banner) is no longer the story's.
  const shown = new Set(Array.from(content.querySelectorAll('img'), (img) => img.getAttribute('src')));
  return images.filter((i) => shown.has(i.url)).map((i) => (i.caption || i.credit || !late.has(i.url) ? i : { ...i, ...late.get(i.url) }));
}
