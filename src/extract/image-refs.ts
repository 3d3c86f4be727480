// Photos of the body: lazy-loaded sources resolved to real absolute URLs, logos and pixels
// dropped, each photo kept once as
//   <figure><img src alt><figcaption>Caption <cite>Credit</cite></figcaption></figure>
// (the credit in <cite>, without its "photo=" label; alt only when it says more than the caption),
// and collected as ImageRef records in document order.
import type { ImageRef } from '../core/records.ts';
import { isAuthorPage, resolveUrl } from './canonical-url.ts';
import { creditOfText, isCreditOnly, splitCaption, splitCredit } from './photo-credit.ts';
import { collapseSpaces as norm, looseKey, SPACE_RUNS } from './loose-key.ts';
import { hasVisibleText, blockSpacedText, type TextWalkNode } from './dom-walk.ts';
import { CAPTION_CLASS, CREDIT_CLASS, isSmallPrintCredit, MEDIA_LABEL, photoContainer } from './photo-boxes.ts';

const LOGO_ALT = /^(?:publisher\s*img|logo|.{0,40}\blogo|로고|icon|아이콘|avatar|spacer|pixel|blank|광고|advertisement|ad)$/i;
const LOGO_SRC = /(?:^|[/_.-])(?:logo|logos|icon|icons|favicon|sprite|avatar|spacer|pixel|blank|transparent|placeholder|loading|lazy|badge|emoji|button|btn)(?:[/_.-]|\d|$)|^data:/i;
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

/** An attribute value that names no image: an inline `data:` one, or a script's empty value written out ("null", "undefined", "#"). */
const NO_SOURCE = /^\s*(?:data:|(?:null|undefined|none|false|#|about:blank)\s*$)/i;

/** The real source of a possibly lazy-loaded <img> (data-src, data-original, srcset…), absolute; undefined for placeholders. */
export function imageSource(img: Element, baseUrl: string): string | undefined {
  const attrs = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-lazy', 'data-original-src', 'data-full-src', 'data-hi-res-src'];
  for (const a of attrs) {
    const v = img.getAttribute(a);
    if (v && !NO_SOURCE.test(v)) return resolveUrl(v, baseUrl);
  }
  const src = img.getAttribute('src');
  const placeholder = !src || NO_SOURCE.test(src) || /(?:blank|spacer|pixel|placeholder|transparent|lazy|loading)\.(?:gif|png|svg)/i.test(src);
  if (placeholder) {
    for (const a of ['data-srcset', 'srcset', 'data-lazy-srcset']) {
      const v = img.getAttribute(a);
      const pick = v ? pickFromSrcset(v) : undefined;
      if (pick && !NO_SOURCE.test(pick)) return resolveUrl(pick, baseUrl);
    }
    const source = img.parentElement?.tagName === 'PICTURE' ? img.parentElement.querySelector('source[srcset]') : null;
    const pick = source ? pickFromSrcset(source.getAttribute('srcset') ?? '') : undefined;
    return pick ? resolveUrl(pick, baseUrl) : undefined;
  }
  return resolveUrl(src, baseUrl);
}

/** The file name (or a folder) of a site's stock picture for shares: "opengraph_default.png", "social_placeholder.png", "…/ogtag/navernews_200x200.png". */
const SITE_DEFAULT_IMAGE = /(?:^|[_.-])(?:default|placeholder|fallback|no-?image|no-?img)(?:[_.-]|$)/i;
const SITE_DEFAULT_FOLDER = /\/(?:og-?tag|og[-_]default|default[-_]og|share[-_]default)\//i;

/** True for a page's declared image that is the site's stock picture for every page (its name says so), not a photo of the story. */
export function isSiteDefaultImage(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return SITE_DEFAULT_FOLDER.test(path) || SITE_DEFAULT_IMAGE.test(path.slice(path.lastIndexOf('/') + 1));
}

/** An image declared smaller than this on both sides is a thumbnail, not a photo of the story. */
const THUMBNAIL_WIDTH = 160;
const THUMBNAIL_HEIGHT = 100;

/** True for publisher logos, icons, tracking pixels and other images that are not photos of the story. */
function isDecorative(img: Element, url: string): boolean {
  const alt = (img.getAttribute('alt') ?? '').trim();
  if (alt !== '' && LOGO_ALT.test(alt)) return true;
  // A photo that is all a link to the front page (the outlet's logo) or an author's page (the author's portrait).
  const sole = soleLinkOf(img);
  if (sole !== undefined && (linksFrontPage(sole) || isAuthorPage(sole))) return true;
  if (linksSubscription(img)) return true;
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

/** The address of the link `img` is all of (no text, no other image beside it), if it is one. */
function soleLinkOf(img: Element): string | undefined {
  const a = img.closest('a[href]');
  if (!a || hasVisibleText(a as unknown as TextWalkNode) || a.querySelectorAll('img').length !== 1) return undefined;
  return a.getAttribute('href')!.trim();
}

/**
 * True when `img` is all a link to a site's front page holds (an outlet's logo in the story's
 * header, "<a href="https://outlet.example/"><img alt="Outlet"></a>"): a story's photo links to
 * itself, a gallery or a story, not to a home page.
 */
function linksFrontPage(href: string): boolean {
  if (href === '/') return true;
  try {
    const u = new URL(href);
    return /^https?:$/.test(u.protocol) && /^\/?(?:index\.\w{3,4})?$/.test(u.pathname) && u.search === '' && u.hash === '';
  } catch {
    return false;
  }
}

/** A subscription page's address ("https://subscribe.example.com/…", "/subscription/offer"). */
const SUBSCRIPTION_HREF = /^(?:https?:)?\/\/subscri(?:be|ption)s?\.|\/subscri(?:be|ption)s?(?:[/?#.]|$)/i;

/** True when `img` links to a subscription offer (a magazine's cover beside "Subscribe now"). */
function linksSubscription(img: Element): boolean {
  const href = img.closest('a[href]')?.getAttribute('href');
  return !!href && SUBSCRIPTION_HREF.test(href.trim());
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
      // A <cite> in a caption is its credit, as Lede writes it (and as photo boxes are rewritten above),
      // and so is one in a figure without a caption (a credit element that was all its text).
      const uncaptioned = !box.querySelector('figcaption');
      const found = Array.from(box.querySelectorAll('*')).filter((e) => CREDIT_CLASS.test(e.getAttribute('class') ?? '') || (e.tagName === 'CITE' && (uncaptioned || e.parentElement?.tagName === 'FIGCAPTION')) || isSmallPrintCredit(e));
      // (One inside another is read with it: "<cite>…<i class="credit-title">Credit:</i> Jane Doe</cite>".)
      const creditEls = found.filter((e) => !found.some((o) => o !== e && o.contains(e)));
      // (A player's label classed with the credit, "WATCH" over a video's caption, is no credit.)
      credit = norm(creditEls.map((e) => blockSpacedText(e as unknown as TextWalkNode)).filter((t) => !MEDIA_LABEL.test(norm(t))).join(' '));
      for (const e of creditEls) e.remove();
      const capEl = box.querySelector('figcaption') ?? Array.from(box.querySelectorAll('*')).find((e) => e !== img && CAPTION_CLASS.test(e.getAttribute('class') ?? ''));
      captionText = norm(blockSpacedText((capEl ?? box) as unknown as TextWalkNode)).replace(CAPTION_LABEL, '');
      // A credit set beside the caption, not in it ("<span>Image source, PA Media</span><figcaption>…"): a line of the photo's box that is a credit and nothing else.
      if (credit === '' && capEl) credit = creditBeside(box, capEl, img) ?? '';
    }
    const split = splitCaption(captionText);
    // (A separator that stood before a credit element is left at the caption's end: "… Abfahrten. |".)
    let caption = credit !== '' ? (split.caption ?? '').replace(/\s*[|/·•–—-]+$/, '') : split.caption ?? '';
    credit = creditOfText(credit);
    if (!credit && split.credit) credit = split.credit;
    // The same credit twice, in the caption's text and in an element ("(Photo: Getty Images)" and "<small>Getty</small>"): the fuller one, once.
    else if (split.credit && (key(split.credit).includes(key(credit)) || key(credit).includes(key(split.credit)))) credit = split.credit.length > credit.length ? split.credit : credit;
    else if (split.credit && key(split.credit) !== key(credit)) caption = captionText.replace(SPACE_RUNS, ' ').trim();
    // A caption that only repeats the credit ("© Jane Doe" over "Jane Doe") says nothing more.
    if (credit && key(caption) === key(credit)) caption = '';
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
