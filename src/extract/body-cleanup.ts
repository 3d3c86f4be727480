// Rewrites Readability's body in place: deck lines leave the body (they live in their own field;
// reporter lines are read and taken out by body-bylines.ts), photo-credit lines join their photo,
// boilerplate lines (copyright, "무단전재 및 재배포 금지", newsletter prompts) and empty shells are dropped.
// What stands above the story is body-top.ts's to remove, what widgets leave at its end body-ends.ts's.
import { isDateLine } from './date-line.ts';
import { hasVisibleText, textLongerThan, type TextWalkNode } from './dom-walk.ts';
import { INLINE_TEXT_TAGS, removeUp, textBlocks } from './body-blocks.ts';
import { isPaywallPrompt } from './paywall.ts';
import { captionOf } from './image-refs.ts';
import { isCreditOnly, splitCredit } from './photo-credit.ts';
import { WIRE_CREDITS, wholeReporterLine } from './reporter-line.ts';
import { collapseSpaces as norm, looseKey } from './loose-key.ts';
import { isListedStory, isStoryPointer, MAX_LISTED_STORIES, nextBlock } from './story-pointers.ts';
import { CREDIT_LABEL_START, isBoilerplate, MORE_STORIES } from './furniture-lines.ts';

const key = looseKey;

/** Blocks at the end of the body read for a paywall prompt. */
const PROMPT_TAIL_BLOCKS = 8;
/** Lines of a paywall box after its prompt (offers, prices, "Already a subscriber?") are short. */
const MAX_BOX_LINE_CHARS = 300;

/** The nearest element below `root` that holds both `a` and `b`, undefined when only `root` does. */
function sharedBox(a: Element, b: Element, root: Element): Element | undefined {
  for (let box = b.parentElement; box && box !== root; box = box.parentElement) if (box.contains(a)) return box;
  return undefined;
}

/**
 * Removes the prompt to subscribe or sign in to read on that ends the body (paywall.ts), with the
 * short lines of its box that follow it (offers, prices, sign-in links); true when there was one.
 */
export function removePaywallPrompts(content: Element): boolean {
  const tail = textBlocks(content).slice(-PROMPT_TAIL_BLOCKS);
  const at = tail.findIndex((el) => isPaywallPrompt(norm(el.textContent)));
  if (at < 0) return false;
  // The box's lines above the prompt ("It is great to see that you are enjoying the … website."):
  // inside the box that holds the prompt, which holds no line as long as the story's, nor the story's first line.
  const opening = textBlocks(content)[0];
  for (let i = at - 1; i >= 0; i--) {
    const box = sharedBox(tail[i]!, tail[at]!, content);
    if (!box || (opening && box.contains(opening)) || textBlocks(box).some((b) => !tail.includes(b) || norm(b.textContent).length > MAX_BOX_LINE_CHARS)) break;
    removeUp(tail[i]!, content);
  }
  const rest = tail.slice(at);
  if (rest.slice(1).some((el) => norm(el.textContent).length > MAX_BOX_LINE_CHARS)) {
    removeUp(rest[0]!, content);
    return true;
  }
  for (const el of rest) if (content.contains(el)) removeUp(el, content);
  return true;
}

/** Characters of a block, indentation included, beyond which it is no date line. */
const MAX_DATE_BLOCK_RAW_CHARS = 2000;

/** Removes date lines ("입력 2026.11.24 09:31 수정 …", "Published 10:20 AM") among the first and last blocks of the body. */
export function removeDateLines(content: Element): void {
  const blocks = textBlocks(content);
  const ends = blocks.length <= 10 ? blocks : [...blocks.slice(0, 5), ...blocks.slice(-5)];
  // A date line is short: a paragraph's text is not built to learn that it is not one.
  for (const el of ends) if (!textLongerThan(el as unknown as TextWalkNode, MAX_DATE_BLOCK_RAW_CHARS) && isDateLine(norm(el.textContent))) removeUp(el, content);
}

/** Longest line read as the caption of the photo it follows. */
const MAX_CAPTION_LINE_CHARS = 300;

/** The <figure> right before `el` (or before its parent, when `el` opens it), inside `root`. */
function figureBefore(el: Element, root: Element): Element | null {
  let prev = el.previousElementSibling;
  if (!prev && el.parentElement && el.parentElement !== root) prev = el.parentElement.previousElementSibling;
  return prev?.tagName === 'FIGURE' ? prev : null;
}

/** The last blocks of a body, where a wire story's credits close it. */
const WIRE_CREDIT_BLOCKS = 4;

/** Classes of a line that captions the photo before it ("caption", "wp-caption-text", "img_desc", "cutline"). */
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|captions|cutline|img[-_]?desc|photo[-_]?desc|image[-_]?desc)(?:$|[\s_-])/i;

/** The label of the credit of a post's main photo, wherever the post writes it. */
const MAIN_PHOTO_LABEL = /^\s*(?:(?:main|top|header|featured|lead|cover)\s+(?:image|photo|picture)|beitragsbild|titelbild|headerbild)\b/i;

/** The one <figure> of `content`, or null when it has none or several. */
function onlyFigure(content: Element): Element | null {
  const figures = content.querySelectorAll('figure');
  return figures.length === 1 ? figures[0]! : null;
}

/** Most characters of a box that a video's heading opens, read as the heading and the video's teaser. */
const MAX_TEASER_BOX_CHARS = 300;

/** Inline elements among the empty shells: one holding a space leaves the space. */
const INLINE_SHELLS = new Set(['SPAN', 'STRONG', 'EM', 'B', 'I', 'A']);

/** The text beside `el` on its line in one direction, up to a <br> or a block. */
function besideOnLine(el: Element, step: 'previousSibling' | 'nextSibling'): string {
  let text = '';
  for (let n = el[step]; n; n = n[step]) {
    if (n.nodeType === 1 && ((n as Element).tagName === 'BR' || !INLINE_TEXT_TAGS.has((n as Element).tagName))) break;
    text = step === 'nextSibling' ? text + (n.textContent ?? '') : (n.textContent ?? '') + text;
  }
  return text;
}

/**
 * True when inline element `el` is words of a sentence, not a line or a label of its own: words on
 * both sides ("a report from <em>Bloomberg</em> has suggested", "writes the <a>Associated Press</a>."),
 * a word in lower case going on after it ("<span>2/3</span> cup", "<b>Follow us</b> to stay up to
 * date"), or brackets around it ("(<a>Reuters</a>) —"). A label opening a line ("Vergrößern Eine
 * kleine …") or a credit closing one ("… province. Credit: Jane Doe") is read as before.
 */
function inSentence(el: Element): boolean {
  let cur: Element = el;
  // An inline element that is all its inline parent holds is read where the parent stands.
  while (cur.parentElement && INLINE_TEXT_TAGS.has(cur.parentElement.tagName) && norm(cur.parentElement.textContent) === norm(cur.textContent)) cur = cur.parentElement;
  const before = besideOnLine(cur, 'previousSibling');
  const after = besideOnLine(cur, 'nextSibling');
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  if (/^\s*\p{Ll}/u.test(after)) return true;
  return /[\p{L}\p{N},]\s*$/u.test(before) && /\S/.test(before) && /^(?:\s*[\p{L}\p{N}]|[.,;:!?)\]”’"'])/u.test(after);
}

/** Moves credit-only lines that follow a photo into its caption, drops boilerplate lines and empty shells. */
export function cleanBody(content: Element): void {
  const doc = content.ownerDocument;
  const blocks = textBlocks(content);
  for (const [i, el] of blocks.entries()) {
    if (!el.isConnected && !content.contains(el)) continue;
    const text = norm(el.textContent);
    // Words set in an inline element inside a sentence ("a report from <em>Bloomberg</em> has …") are no line of their own;
    // a credit set inline in a caption's line ("… #WeRemember <span>© Bundesrat | Jane Roe</span> …") still is one.
    if (INLINE_TEXT_TAGS.has(el.tagName) && !/^[©ⓒ]/u.test(text) && !CREDIT_LABEL_START.test(text) && inSentence(el)) continue;
    // A "more stories" heading first: some ("관련기사", "Related:") are boilerplate lines too, and
    // the list after one goes with it.
    if (text.length <= 60 && MORE_STORIES.test(text)) {
      // The heading and the list of links right after it: other stories, not this one.
      let next = nextBlock(el, content);
      for (let i = 0; next && i < MAX_LISTED_STORIES && isListedStory(next); i++) {
        const after = nextBlock(next, content);
        removeUp(next, content);
        next = after;
      }
      // A small box a video's heading opens holds the video's teaser ("<div><h3>Popular Video</h3><span>This amazing little ball…</span><div>player</div></div>").
      const box = /\bvideos?$/i.test(text) ? el.parentElement : null;
      removeUp(box && box !== content && !textLongerThan(box as unknown as TextWalkNode, MAX_TEASER_BOX_CHARS) ? box : el, content);
      continue;
    }
    // A wire story's closing credits ("Reporting by Jane Doe; Editing by John Roe") name its reporters: the reporter lines read them (removeReporterLines).
    if ((isBoilerplate(text) && !(i >= blocks.length - WIRE_CREDIT_BLOCKS && WIRE_CREDITS.test(text) && wholeReporterLine(text))) || isStoryPointer(el, text)) {
      removeUp(el, content);
      continue;
    }
    if (isCreditOnly(text)) {
      // "사진=연합뉴스" right after a photo is its credit; the credit of the post's main photo
      // ("Main image credit: Getty", "Beitragsbild: …") is the photo's when the body shows only one;
      // elsewhere a stray credit line.
      const fig = figureBefore(el, content) ?? (MAIN_PHOTO_LABEL.test(text) ? onlyFigure(content) : null);
      if (fig && !fig.querySelector('cite')) {
        const credit = splitCredit(text).credit ?? text;
        let fc = fig.querySelector('figcaption');
        if (!fc) {
          fc = doc.createElement('figcaption');
          fig.appendChild(fc);
        } else fc.appendChild(doc.createTextNode(' '));
        const cite = doc.createElement('cite');
        cite.textContent = credit;
        fc.appendChild(cite);
      }
      // A line that opens with a credit label ("Photo: …", "Image copyright …") is a credit at any length.
      if (fig || text.length < 40 || CREDIT_LABEL_START.test(text)) removeUp(el, content);
      continue;
    }
    // A short line right after an uncaptioned photo is that photo's caption when it ends or opens
    // with a credit, repeats the photo's alt text, or is classed as a caption.
    if (text.length <= MAX_CAPTION_LINE_CHARS) {
      const fig = figureBefore(el, content);
      const split = fig && !fig.querySelector('figcaption') ? splitCredit(text) : undefined;
      const img = fig?.querySelector('img');
      const alt = key(img?.getAttribute('alt') ?? '');
      const caption = split?.caption && (split.credit || (alt !== '' && key(split.caption) === alt) || CAPTION_CLASS.test(el.getAttribute('class') ?? ''));
      if (fig && split?.caption && caption) {
        const fc = doc.createElement('figcaption');
        fc.appendChild(doc.createTextNode(split.credit ? `${split.caption} ` : split.caption));
        if (split.credit) {
          const cite = doc.createElement('cite');
          cite.textContent = split.credit;
          fc.appendChild(cite);
        }
        fig.appendChild(fc);
        // The alt text that repeats the caption goes: the caption is shown once.
        if (img && alt !== '' && key(split.caption).includes(alt)) img.setAttribute('alt', '');
        removeUp(el, content);
      }
    }
  }
  // A photo whose caption is an offer or a prompt (a magazine's subscription banner) is no photo of the story.
  for (const fc of Array.from(content.querySelectorAll('figure > figcaption'))) {
    // (A caption opening with its copyright line is a caption with its credit first.)
    const text = captionOf(fc);
    if (isBoilerplate(text) && !/^(?:ⓒ|©|\(c\)|copyright)/iu.test(text)) fc.parentElement!.remove();
  }
  // Empty shells (no text, no photo) left by the removals above. Removing a shell never changes
  // the text of what is left, so blankness is read without building every container's text.
  for (const el of Array.from(content.querySelectorAll('p, div, span, section, li, ul, ol, blockquote, strong, em, b, i, a, h1, h2, h3, h4, h5, h6')).reverse()) {
    if (hasVisibleText(el) || el.querySelector('img, figure, br + br, hr, table')) continue;
    // An inline element holding a space keeps the words around it apart ("The film<i> </i>strains").
    if (INLINE_SHELLS.has(el.tagName) && /\s/.test(el.textContent ?? '')) el.replaceWith(doc.createTextNode(' '));
    else el.remove();
  }
}
