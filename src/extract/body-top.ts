// The top of the body Readability picked: what stands above the story's first line of prose that is
// no part of it (a section path, a widget's counter, an empty byline label, a badge, a kicker), the
// headline and deck lines repeated there, and a drop cap set apart from its paragraph. The rest of
// the clean-up is body-cleanup.ts's; the end of the body is body-ends.ts's.
import { isDateLine } from './date-line.ts';
import { countNonSpace, linkedNonSpaceChars } from './dom-walk.ts';
import { INLINE_TEXT_TAGS, removeUp, textBlocks } from './body-blocks.ts';
import { collapseSpaces as norm, looseKey as key, minHeadlineChars } from './loose-key.ts';

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
