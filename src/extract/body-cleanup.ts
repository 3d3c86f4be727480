// Rewrites Readability's body in place: deck lines leave the body (they live in their own field;
// reporter lines are read and taken out by body-bylines.ts), photo-credit lines join their photo,
// boilerplate lines (copyright, "무단전재 및 재배포 금지", newsletter prompts) and empty shells are dropped.
// What widgets leave at the end of the body is body-ends.ts's to remove.
import { isDateLine } from './date-line.ts';
import { countNonSpace, hasVisibleText, linkedNonSpaceChars, textLongerThan, type TextWalkNode } from './dom-walk.ts';
import { INLINE_TEXT_TAGS, removeUp, textBlocks } from './body-blocks.ts';
import { isPaywallPrompt } from './paywall.ts';
import { captionOf } from './image-refs.ts';
import { isCreditOnly, splitCredit } from './photo-credit.ts';
import { WIRE_CREDITS, wholeReporterLine } from './reporter-line.ts';
import { collapseSpaces as norm, looseKey, minHeadlineChars } from './loose-key.ts';
import { isListedStory, isStoryPointer, MAX_LISTED_STORIES, nextBlock } from './story-pointers.ts';
import { CREDIT_LABEL_START, isBoilerplate, MORE_STORIES } from './furniture-lines.ts';

const key = looseKey;

/** The one capital letter an element holds and nothing else (a drop cap: "<p><span>T</span></p>"), else undefined. */
function dropCapLetter(el: Element): string | undefined {
  let n: Element = el;
  while (n.childNodes.length === 1 && n.firstChild!.nodeType === 1) n = n.firstChild as Element;
  const only = n.childNodes.length === 1 ? n.firstChild! : null;
  if (only === null || only.nodeType !== 3) return undefined;
  const letter = (only.textContent ?? '').trim();
  return /^\p{Lu}$/u.test(letter) ? letter : undefined;
}

/** The first text node below `el` that holds more than spaces. */
function firstText(el: Node): Text | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && /\S/.test(n.textContent ?? '')) return n as Text;
    if (n.nodeType === 1) {
      const t = firstText(n);
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * Puts a drop cap set apart from its paragraph back at the paragraph's start: a block holding one
 * capital letter alone ("T"), followed by a paragraph that opens with the rest of the word in lower
 * case ("urkey, Poland and …"), is one paragraph ("Turkey, Poland and …").
 */
export function joinDropCaps(content: Element): void {
  for (const el of Array.from(content.querySelectorAll('p, div'))) {
    const letter = dropCapLetter(el);
    if (letter === undefined) continue;
    const next = el.nextElementSibling;
    const text = next ? firstText(next) : undefined;
    if (!text || !/^\p{Ll}/u.test(text.data)) continue;
    text.data = letter + text.data;
    el.remove();
  }
}

/** Removes the blocks near the top of the body that repeat the headline (a second headline element outside the one Readability dropped). */
export function removeTitleRepeats(content: Element, title: string): void {
  const k = key(title);
  if (k.length < minHeadlineChars(title)) return;
  for (const el of textBlocks(content).slice(0, 4)) {
    if (!content.contains(el) || key(norm(el.textContent)) !== k) continue;
    const gone = repeatToRemove(el, content);
    if (gone) removeUp(gone, content);
  }
}

/** Characters beside a repeated headline on its line beyond which the line is a sentence that names it. */
const MAX_BESIDE_HEADLINE_CHARS = 80;

/**
 * What to remove for `el`, a text block that repeats the headline: itself, unless it is a term
 * inside a sentence ("In mathematics, a <b>Hermitian matrix</b> is …": the rest of its line is
 * long or ends as a sentence does). A kicker beside it on a heading's line stays as it was.
 */
function repeatToRemove(el: Element, content: Element): Element | undefined {
  let line = el;
  while (INLINE_TEXT_TAGS.has(line.tagName) && line.parentElement && line.parentElement !== content) line = line.parentElement;
  if (line === el) return el;
  const rest = norm(line.textContent).replace(norm(el.textContent), '').trim();
  return rest.length > MAX_BESIDE_HEADLINE_CHARS || /[.!?:;,]["”’']?$/.test(rest) ? undefined : el;
}

/** Longest line at the top of the body read as a section path ("사회 환경", "News › World"). */
const MAX_NAV_LINE_CHARS = 40;
/** A line of prose this long ends the top of the body. */
const MIN_PROSE_CHARS = 80;

/**
 * A widget's remains at the top of the story: a counter ("4" photos, "3.409" reads, "Views: 184"),
 * or a byline label left without its name ("By").
 */
const LEADING_WIDGET = new RegExp(
  String.raw`^(?:\d{1,3}(?:[.,\s]\d{3})*|(?:by|von|par|por|door|di)|(?:views?|reads?|aufrufe|visitas|visualizações|letture|vues)\s*[:：]?\s*\d{1,3}(?:[.,\s]?\d{3})*` +
    // A counter said in words ("Visto 314 veces", "Read 1,204 times", "1.234 mal gelesen").
    String.raw`|(?:visto|leído|read|viewed|lu|letto)\s+\d[\d.,]*\s+(?:veces|times|fois|volte)|\d[\d.,]*\s*(?:mal\s+gelesen|views|reads|lecturas|visitas)` +
    // A byline template left without its date or name ("Posted on by Admin", "by on December 4, 2006").
    String.raw`|(?:posted|published|written)(?:\s+on(?:\s+by(?:\s+[\p{L}\p{N}_.-]+){0,2})?)?|by\s+on\s+[\p{L}\p{N} ,.:]{1,40}` +
    // The role under a byline, left alone ("Opinion Columnist", "Staff Writer").
    String.raw`|(?:(?:senior|staff|contributing|chief|opinion|guest|political|foreign|national|business|sports|science|health)\s+){1,2}(?:columnist|writer|reporter|correspondent|editor|contributor)` +
    // A reading time ("ca. 8 Min.", "5 min read") and share buttons' labels ("Social Share").
    String.raw`|(?:ca\.\s*)?\d{1,2}\s*(?:min\.?|minutes?|minuten)(?:\s+(?:read|lesezeit|lesedauer|de lectura|de leitura))?|(?:social\s+)?share(?:\s+this)?|teilen|compartir|partager` +
    // A video's length left by its player ("17m"; not "57:33", which is as often a score).
    String.raw`|\d{1,3}m` +
    // A story's badge left as a line ("EXCLUSIVE", "Breaking News", "단독").
    String.raw`|exclusive|breaking(?: news)?|just in|developing(?: story)?|exklusiv|eilmeldung|단독|속보)$`,
  'iu',
);

/** True for a list item beside the story's date and nothing else (a counter in a byline's row of items: the date, the views). */
function soleItem(el: Element): boolean {
  const li = el.closest('li');
  const list = li?.parentElement;
  if (!li || !list || !/^(?:UL|OL)$/.test(list.tagName) || el.closest('td, th, dd, dt')) return false;
  const others = Array.from(list.children).filter((c) => c !== li && norm(c.textContent) !== '');
  return others.length > 0 && others.every((c) => isDateLine(norm(c.textContent)));
}

/** A short line in capitals, letters and spaces only (a kicker: "HELLO NEW MOTO"). */
const KICKER_CAPS = /^(?=.{3,40}$)[\p{Lu}\p{N}][\p{Lu}\p{N} '’&-]*$/u;

/** Removes the section path set above the story (a short line made of links only, before its first line of prose), and a widget's counter, an empty byline label, a badge or a kicker in capitals there. */
export function removeLeadingNav(content: Element): void {
  const blocks = textBlocks(content);
  for (const [i, el] of blocks.slice(0, 2).entries()) {
    const text = norm(el.textContent);
    if (text.length >= MIN_PROSE_CHARS) return;
    // A byline's label left with its date only, the name taken as the byline ("By Friday, Jan 13, 2017 at 4:45 pm EST").
    const dateAfterBy = /^by\s/i.test(text) && isDateLine(text.slice(3));
    if ((dateAfterBy || LEADING_WIDGET.test(text)) && /^(?:P|DIV|SPAN|LI)$/.test(el.tagName) && (!el.closest('li, td, th, dd, dt') || soleItem(el))) {
      removeUp(el, content);
      continue;
    }
    // A kicker in capitals over the byline ("HELLO NEW MOTO" over "By Jane Roe, Jan 13, 2017"): the next line (a block not inside it) says so.
    const next = i === 0 && KICKER_CAPS.test(text) && text.split(' ').length <= 5 ? blocks.find((b) => b !== el && !el.contains(b)) : undefined;
    const nextText = next ? norm(next.textContent) : '';
    if (next && (/^by\s/i.test(nextText) || isDateLine(nextText))) {
      removeUp(el, content);
      if (/^by\s/i.test(nextText) && isDateLine(nextText.slice(3))) removeUp(next, content);
      return;
    }
    // A line of its own: not an item or a cell of a list or table (a table of contents, an infobox);
    // or a heading of a word or three, the section's name over the headline ("<h2><a>Fashion</a></h2>").
    // A section's name over the headline that a dash joins to it ("<h4 class="post-upperdek">Tech —</h4>").
    const upperDeck = /^H[1-6]$/.test(el.tagName) && /^[^—–]+\s[—–]$/.test(text) && text.split(' ').length <= 4;
    const kicker = upperDeck || (/^H[1-6]$/.test(el.tagName) && text.split(' ').length <= 3);
    if (text.length > MAX_NAV_LINE_CHARS || !(kicker || /^(?:P|DIV)$/.test(el.tagName)) || el.closest('li, td, th, dd, dt')) continue;
    // The section's name the page marks as such ("<h3 itemprop="articleSection">Sister Act</h3>"), linked or not.
    const section = text.split(' ').length <= 3 && (el.getAttribute('itemprop') === 'articleSection' || el.querySelector('[itemprop="articleSection"]')?.textContent?.trim() === el.textContent?.trim());
    if (section || upperDeck || (el.querySelector('a') && linkedNonSpaceChars(el) >= countNonSpace(text))) removeUp(el, content);
  }
}

/** Removes from `content` the blocks that repeat a deck line (near the top of the body). */
export function removeDeckRepeats(content: Element, deck: readonly string[]): void {
  if (deck.length === 0) return;
  const keys = new Set(deck.map(key));
  const all = key(deck.join(''));
  for (const el of textBlocks(content).slice(0, deck.length + 6)) {
    const k = key(norm(el.textContent));
    if (k === '') continue;
    // A block equal to one line, or holding all lines joined (one <h2> with <br>s).
    if (keys.has(k) || k === all) {
      removeUp(el, content);
      continue;
    }
    // Otherwise: when this block is a real paragraph, the top of the body has been passed.
    if (k.length > 200) break;
  }
}

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
