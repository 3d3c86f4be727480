// Rewrites Readability's body in place: deck lines leave the body (they live in their own field;
// reporter lines are read and taken out by body-bylines.ts), photo-credit lines join their photo,
// boilerplate lines (copyright, "무단전재 및 재배포 금지", newsletter prompts) and empty shells are dropped.
import { resolveUrl } from './canonical-url.ts';
import { isDateLine } from './date-line.ts';
import { hasVisibleText, textLongerThan, type TextWalkNode } from './dom-walk.ts';
import { INNER_BLOCK, removeUp, textBlocks } from './body-blocks.ts';
import { isPaywallPrompt } from './paywall.ts';
import { captionOf } from './image-refs.ts';
import { isCreditOnly, splitCredit } from './photo-credit.ts';
import { WIRE_CREDITS, wholeReporterLine } from './reporter-line.ts';
import { collapseSpaces as norm, looseKey, minHeadlineChars } from './loose-key.ts';
import { isListedStory, isStoryPointer, MAX_LISTED_STORIES, nextBlock } from './story-pointers.ts';
import { CREDIT_LABEL_START, END_LABEL, isBoilerplate, MORE_STORIES, SOURCE_LINE } from './furniture-lines.ts';

const key = looseKey;

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

/** Inline tags a text block may be (a bold line, a span) inside a line of its own. */
const INLINE_BLOCK = new Set(['SPAN', 'STRONG', 'B', 'EM', 'I', 'A', 'FONT']);
/** Characters beside a repeated headline on its line beyond which the line is a sentence that names it. */
const MAX_BESIDE_HEADLINE_CHARS = 80;

/**
 * What to remove for `el`, a text block that repeats the headline: itself, unless it is a term
 * inside a sentence ("In mathematics, a <b>Hermitian matrix</b> is …": the rest of its line is
 * long or ends as a sentence does). A kicker beside it on a heading's line stays as it was.
 */
function repeatToRemove(el: Element, content: Element): Element | undefined {
  let line = el;
  while (INLINE_BLOCK.has(line.tagName) && line.parentElement && line.parentElement !== content) line = line.parentElement;
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
    // A byline template left without its date or name ("Posted on by Admin", "by on December 4, 2006").
    String.raw`|(?:posted|published|written)(?:\s+on(?:\s+by(?:\s+[\p{L}\p{N}_.-]+){0,2})?)?|by\s+on\s+[\p{L}\p{N} ,.:]{1,40}` +
    // The role under a byline, left alone ("Opinion Columnist", "Staff Writer").
    String.raw`|(?:(?:senior|staff|contributing|chief|opinion|guest|political|foreign|national|business|sports|science|health)\s+){1,2}(?:columnist|writer|reporter|correspondent|editor|contributor)` +
    // A reading time ("ca. 8 Min.", "5 min read") and share buttons' labels ("Social Share").
    String.raw`|(?:ca\.\s*)?\d{1,2}\s*(?:min\.?|minutes?|minuten)(?:\s+(?:read|lesezeit|lesedauer|de lectura|de leitura))?|(?:social\s+)?share(?:\s+this)?|teilen|compartir|partager` +
    // A video's length left by its player ("17m"; not "57:33", which is as often a score).
    String.raw`|\d{1,3}m)$`,
  'iu',
);

/** Removes the section path set above the story (a short line made of links only, before its first line of prose), and a widget's counter or an empty byline label there. */
export function removeLeadingNav(content: Element): void {
  for (const el of textBlocks(content).slice(0, 2)) {
    const text = norm(el.textContent);
    if (text.length >= MIN_PROSE_CHARS) return;
    if (LEADING_WIDGET.test(text) && /^(?:P|DIV|SPAN)$/.test(el.tagName) && !el.closest('li, td, th, dd, dt')) {
      removeUp(el, content);
      continue;
    }
    // A line of its own: not an item or a cell of a list or table (a table of contents, an infobox);
    // or a heading of a word or three, the section's name over the headline ("<h2><a>Fashion</a></h2>").
    const kicker = /^H[1-6]$/.test(el.tagName) && text.split(' ').length <= 3;
    if (text.length > MAX_NAV_LINE_CHARS || !(kicker || /^(?:P|DIV)$/.test(el.tagName)) || el.closest('li, td, th, dd, dt')) continue;
    const links = Array.from(el.querySelectorAll('a'));
    const linked = links.reduce((n, a) => n + norm(a.textContent).replace(/\s/g, '').length, 0);
    if (links.length > 0 && linked >= text.replace(/\s/g, '').length) removeUp(el, content);
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

/**
 * Removes the prompt to subscribe or sign in to read on that ends the body (paywall.ts), with the
 * short lines of its box that follow it (offers, prices, sign-in links); true when there was one.
 */
export function removePaywallPrompts(content: Element): boolean {
  const tail = textBlocks(content).slice(-PROMPT_TAIL_BLOCKS);
  const at = tail.findIndex((el) => isPaywallPrompt(norm(el.textContent)));
  if (at < 0) return false;
  const rest = tail.slice(at);
  if (rest.slice(1).some((el) => norm(el.textContent).length > MAX_BOX_LINE_CHARS)) {
    removeUp(rest[0]!, content);
    return true;
  }
  for (const el of rest) if (content.contains(el)) removeUp(el, content);
  return true;
}

/** Widget labels that end a body once the widgets are gone ("Loading content ...", "LEARN MORE", "Featured"). */
const TRAILING_UI = /^(?:loading(?: content)?\s*(?:\.{3}|…)?|comments?|share|learn more|read more|saber más|leer más|ver más|mehr lesen|mehr erfahren|featured|latest|popular|subscribe|disclaimer|reuse content|back to top|nach oben|zurück nach oben|print|drucken)$/i;
/** A view counter or a rating widget ("Post Views: 111", "Rating: 6.0/6 (1 vote cast)"). */
const TRAILING_COUNTER = /^(?:(?:post )?views?|aufrufe|visitas)\s*[:：]\s*\d[\d.,]*$|^rating\s*:\s*\d[\d.,]*\s*\/\s*\d+\b.{0,30}$|^(?:subscribers|followers|구독자?|조회수?|팔로워)\s*[:：]?\s*\d[\d.,]*\s*(?:명|회)?$/i;
/** A post's tags or filing ("Tags: Uncategorized", "Filed under: Politics |"). */
const TRAILING_TAGS = /^(?:tags?|tagged(?: with)?|filed under|schlagwörter|schlagworte|stichwörter|etiquetas)\s*[:：].{0,150}$/i;
/** A comment box's moderation notice ("Comments that … will not be approved by the moderator", "ATENÇÃO: Comentários … não serão aprovados"). */
const TRAILING_COMMENT_NOTICE = /^(?=.{0,300}$)(?=.*\b(?:comments?|comentários?|comentarios?|kommentare?|commentaires?)\b)(?=.*(?:\bwill not\b|\bwon't\b|\bnão serão\b|\bno serán\b|\bne seront\b|\bwerden nicht\b|\bmust be\b|\bmüssen\b|\bsubject to\b|\bsujeitos?\b|\bsujetos?\b)).*\b(?:moderat\w*|moderad\w*|approv\w*|aprovad\w*|aprobad\w*|freigeschaltet|geprüft|publi\w*)\b/iu;
/** Longest label ending in a colon read as one that introduces what is no longer there ("See more photos:"). */
const MAX_DANGLING_LABEL_CHARS = 40;
/** Lines read at the end of the body. */
const TRAILING_LINES = 6;

/** The element that holds the last line of `root` (a paragraph, a heading, a bare link), undefined at a figure or a table. */
function lastLine(root: Element): Element | undefined {
  let el: Element = root;
  for (;;) {
    let n = el.lastChild;
    while (n && !(n.nodeType === 1 ? hasVisibleText(n as unknown as TextWalkNode) : n.nodeType === 3 && norm(n.textContent) !== '')) {
      // A photo or an embed after the line: the line introduces it.
      if (n.nodeType === 1 && ((n as Element).matches('img, figure, table, iframe, video, audio, picture') || (n as Element).querySelector('img, figure, table, iframe, video, audio, picture'))) return undefined;
      n = n.previousSibling;
    }
    if (!n) return el === root ? undefined : el;
    if (n.nodeType === 3) return el === root ? undefined : el;
    const child = n as Element;
    if (/^(?:FIGURE|FIGCAPTION|TABLE|PRE|BLOCKQUOTE)$/.test(child.tagName)) return undefined;
    if (!INNER_BLOCK.has(child.tagName) && !/^(?:SECTION|ARTICLE|UL|OL|DL)$/.test(child.tagName) || /^(?:P|H[1-6]|LI)$/.test(child.tagName)) return child;
    el = child;
  }
}

/** Characters (spaces left out) of the text of `el` that sit in links. */
function linkedChars(el: Element): number {
  return Array.from(el.querySelectorAll('a[href]'), (a) => norm(a.textContent)).join('').replace(/\s/g, '').length;
}

/** True when all the text of `el` sits in links. */
function linkedWhole(el: Element, text: string): boolean {
  return linkedChars(el) >= text.replace(/\s/g, '').length;
}

/** The first text of `el` that is not blank, trimmed ("Tags" of "<strong>Tags<br><a>…</a></strong>"). */
function firstText(el: Element): string {
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const t = norm(n.textContent);
      if (t !== '') return t;
      continue;
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return '';
}

/** A headline is this long at least (characters, spaces left out). */
const MIN_LINKED_HEADLINE_CHARS = 15;

/** True for a line that is one link, whole, to another page of the site, its text a headline rather than a sentence (no full stop at its end). */
function linksAnotherPost(el: Element, text: string, pageUrl: string): boolean {
  const links = el.querySelectorAll('a[href]');
  if (links.length !== 1 || text.replace(/\s/g, '').length < MIN_LINKED_HEADLINE_CHARS || /[.。!?]$/.test(text) || !linkedWhole(el, text)) return false;
  const target = resolveUrl(links[0]!.getAttribute('href'), pageUrl);
  if (!target) return false;
  const [to, from] = [new URL(target), new URL(pageUrl)];
  return to.hostname === from.hostname && to.pathname !== from.pathname && to.pathname.length > 1;
}

/** The label of a post's tags, written before them. */
const TAGS_LABEL = /^(?:tags?|tagged(?: with)?|schlagwörter|schlagworte|stichwörter|etiquetas)(?![\p{L}])/iu;

/**
 * Removes what widgets leave at the end of the body: a heading of a few words or a link with nothing after it, a widget's
 * label ("Loading content ...", "LEARN MORE"), a counter, the post's tags, a comment box's
 * moderation notice, a label ending in a colon that introduces nothing ("See more photos:").
 */
export function removeTrailingFurniture(content: Element, pageUrl?: string): void {
  for (let i = 0; i < TRAILING_LINES; i++) {
    const el = lastLine(content);
    if (!el) return;
    const text = norm(el.textContent);
    // The headline of another post of the site, linked alone: the site's pager or a teaser.
    if (pageUrl !== undefined && linksAnotherPost(el, text, pageUrl)) {
      removeUp(el, content);
      continue;
    }
    // A heading with nothing after it: a widget's title (a few words) or a link to another page;
    // a longer one may be a subheading whose section Readability left out, and stays.
    const heading = /^H[1-6]$/.test(el.tagName) && text.length <= 80 && (text.split(' ').length <= 3 || linkedWhole(el, text));
    const dangling = text.length <= MAX_DANGLING_LABEL_CHARS && /[:：]$/.test(text);
    // "Tags" and the post's tags as links, without a colon.
    const tagLinks = TAGS_LABEL.test(firstText(el)) && linkedChars(el) >= 0.7 * text.replace(/\s/g, '').length;
    if (!(heading || dangling || tagLinks || TRAILING_UI.test(text) || TRAILING_COUNTER.test(text) || TRAILING_TAGS.test(text) || TRAILING_COMMENT_NOTICE.test(text))) return;
    removeUp(el, content);
  }
}

/** Blocks at the end of the body read for a closing section of contacts and sources. */
const END_SECTION_BLOCKS = 8;
/** Lines of such a section (names, phone numbers, addresses, links) are short. */
const MAX_END_LINE_CHARS = 200;
/**
 * Removes the section of contacts and sources that ends a press release or a report ("Kontakt:"
 * and the short lines under it, "Quelle: …"): furniture of the sender, not the story.
 */
export function removeEndSections(content: Element): void {
  const tail = textBlocks(content).slice(-END_SECTION_BLOCKS);
  const at = tail.findIndex((el) => END_LABEL.test(norm(el.textContent)));
  if (at >= 0 && tail.slice(at + 1).every((el) => norm(el.textContent).length <= MAX_END_LINE_CHARS)) {
    for (const el of tail.slice(at)) if (content.contains(el)) removeUp(el, content);
  }
  for (const el of tail.slice(-3)) if (content.contains(el) && SOURCE_LINE.test(norm(el.textContent))) removeUp(el, content);
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

/** Moves credit-only lines that follow a photo into its caption, drops boilerplate lines and empty shells. */
export function cleanBody(content: Element): void {
  const doc = content.ownerDocument;
  const blocks = textBlocks(content);
  for (const [i, el] of blocks.entries()) {
    if (!el.isConnected && !content.contains(el)) continue;
    const text = norm(el.textContent);
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
      removeUp(el, content);
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
    if (!hasVisibleText(el) && !el.querySelector('img, figure, br + br, hr, table')) el.remove();
  }
}
