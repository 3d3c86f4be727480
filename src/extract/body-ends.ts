// The end of a story's body: what widgets leave after the story (a heading or a label with
// nothing after it, counters, tags, a comment box's notice, the headlines of other posts) and the
// section of contacts and sources closing a press release. body-cleanup.ts cleans the rest.
import { resolveUrl } from './canonical-url.ts';
import { countNonSpace, hasVisibleText, linkedNonSpaceChars, type TextWalkNode } from './dom-walk.ts';
import { INLINE_TEXT_TAGS, INNER_BLOCK, removeUp, textBlocks } from './body-blocks.ts';
import { collapseSpaces as norm } from './loose-key.ts';
import { END_LABEL, SOURCE_LINE, SUPPORT_LABEL } from './furniture-lines.ts';

/** Widget labels that end a body once the widgets are gone ("Loading content ...", "LEARN MORE", "Featured"). */
const TRAILING_UI = /^(?:loading(?: (?:(?:photo|image|video|media) )?(?:content|gallery|galleries|comments|player|photos?|images?|videos?))?\s*(?:\.{3}|…)?|comments?|share|learn more|read more|saber más|leer más|ver más|mehr lesen|mehr erfahren|featured|latest|popular|subscribe|disclaimer|reuse content|back to top|nach oben|zurück nach oben|print|drucken)$/i;
/** A view counter or a rating widget ("Post Views: 111", "Rating: 6.0/6 (1 vote cast)"). */
const TRAILING_COUNTER = /^(?:(?:post )?views?|aufrufe|visitas)\s*[:：]\s*\d[\d.,]*$|^(?:visto|leído|read|viewed|lu|letto)\s+\d[\d.,]*\s+(?:veces|times|fois|volte)$|^rating\s*:\s*\d[\d.,]*\s*\/\s*\d+\b.{0,30}$|^(?:subscribers|followers|구독자?|조회수?|팔로워)\s*[:：]?\s*\d[\d.,]*\s*(?:명|회)?$/i;
/** A post's tags or filing ("Tags: Uncategorized", "Filed under: Politics |"). */
const TRAILING_TAGS = /^(?:tags?|tagged(?: with)?|filed under|schlagwörter|schlagworte|stichwörter|etiquetas)\s*[:：].{0,150}$/i;
/** A comment box's moderation notice ("Comments that … will not be approved by the moderator", "ATENÇÃO: Comentários … não serão aprovados"). */
const TRAILING_COMMENT_NOTICE = /^(?=.{0,300}$)(?=.*\b(?:comments?|comentários?|comentarios?|kommentare?|commentaires?)\b)(?=.*(?:\bwill not\b|\bwon't\b|\bnão serão\b|\bno serán\b|\bne seront\b|\bwerden nicht\b|\bmust be\b|\bmüssen\b|\bsubject to\b|\bsujeitos?\b|\bsujetos?\b)).*\b(?:moderat\w*|moderad\w*|approv\w*|aprovad\w*|aprobad\w*|freigeschaltet|geprüft|publi\w*)\b/iu;
/** Longest label ending in a colon read as one that introduces what is no longer there ("See more photos:"). */
const MAX_DANGLING_LABEL_CHARS = 40;
/** A wire's or a release's end mark on the last line ("(END)", "(끝)", "-30-", "###", "- Ende -"), or a rule of underscores or dashes left before a credit that went ("___"). */
const END_MARK = /^(?:[(\[]\s*(?:end|ende|fin|fine|끝|이상)\s*[)\]]|[-–—/]\s*(?:end|ende|fin|30)\s*[-–—/]|#{3}|[_\-–—*=~·•]{3,})$/i;

/**
 * Removes an end mark set after a <br> at the end of the last line ("kokobj@example.kr<br>(END)"),
 * with the break before it, so the line keeps what it holds besides; true when one was removed.
 */
function removeEndMarkAfterBreak(el: Element): boolean {
  let n = el.lastChild;
  while (n && n.nodeType === 3 && norm(n.textContent) === '') n = n.previousSibling;
  if (!n || n.nodeType !== 3 || !END_MARK.test(norm(n.textContent))) return false;
  let br = n.previousSibling;
  while (br && br.nodeType === 3 && norm(br.textContent) === '') br = br.previousSibling;
  if (!br || br.nodeType !== 1 || (br as Element).tagName !== 'BR') return false;
  n.parentNode!.removeChild(n);
  br.parentNode!.removeChild(br);
  return true;
}

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

/** True when all the text of `el` sits in links. */
function linkedWhole(el: Element, text: string): boolean {
  return linkedNonSpaceChars(el, 'a[href]') >= countNonSpace(text);
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

/** The page a line links to when it is one link, whole, its text a headline rather than a sentence (no full stop at its end). */
function linkedHeadlineTarget(el: Element, text: string, pageUrl: string): URL | undefined {
  const links = el.querySelectorAll('a[href]');
  if (links.length !== 1 || text.replace(/\s/g, '').length < MIN_LINKED_HEADLINE_CHARS || /[.。!?]$/.test(text) || !linkedWhole(el, text)) return undefined;
  const target = resolveUrl(links[0]!.getAttribute('href'), pageUrl);
  return target ? new URL(target) : undefined;
}

/** True for a line that is one link, whole, to another page of the site, its text a headline. */
function linksAnotherPost(to: URL, pageUrl: string): boolean {
  const from = new URL(pageUrl);
  return to.hostname === from.hostname && to.pathname !== from.pathname && to.pathname.length > 1;
}

/** The element before `el` in its parent that has text, or null. */
function previousLine(el: Element): Element | null {
  let p = el.previousElementSibling;
  while (p && !hasVisibleText(p as unknown as TextWalkNode)) p = p.previousElementSibling;
  return p;
}

/** The label of a post's tags, written before them. */
const TAGS_LABEL = /^(?:tags?|tagged(?: with)?|schlagwörter|schlagworte|stichwörter|etiquetas)(?![\p{L}])/iu;

/**
 * Removes what widgets leave at the end of the body: a heading of a few words or a link with nothing after it,
 * headlines linked alone to other posts of the site, or one under the other to another site, a widget's
 * label ("Loading content ...", "LEARN MORE"), a counter, the post's tags, a comment box's
 * moderation notice, a label ending in a colon that introduces nothing ("See more photos:"), a
 * wire's end mark ("(END)", "(끝)", "-30-").
 */
export function removeTrailingFurniture(content: Element, pageUrl?: string): void {
  // The other site a run of linked headlines at the end leads to.
  let runHost: string | undefined;
  for (let i = 0; i < TRAILING_LINES; i++) {
    const el = lastLine(content);
    if (!el) return;
    const text = norm(el.textContent);
    if (removeEndMarkAfterBreak(el)) {
      if (!hasVisibleText(el as unknown as TextWalkNode)) removeUp(el, content);
      continue;
    }
    const target = pageUrl === undefined ? undefined : linkedHeadlineTarget(el, text, pageUrl);
    if (target) {
      // The headline of another post of the site, linked alone: the site's pager or a teaser.
      // Headlines linked to another site, one under the other (a portal's copy of a story, with
      // the outlet's links to its other stories under it), are teasers too; one alone may be a source.
      const before = previousLine(el);
      const beforeTarget = before ? linkedHeadlineTarget(before, norm(before.textContent), pageUrl!) : undefined;
      if (linksAnotherPost(target, pageUrl!) || target.hostname === runHost || beforeTarget?.hostname === target.hostname) {
        if (!linksAnotherPost(target, pageUrl!)) runHost = target.hostname;
        removeUp(el, content);
        continue;
      }
    }
    // A heading with nothing after it: a widget's title (a few words) or a link to another page;
    // a longer one may be a subheading whose section Readability left out, and stays.
    const heading = /^H[1-6]$/.test(el.tagName) && text.length <= 80 && (text.split(' ').length <= 3 || linkedWhole(el, text));
    const dangling = text.length <= MAX_DANGLING_LABEL_CHARS && /[:：]$/.test(text);
    // "Tags" and the post's tags as links, without a colon.
    const tagLinks = TAGS_LABEL.test(firstText(el)) && linkedNonSpaceChars(el, 'a[href]') >= 0.7 * countNonSpace(text);
    if (!(heading || dangling || tagLinks || TRAILING_UI.test(text) || TRAILING_COUNTER.test(text) || TRAILING_TAGS.test(text) || TRAILING_COMMENT_NOTICE.test(text) || END_MARK.test(text))) return;
    removeUp(el, content);
  }
}

/** True when text runs on after `el` on its line (a bold lead-in, not a label above what follows). */
function textFollows(el: Element): boolean {
  let n = el.nextSibling;
  while (n && n.nodeType === 3 && norm(n.textContent) === '') n = n.nextSibling;
  return !!n && n.nodeType === 3;
}

/** Blocks at the end of the body read for a closing section of contacts and sources. */
const END_SECTION_BLOCKS = 8;
/** Lines of such a section (names, phone numbers, addresses, links) are short. */
const MAX_END_LINE_CHARS = 200;
/** An appeal for support closing the story, its heading and what follows it, is this long at most. */
const MAX_APPEAL_CHARS = 1000;
/**
 * Removes the section of contacts and sources that ends a press release or a report ("Kontakt:"
 * and the short lines under it, "Quelle: …"): furniture of the sender, not the story.
 */
export function removeEndSections(content: Element): void {
  const tail = textBlocks(content).slice(-END_SECTION_BLOCKS);
  // (A label of a line of its own: not a bold lead-in of a paragraph, "<b>Über den Autor</b>: Ich …".)
  const at = tail.findIndex((el) => END_LABEL.test(norm(el.textContent)) && !(INLINE_TEXT_TAGS.has(el.tagName) && textFollows(el)));
  let removed = false;
  if (at >= 0 && tail.slice(at + 1).every((el) => norm(el.textContent).length <= MAX_END_LINE_CHARS)) {
    for (const el of tail.slice(at)) if (content.contains(el)) removeUp(el, content);
    removed = true;
  }
  for (const el of tail.slice(-3)) {
    if (!content.contains(el) || !SOURCE_LINE.test(norm(el.textContent))) continue;
    removeUp(el, content);
    removed = true;
  }
  // An appeal for readers' support under its heading ("Apoya el periodismo incómodo" and why, how, "Cancela cuando quieras"): a few paragraphs at most.
  const left = removed ? textBlocks(content).slice(-END_SECTION_BLOCKS) : tail;
  const appeal = left.findIndex((el) => SUPPORT_LABEL.test(norm(el.textContent)));
  if (appeal > 0 && left.slice(appeal).reduce((n, el) => n + norm(el.textContent).length, 0) <= MAX_APPEAL_CHARS) {
    for (const el of left.slice(appeal)) if (content.contains(el)) removeUp(el, content);
  }
}
