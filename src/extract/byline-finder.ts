// Author names written in the page rather than its head: schema.org itemprop="author",
// rel="author" links, and elements classed as bylines or author names ("byline", "author-name",
// "autor", "vcard"). Comment threads, sidebars and related lists name other people, so nothing
// inside them counts. What one such element names is byline-element.ts's to read.
import { splitAuthorNames } from './author-names.ts';
import { bylineLines, elementSpacedText, isAuthorLabel, isNameLike, LEADING_DATE, MAX_NAME_CHARS, namesOf, ONE_NAME, sameKindAfter, type BylineEl } from './byline-element.ts';
import { nextInOrder, textLongerThan } from './dom-walk.ts';
import { belongsToSomethingElse, MODIFIER, readLayout, type PageLayout, type PartEl } from './page-parts.ts';
import { REPORTER_LINE_MARK, wholeReporterLine } from './reporter-line.ts';
import { SPACE_RUNS } from './loose-key.ts';

export type { BylineEl } from './byline-element.ts';

/** Class or id tokens of an element holding an author's name. */
const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|authors|byline|bylines|autor|autoren|autorin|verfasser|writer|reporter|auteur|autore)(?:[-_]?(?:name|names|link|info))?(?=$|[\s_-])/i;
/** Author-related classes that hold something else (photos, biographies, follow buttons). */
const NOT_NAME_CLASS = /(?:^|[\s_-])(?:avatar|image|img|photo|picture|bio|biography|description|desc|follow|social|twitter|email|box|card|more|title|overlay|popover|popup|tooltip|modal)(?=$|[\s_-])/i;

/** A line that introduces its author ("By Jane Doe", "Von Klaus Stanjek", "Posted by Konstantin", "Written by: Jane Doe", "Text: Jane Doe"). */
const BY_LINE = /^(?:by|von|par|por|door|di|(?:posted\s+by|written\s+by|story\s+by|words\s+by|geschrieben\s+von)\s*[:：]?|(?:text|ein(?:e)?\s+(?:artikel|beitrag|kolumne|gastbeitrag)|blog\s*-?\s*beitrag|gastbeitrag)\s+von|text\s*:|texto\s*:|autor(?:in)?\s*:|author\s*:|auteur\s*:)\s+\S/i;
/** Elements after the headline where a "By …" line is the story's own. */
const NEAR_HEADLINE = 40;
/** Elements from the top of the page where a "By …" line may stand when the page has no headline. */
const NEAR_TOP = 150;
const MAX_BY_LINE_CHARS = 100;
/** What the parts of a meta line are set apart by ("Updated 2 hours ago · By Jane Doe"). */
const META_PART_SEPARATOR = /\s+[·•|]\s+/;

/** Characters of a label element counted with its indentation, before its words are measured. */
export const MAX_LABEL_RAW_CHARS = 200;

/** Names written after an author label ("Autor: …"): a capital first, no digits, and each a full name (one-word values after a label are too often something else: "Text: Bild", a menu's next entry). */
function namesAfterLabel(after: string): string[] {
  const names = /^\p{Lu}/u.test(after) && !/\d/.test(after) ? splitAuthorNames(after).filter(isNameLike) : [];
  return names.length > 0 && names.every((n) => n.includes(' ')) ? names : [];
}

/** The names of a byline set on two lines, a label alone and the names on the next ("Von" / "Denis Dilba", "Published By" / "Inga Hoeltmann"); empty when these are not such lines. The next line is read only after a label. */
export function twoLineByline(label: string, next: () => string): string[] {
  if (!isAuthorLabel(label)) return [];
  const after = next().replace(SPACE_RUNS, ' ').trim();
  return after.length <= MAX_NAME_CHARS ? namesAfterLabel(after) : [];
}

/** The text that follows a label element: its next sibling with text (line breaks and separators skipped), else its parent's, two levels up at most. */
function textAfterLabel(label: BylineEl): string | undefined {
  let from: BylineEl | null = label;
  for (let level = 0; from && level < 3; level++, from = from.parentNode) {
    for (let n = from.nextSibling as BylineEl | null; n; n = n.nextSibling as BylineEl | null) {
      if (n.nodeType === 1 && n.nodeName === 'BR') continue;
      if (n.nodeType !== 1 && n.nodeType !== 3) continue;
      if (textLongerThan(n, MAX_NAME_CHARS)) return undefined;
      const text = elementSpacedText(n).replace(SPACE_RUNS, ' ').trim();
      if (text === '' || /^[\p{P}\s]+$/u.test(text)) {
        if (n.nodeType === 1 && n.nodeName !== 'SPAN' && text === '' && n.firstChild) return undefined;
        continue;
      }
      return text;
    }
  }
  return undefined;
}

/** True for a line under the headline that is a date and a full name and nothing else ("11.12.2019 - Jane Doe"): the story's date and author. */
function isDatedName(line: string, afterDate: string): boolean {
  return afterDate !== line && /^\d{1,2}[./]\d{1,2}[./]\d{4}\s*[-–—|·•]\s*\p{Lu}/u.test(line) && ONE_NAME.test(afterDate);
}

/** A box about the story's author, under or beside it ("author-bio", "author-box", "about-author"), that headings the author's name. */
const AUTHOR_BOX = /(?:^|\s)(?:author[-_]?(?:bio|box|info|card)|about[-_]the[-_]author|about[-_]author)(?:$|\s)/i;

/** Drupal's "Submitted by <span class="username">…</span> on …": the user inside a "submitted" line, a few levels up at most. */
function isSubmittedUser(el: BylineEl): boolean {
  if (!/(?:^|\s)username(?:\s|$)/.test(el.getAttribute('class') ?? '')) return false;
  let p = el.parentNode;
  for (let level = 0; p && level < 3; level++, p = p.parentNode) {
    if (p.nodeType === 1 && /(?:^|[\s_-])submitted(?:$|[\s_-])/.test(p.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Authors' names from the page body: marked-up ones (itemprop, rel) before classed ones, then names after an author label, then a "By …" line under the headline. */
export function findBylineNames(root: BylineEl | null, layout?: PageLayout): string[] {
  if (!root) return [];
  layout ??= readLayout(root as unknown as PartEl);
  const { story, memo } = layout;
  const { headline } = layout;
  let classed: string[] | undefined;
  let byLine: string[] | undefined;
  let labelled: string[] | undefined;
  let fallback: string[] | undefined;
  let seen = 0;
  // Without a headline, "By …" lines count from the top of the page, and only with full names.
  let sinceHeadline = headline ? -1 : 0;
  const near = headline ? NEAR_HEADLINE : NEAR_TOP;
  // A plain loop, not the descendants() generator: this walk runs on every page, often to the end.
  for (let el = root.firstElementChild as BylineEl | null; el; el = nextInOrder(el, root)) {
    const tag = el.tagName;
    if (el === (headline as unknown)) sinceHeadline = 0;
    else if (sinceHeadline >= 0) sinceHeadline++;
    if (!byLine && sinceHeadline > 0 && sinceHeadline <= near && !textLongerThan(el, MAX_BY_LINE_CHARS)) {
      const full = elementSpacedText(el).replace(SPACE_RUNS, ' ').trim();
      const text = full.replace(LEADING_DATE, '');
      if (headline && isDatedName(full, text)) byLine = [text];
      else if (BY_LINE.test(text) && (headline || !belongsToSomethingElse(el as unknown as PartEl, story, memo))) {
        const names = splitAuthorNames(bylineLines(elementSpacedText(el, true)).replace(LEADING_DATE, '')).filter(isNameLike);
        if (names.length > 0 && (headline || names.every((n) => ONE_NAME.test(n)))) byLine = names;
      } else if (headline && REPORTER_LINE_MARK.test(text) && !textLongerThan(el, MAX_NAME_CHARS)) {
        // A reporter line under the headline, unclassed ("<span>홍길동 기자</span>").
        const line = wholeReporterLine(text);
        if (line) byLine = line.map((a) => a.name);
      } else if (headline && META_PART_SEPARATOR.test(text)) {
        // A meta line of parts, one of them the byline ("Published 3 hours ago · By Jane Doe, Political Correspondent").
        const part = text.split(META_PART_SEPARATOR).find((p) => BY_LINE.test(p));
        const names = part ? splitAuthorNames(part).filter(isNameLike) : [];
        if (names.length > 0) byLine = names;
      }
    }
    // Labels are leaves ("<strong>Autor:</strong>"), which keeps this test cheap on every element.
    // Templates indent a label's text: the length that counts is that of its words.
    if (!labelled && el.firstElementChild === null && !textLongerThan(el, MAX_LABEL_RAW_CHARS) && isAuthorLabel(el.textContent ?? '') && !belongsToSomethingElse(el as unknown as PartEl, story, memo)) {
      const after = textAfterLabel(el);
      const names = after ? namesAfterLabel(after) : [];
      if (names.length > 0) labelled = names;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HEAD' || tag === 'META' || tag === 'LINK') {
      // <meta itemprop="author" content="…"> inside the body is a marked-up name too.
      if (tag !== 'META' || !/(?:^|\s)author(?:\s|$)/.test(el.getAttribute('itemprop') ?? '')) continue;
    }
    // What follows reads attributes only (itemprop, rel, class, id): an element without attributes marks no one.
    if (!el.hasAttributes()) continue;
    const itemprop = el.getAttribute('itemprop') ?? '';
    const rel = tag === 'A' ? el.getAttribute('rel') ?? '' : '';
    const marked = /(?:^|\s)(?:author|creator)(?:\s|$)/.test(itemprop) || /(?:^|\s)author(?:\s|$)/.test(rel);
    let isClassed = false;
    if (!marked && !classed) {
      const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('data-testid') ?? ''} ${el.getAttribute('data-component') ?? ''}`;
      // Modifier classes say what the element has, not what it is ("author has-bio" is the byline).
      isClassed = name.length > 1 && AUTHOR_CLASS.test(name) && !NOT_NAME_CLASS.test(name.replace(MODIFIER, ' '));
    }
    // A CMS's "submitted by" user (often a login), or the name heading an author box under the
    // story: only when nothing else names anyone.
    if (!marked && !isClassed && !fallback) {
      const user = isSubmittedUser(el);
      if ((user || AUTHOR_BOX.test(el.getAttribute('class') ?? '')) && !belongsToSomethingElse(el as unknown as PartEl, story, memo)) {
        const named = user ? el : el.querySelector('h2, h3, h4, h5');
        const names = named && !textLongerThan(named, MAX_NAME_CHARS) ? namesOf(named) : [];
        if (names.length > 0 && (user || names.every((n) => ONE_NAME.test(n)))) fallback = names;
        continue;
      }
    }
    if (!marked && !isClassed) continue;
    if (++seen > 200) break;
    if (belongsToSomethingElse(el as unknown as PartEl, story, memo)) continue;
    if (!marked && textLongerThan(el, MAX_NAME_CHARS * 2)) continue;
    // A list classed as the authors' is read item by item, as its items come next (a hover card in one is not a name).
    if (!marked && (tag === 'UL' || tag === 'OL') && el.firstElementChild !== null) continue;
    const first = namesOf(el);
    if (first.length === 0) continue;
    // The names of byline elements set beside it, one author each.
    const names = [...new Set([...first, ...sameKindAfter(el).flatMap(namesOf)])];
    if (marked) return names;
    classed = names;
    if (byLine) break;
  }
  return classed ?? labelled ?? byLine ?? fallback ?? [];
}
