// Decks (sub-headlines) sit right under the <h1> or at the top of the body: <h2>/<p> with a
// subtitle/deck/standfirst/summary class, or Korean sub-titles split by <br>. They are read from
// the whole page before Readability runs, then removed from the body so they appear once.
import { isDateLine } from './date-line.ts';
import { countNonSpace, linkedNonSpaceChars, nonSpaceChars, type TextWalkNode } from './dom-walk.ts';
import { isBoilerplate, MORE_STORIES } from './furniture-lines.ts';
import { isCreditOnly } from './photo-credit.ts';
import { collapseSpaces as norm, isDenseScript, looseKey } from './loose-key.ts';

const DECK_CLASS = /(?:^|[-_\s])(?:sub[-_]?title|sub[-_]?tit|sub[-_]?head(?:line|ing)?|deck|dek|standfirst|strapline|summary|article[-_]?summary|summary[-_]?text|lede[-_]?text|intro[-_]?text|teaser|headline[-_]?sub|stit|h[-_]?sub|article[-_]?sub|tit[-_]?sub|title[-_]?sub)(?:$|[-_\s\d])/i;
const MAX_DECK_CHARS = 300;


/** Splits an element's text at <br> and block children into separate deck lines. */
export function deckLines(el: Element): string[] {
  return blockLines(el).map((l) => l.replace(/^[-–—·•▶▷■□◆◇○●]\s*/, '')).filter((l) => l.length >= 4);
}

/** The lines of an element's text, split at <br> and block children, spaces collapsed, markers kept. */
function blockLines(el: Element): string[] {
  const lines: string[] = [];
  let cur = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) cur += n.textContent ?? '';
    else if (n.nodeType === 1) {
      const tag = (n as Element).tagName;
      const block = /^(?:BR|P|DIV|LI|H[1-6])$/.test(tag);
      if (block && norm(cur)) lines.push(norm(cur));
      if (block) cur = '';
      for (const c of Array.from(n.childNodes)) walk(c);
      if (block && norm(cur)) lines.push(norm(cur));
      if (block) cur = '';
    }
  };
  for (const c of Array.from(el.childNodes)) walk(c);
  if (norm(cur)) lines.push(norm(cur));
  return lines;
}

/** Share of a deck's or a lead's text that may sit in links. */
const MAX_LINK_SHARE = 0.3;

/** True when at most MAX_LINK_SHARE of the (collapsed) `text` of `el` sits in links. */
function fewLinks(el: Element, text: string): boolean {
  return linkedNonSpaceChars(el) < countNonSpace(text) * MAX_LINK_SHARE;
}

/** Levels above a deck candidate searched for the card it may belong to. */
const CARD_LEVELS = 3;
/** Most text (non-space characters) a teaser card holds: its headline, a date, an excerpt. */
const MAX_CARD_CHARS = 600;

/**
 * True when `el` belongs to a teaser card of another story: it, or a box up to CARD_LEVELS above it
 * that holds little text and not the page's headline, holds a heading that is all one link ("<h2><a
 * href=…>Other story</a></h2>", the card's own headline, with its excerpt and its date beside it).
 */
function inTeaserCard(el: Element, headline: Element | undefined): boolean {
  for (let box: Element | null = el, level = 0; box && level <= CARD_LEVELS; box = box.parentElement, level++) {
    if ((headline && box.contains(headline)) || nonSpaceChars(box as unknown as TextWalkNode) > MAX_CARD_CHARS) return false;
    for (const h of Array.from(box.querySelectorAll('h2, h3, h4, h5'))) {
      const text = norm(h.textContent);
      if (text === '') continue;
      // All one link, or set inside one ("<a href=…><h2>Other story</h2></a>").
      if ((h.querySelector('a[href]') && linkedNonSpaceChars(h, 'a[href]') >= countNonSpace(text)) || h.closest('a[href]')) return true;
    }
  }
  return false;
}

/** True for an element that may be a deck: short, few links, not the body. */
function deckish(el: Element): boolean {
  const text = norm(el.textContent);
  if (text.length < 8 || text.length > MAX_DECK_CHARS * 2) return false;
  if (el.querySelectorAll('p').length > 4 || el.querySelectorAll('img, figure').length > 0) return false;
  return fewLinks(el, text);
}

/** Characters (spaces left out) of story text before a sub-title that make it a subheading in the story, not a deck over it. */
const MAX_PROSE_BEFORE_DECK = 100;
/** A paragraph before it counts as story text from this length (a kicker, a date or a byline is shorter). */
const MIN_PROSE_PARAGRAPH = 80;

/** True when the story's text already runs before `el`: text written straight into its container, or paragraphs, before it or before its parent (headings, bylines and photo boxes are not counted). */
function proseBefore(el: Element): boolean {
  let chars = 0;
  for (let cur: Element | null = el, level = 0; cur && level < 2; cur = cur.parentElement, level++) {
    for (let n = cur.previousSibling; n; n = n.previousSibling) {
      const length = (n.textContent ?? '').replace(/\s+/g, '').length;
      if (n.nodeType === 3 || (n.nodeType === 1 && (n as Element).tagName === 'P' && length >= MIN_PROSE_PARAGRAPH)) chars += length;
      if (chars > MAX_PROSE_BEFORE_DECK) return true;
    }
  }
  return false;
}

/** A paragraph of the story: this long (in Korean, Chinese or Japanese script, half as long), few links. */
const MIN_STORY_PARAGRAPH = 100;
const storyParagraphChars = (text: string) => (isDenseScript(text) ? MIN_STORY_PARAGRAPH / 2 : MIN_STORY_PARAGRAPH);

/** The node that opens the story in `el`: `el` itself for a long paragraph, a long text written straight into a box (stories set with <br>); undefined for anything else. */
function storyStart(el: Element): Node | undefined {
  if (el.tagName === 'P') {
    const text = norm(el.textContent);
    return text.length >= storyParagraphChars(text) && fewLinks(el, text) && !el.closest('nav, aside, footer, a[href]') ? el : undefined;
  }
  if (!/^(?:DIV|TD|SECTION|ARTICLE|MAIN|FONT|SPAN|CENTER)$/.test(el.tagName)) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && norm(n.textContent).length >= storyParagraphChars(n.textContent ?? '')) return el.closest('nav, aside, footer, a[href]') ? undefined : n;
  return undefined;
}

/** The elements after the headline and before the story's first paragraph, in document order; undefined when none (a headline after every story block). */
function storyOpening(doc: Document, headline: Element): Set<Element> | undefined {
  const out = new Set<Element>();
  let started = false;
  // A long deck is no story paragraph, nor is any paragraph inside a deck-classed box.
  let deckBox: Element | undefined;
  for (const el of Array.from(doc.querySelectorAll('body *'))) {
    if (!started) {
      started = el === headline;
      continue;
    }
    if (deckBox && !deckBox.contains(el)) deckBox = undefined;
    if (!deckBox && DECK_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) deckBox = el;
    const start = deckBox ? undefined : storyStart(el);
    if (start) {
      // In a box whose story is bare text, what the box holds before that text still counts (a sub-title opening the body).
      if (start !== el) {
        for (let n = el.firstChild; n && n !== start; n = n.nextSibling) {
          if (n.nodeType !== 1) continue;
          out.add(n as Element);
          for (const d of Array.from((n as Element).querySelectorAll('*'))) out.add(d);
        }
      }
      break;
    }
    out.add(el);
  }
  return out.size === 0 ? undefined : out;
}

/**
 * True for a line that is no deck whatever its class: a date line ("02.01.2022", "Published Nov
 * 18, 2019 at 4:07 PM"), a photo credit ("Bild: AdobeStock/…"), the heading of a list of other
 * stories ("Siehe auch", "Meistgelesen"), site boilerplate, or a label introducing what follows
 * ("Te puede interesar:").
 */
function isFurniture(line: string): boolean {
  return isDateLine(line) || isCreditOnly(line) || MORE_STORIES.test(line) || isBoilerplate(line) || /[:：]$/.test(line);
}

/**
 * The note a portal sets under the summary its software wrote ("기사 제목과 주요 문장을 기반으로
 * 자동요약한 결과입니다", "This summary was generated by AI"): that box is no deck of the story.
 */
const MACHINE_SUMMARY = /자동\s*요약한\s*결과|요약\s*봇|AI\s*(?:가|로|를\s*활용해)?\s*요약|summary (?:was |is )?(?:automatically )?(?:generated|created|written) (?:by|with|using) (?:AI|artificial intelligence|software)|(?:AI|automatically)[- ]generated summary/i;

/** Finds the deck lines of a page (before Readability): classed sub-titles anywhere outside furniture, and <h2>/<p class> siblings right after the headline <h1>. */
export function findDeck(doc: Document, title: string): string[] {
  const out: string[] = [];
  const add = (el: Element) => {
    if (MACHINE_SUMMARY.test(el.textContent ?? '')) return;
    for (const l of deckLines(el)) if (!out.includes(l) && l !== title && !isFurniture(l)) out.push(l);
  };
  // 1. Siblings right after the h1 (its header block), before the first real paragraph.
  const h1s = Array.from(doc.querySelectorAll('h1'));
  const h1 = h1s.find((h) => norm(h.textContent) !== '' && (title === '' || title.includes(norm(h.textContent)) || norm(h.textContent).includes(title))) ?? h1s[0];
  if (h1) {
    let sib = h1.nextElementSibling;
    for (let i = 0; sib && i < 4; i++, sib = sib.nextElementSibling) {
      const tag = sib.tagName;
      const cls = `${sib.getAttribute('class') ?? ''} ${sib.getAttribute('id') ?? ''}`;
      // A bare <h2> after the h1 is a deck only when the h1 sits in a header block, not in the body.
      const inHeader = !Array.from(h1.parentElement?.querySelectorAll('p') ?? []).some((p) => norm(p.textContent).length > 200);
      if ((DECK_CLASS.test(cls) || ((tag === 'H2' || tag === 'H3') && inHeader)) && deckish(sib)) add(sib);
      else if (tag === 'P' && norm(sib.textContent).length > MAX_DECK_CHARS) break;
    }
  }
  // 2. Classed sub-titles between the headline and the story's first paragraph (Korean sites put
  // them at the top of the body); not in the menus above the headline or the widgets after the story.
  if (out.length === 0) {
    // The headline: the <h1>, else a heading that reads as the title; without one the whole page is read.
    const headline = h1 ?? Array.from(doc.querySelectorAll('h2, h3')).find((h) => title !== '' && norm(h.textContent) === title);
    const span = headline ? storyOpening(doc, headline) : undefined;
    for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
      // A sub-title set right above the headline, in its header block, counts too.
      if (span && !span.has(el) && el.nextElementSibling !== headline) continue;
      const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (cls.length > 200 || !DECK_CLASS.test(cls) || /^(?:A|SPAN|LI|BODY|HTML|META|IMG)$/.test(el.tagName)) continue;
      // Inside a link it is the teaser of another page (an embedded card of a related story).
      if (el.closest('nav, aside, footer, noscript, a[href], [role="navigation"], [role="complementary"]') || el.querySelector('h1')) continue;
      if (/summary/i.test(cls) && el.closest('li')) continue;
      if (!deckish(el) || proseBefore(el) || inTeaserCard(el, headline)) continue;
      add(el);
      if (out.length >= 4) break;
    }
  }
  // 3. A bold block opening the story, its lines set as sub-titles ("<p><strong>- 예산 12% 늘려<br>- 요금 인상 우려도</strong></p>"):
  // each short and led by a dash or a bullet.
  if (out.length === 0 && h1) {
    const span = storyOpening(doc, h1);
    for (const el of span ? Array.from(span) : []) {
      if (el.tagName !== 'STRONG' && el.tagName !== 'B') continue;
      const box = el.parentElement;
      if (!box || norm(box.textContent) !== norm(el.textContent) || el.closest('nav, aside, footer, a[href], figure, figcaption') || proseBefore(box) || !deckish(el)) continue;
      const raw = blockLines(el);
      if (raw.length === 0 || raw.length > 4 || raw.some((l) => l.length > MAX_BOLD_DECK_LINE)) continue;
      if (raw.every((l) => DECK_MARKER.test(l))) add(el);
      if (out.length > 0) break;
    }
  }
  return out.filter((l) => l.length <= MAX_DECK_CHARS).slice(0, 6);
}

/** What leads a sub-title line set in the body ("- ", "◇ ", "▶ "). */
const DECK_MARKER = /^[-–—·•▶▷■□◆◇○●ㅡ]\s*(?!(?:by|von|par)\s)[\p{L}\p{N}"'“‘(]/iu;
/** Longest line of a bold block read as sub-titles. */
const MAX_BOLD_DECK_LINE = 80;


/** Lower-case words of a line. */
const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/** Share of words two lines have in common above which one is the other in other words. */
const SAME_LINE_OVERLAP = 0.5;
/** Opening paragraphs of the body a deck must not repeat. */
const LEDE_PARAGRAPHS = 3;

/**
 * The page's declared alternative headline as its deck, for a page whose markup shows none: unless
 * it is the headline in other words ("Mourinho agrees deal to become Tottenham manager" under "Jose
 * Mourinho agrees deal to replace Mauricio Pochettino as Tottenham manager") or the story's own
 * opening paragraph, which the body already shows.
 */
export function declaredDeck(alternative: string | undefined, title: string, text: string): string[] {
  const line = norm(alternative);
  if (line === '' || line.length > MAX_DECK_CHARS) return [];
  const a = words(line);
  const b = words(title);
  const shared = [...a].filter((w) => b.has(w)).length;
  if (shared / new Set([...a, ...b]).size >= SAME_LINE_OVERLAP) return [];
  const lineKey = looseKey(line);
  const ledeKeys = text.split(/\n{2,}/).slice(0, LEDE_PARAGRAPHS).map(looseKey);
  if (ledeKeys.some((k) => k.includes(lineKey) || (k !== '' && lineKey.includes(k)))) return [];
  return [line];
}

/** A lead paragraph is prose: at least this long, at most this long, ending a sentence. */
const MIN_LEAD_CHARS = 150;
const MAX_LEAD_CHARS = 1500;
const SENTENCE_END = /[.!?…。"“”»«')]$/u;

/** The deck when it is one paragraph of prose rather than a sub-headline. */
export function proseDeck(deck: readonly string[]): string | undefined {
  const joined = deck.join(' ');
  return joined.length >= MIN_LEAD_CHARS && joined.length <= MAX_LEAD_CHARS && SENTENCE_END.test(joined) ? joined : undefined;
}

/**
 * The story's lead paragraph as the page marks it: the deck when it is prose, else a teaser or
 * description block (`itemprop="description"`, a teaser/summary class) outside the page's
 * furniture. It is the whole story of a page that holds nothing more: an agency brief printed as
 * its teaser, a subscriber story of which only the lead is shown.
 */
export function findLead(doc: Document, deck: readonly string[], opts: { articleDescriptionOnly?: boolean } = {}): string | undefined {
  const fromDeck = opts.articleDescriptionOnly ? undefined : proseDeck(deck);
  if (fromDeck) return fromDeck;
  for (const el of Array.from(doc.querySelectorAll(opts.articleDescriptionOnly ? '[itemprop="description"]' : '[itemprop="description"], [class], [id]'))) {
    if (/^(?:A|SPAN|LI|BODY|HTML|META|IMG|LINK)$/.test(el.tagName)) continue;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (el.getAttribute('itemprop') !== 'description' && (cls.length > 200 || !DECK_CLASS.test(cls))) continue;
    // The description of an Article in microdata is the article's wherever the page puts it.
    const ofArticle = el.getAttribute('itemprop') === 'description' && /Article$/.test(el.closest('[itemscope]')?.getAttribute('itemtype') ?? '');
    if (opts.articleDescriptionOnly && !ofArticle) continue;
    if (!ofArticle && el.closest('nav, aside, footer, li, [role="navigation"], [role="complementary"]')) continue;
    const text = norm(el.textContent);
    if (text.length < MIN_LEAD_CHARS || text.length > MAX_LEAD_CHARS || !SENTENCE_END.test(text)) continue;
    if (el.querySelectorAll('p').length > 4 || el.querySelector('img, figure, h1, h2')) continue;
    if (!fewLinks(el, text)) continue;
    return text;
  }
  return undefined;
}
