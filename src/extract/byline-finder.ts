// Author names written in the page rather than its head: schema.org itemprop="author",
// rel="author" links, and elements classed as bylines or author names ("byline", "author-name",
// "autor", "vcard"). Comment threads, sidebars and related lists name other people, so nothing
// inside them counts.
import { splitAuthorNames } from './author-names.ts';
import { nextInOrder, textLongerThan, type TextWalkNode, type WalkEl } from './dom-walk.ts';
import { belongsToSomethingElse, MODIFIER, readLayout, type PageLayout, type PartEl } from './page-parts.ts';
import { NUMERIC_DATE_OR_CLOCK, REPORTER_LINE_MARK, wholeReporterLine } from './reporter-line.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Minimal element shape used here (the extract DOM's element, dom/dom-node.ts). */
export interface BylineEl extends WalkEl, TextWalkNode {
  getAttribute(name: string): string | null;
  hasAttributes(): boolean;
  hasAttribute(name: string): boolean;
  querySelector(sel: string): BylineEl | null;
  readonly textContent: string | null;
  readonly parentNode: BylineEl | null;
}

/** Class or id tokens of an element holding an author's name. */
const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|authors|byline|bylines|autor|autoren|autorin|verfasser|writer|reporter|auteur|autore)(?:[-_]?(?:name|names|link|info))?(?=$|[\s_-])/i;
/** Author-related classes that hold something else (photos, biographies, follow buttons). */
const NOT_NAME_CLASS = /(?:^|[\s_-])(?:avatar|image|img|photo|picture|bio|biography|description|desc|follow|social|twitter|email|box|card|more|title|overlay|popover|popup|tooltip|modal)(?=$|[\s_-])/i;
const MAX_NAME_CHARS = 120;

/** A line that introduces its author ("By Jane Doe", "Von Klaus Stanjek", "Posted by Konstantin", "Written by: Jane Doe", "Text: Jane Doe"). */
const BY_LINE = /^(?:by|von|par|por|door|di|(?:posted\s+by|written\s+by|story\s+by|words\s+by|geschrieben\s+von)\s*[:：]?|(?:text|ein(?:e)?\s+(?:artikel|beitrag|kolumne|gastbeitrag)|blog\s*-?\s*beitrag|gastbeitrag)\s+von|text\s*:|texto\s*:|autor(?:in)?\s*:|author\s*:|auteur\s*:)\s+\S/i;
/** A date and time a byline may open with ("06.11.2023 13:30 von Jane"). */
const LEADING_DATE = new RegExp(String.raw`^(?:${NUMERIC_DATE_OR_CLOCK}|\s|[,|·•-])+(?=\p{L})`, 'u');
/** Elements after the headline where a "By …" line is the story's own. */
const NEAR_HEADLINE = 40;
/** Elements from the top of the page where a "By …" line may stand when the page has no headline. */
const NEAR_TOP = 150;
const MAX_BY_LINE_CHARS = 100;
/** What the parts of a meta line are set apart by ("Updated 2 hours ago · By Jane Doe"). */
const META_PART_SEPARATOR = /\s+[·•|]\s+/;

/** An element that is only a label for the name after it ("<strong>Autor:</strong> <a>Jane Doe</a>", "<h4>Author</h4><p>Jane Doe</p>", a screen-reader "| By" between meta items, an "Interview" credit). */
const AUTHOR_LABEL = /^[|·•,–—-]?\s*(?:by|von|par|autor(?:in)?|autoren|author|authors|auteur|verfasser(?:in)?|text|interview|redaktion|written\s+by|published\s+by|geschrieben\s+von)\s*[:：]?$/i;
const MAX_LABEL_CHARS = 24;
/** Characters of a label element counted with its indentation, before its words are measured. */
export const MAX_LABEL_RAW_CHARS = 200;

/** True when a leaf's text is an author label and nothing else. */
function isAuthorLabel(raw: string): boolean {
  const text = raw.replace(SPACE_RUNS, ' ').trim();
  return text.length <= MAX_LABEL_CHARS && AUTHOR_LABEL.test(text);
}

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

/**
 * The text of a small element with a space at every element boundary ("<span>By</span><a>Jane</a>"
 * → "By Jane"); with `lines`, a <br> is a line break. A link to the author's profile on a social
 * network or their address, and an element classed as one ("herald-author-twitter"), is left out:
 * it holds a handle, not the name.
 */
function elementSpacedText(node: TextWalkNode, lines = false): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  let out = '';
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out += c.textContent ?? '';
    else if (c.nodeType !== 1) continue;
    else if (lines && c.nodeName === 'BR') out += '\n';
    else if (!isHandleElement(c as unknown as BylineEl)) out += ` ${elementSpacedText(c, lines)} `;
  }
  return out;
}

/** Links to a profile on a social network, or to an address. */
const SOCIAL_HREF = /^(?:mailto:|https?:\/\/(?:www\.)?(?:twitter\.com|x\.com|facebook\.com|instagram\.com|linkedin\.com|threads\.net|bsky\.app|mastodon\.\w+|tiktok\.com|youtube\.com)\/)/i;
/** Classes of a byline's social buttons. */
const HANDLE_CLASS = /(?:^|[\s_-])(?:twitter|facebook|instagram|linkedin|social|follow|email|mail)(?=$|[\s_-])/i;

/** A handle as a social network writes it: one word, no capital, or "@" first ("herrpfleger", "@janedoe"). */
const HANDLE_TEXT = /^\s*(?:@\S+|[\p{Ll}\p{N}._-]+)\s*$/u;

/**
 * True for an element of a byline that holds a handle or an address rather than the name: one
 * classed as a social button, or a link to a social profile or an address whose text is a handle
 * ("By <a href="https://x.com/janedoe">Jane Doe</a>" is the name, linked).
 */
function isHandleElement(el: BylineEl): boolean {
  if (HANDLE_CLASS.test(el.getAttribute('class') ?? '')) return true;
  return SOCIAL_HREF.test(el.getAttribute('href') ?? '') && HANDLE_TEXT.test(el.textContent ?? '');
}

/** "By"-type prefixes that open a byline's first line. */
const BY_PREFIX = /^(?:by|von|par|por|door|di|written\s+by|posted\s+by|geschrieben\s+von)\s/i;
/** Lines under a byline that credit someone other than an author ("Edited by …", "Photos by …"). */
const OTHER_CREDIT = /^(?:edited|photos?|photographs?|pictures?|illustrations?|graphics?|video|produced|reviewed|fact[-\s]?checked|additional\s+reporting|bearbeitet|fotos?|bilder?|redigiert)\s+(?:by|von)\b/i;

/** A line that is one capitalised name of two to four words. */
const ONE_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u;

/** The byline part of a text broken into lines: after a "By …" first line, the lines under it are affiliations ("WebMD Health News") or other credits, not names. */
function bylineLines(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(SPACE_RUNS, ' ').trim()).filter((l) => l !== '');
  if (lines.length < 2) return lines[0] ?? '';
  if (BY_PREFIX.test(lines[0]!)) return lines[0]!;
  const kept = lines.filter((l) => !OTHER_CREDIT.test(l));
  // Names one per line are a list; anything else ("Posted by" / "Jane") is one line broken up.
  return kept.join(kept.every((l) => ONE_NAME.test(l)) ? ', ' : ' ');
}

/** The texts of the parts of byline block `root` from `from` on, in order: leaves with text, not a <time> (a date) nor a handle. */
function* partTexts(from: BylineEl | null, root: BylineEl): Generator<string> {
  for (let cur = from; cur; cur = nextInOrder(cur, root)) {
    if (cur.firstElementChild !== null || cur.tagName === 'TIME' || isHandleElement(cur)) continue;
    const text = (cur.textContent ?? '').replace(SPACE_RUNS, ' ').trim();
    if (text !== '') yield text;
  }
}

/** Leaves of a byline block read for names set apart from the rest. */
const MAX_BYLINE_LEAVES = 5;

/**
 * The names of a byline block that sets each part in an element of its own, the names apart from
 * the date and affiliation ("<time>15 November 2025</time><span>Jane Smith</span><span>BBC News,
 * Cardiff</span>": one text would read "Jane Smith BBC News, Cardiff"). Undefined when the block
 * is not built so.
 */
function namesSetApart(el: BylineEl): string[] | undefined {
  const leaves: string[] = [];
  for (const text of partTexts(el.firstElementChild as BylineEl | null, el)) {
    leaves.push(text);
    if (leaves.length > MAX_BYLINE_LEAVES) return undefined;
  }
  if (leaves.length < 2) return undefined;
  // Each part a name of its own ("<div>By Jane Doe</div><div>John Roe</div>"): one text would run them together.
  const each = namesOfEachPart(leaves);
  if (each) return each;
  // A "By …" line is read whole ("By <a>JANE DOE</a> and <a>JOHN ROE</a>").
  if (leaves.some((l) => BY_PREFIX.test(l)) || BY_PREFIX.test(elementSpacedText(el).replace(SPACE_RUNS, ' ').trim().replace(LEADING_DATE, ''))) return undefined;
  // The first leaf that is names and nothing else; every other leaf a date, an affiliation with its
  // place ("BBC News, Cardiff") or an outlet in capitals ("USA TODAY"), never more words of a box.
  const at = leaves.findIndex((l) => {
    const names = splitAuthorNames(l);
    return names.length > 0 && names.every((n) => ONE_NAME.test(n) && isNameLike(n));
  });
  if (at < 0 || !leaves.every((l, i) => i === at || isOtherPart(l))) return undefined;
  return splitAuthorNames(leaves[at]!);
}

/** A part that names a role, not a person ("Games Editor", "Senior Producer"). */
const ROLE_LAST_WORD = /\s(?:editor|writer|reporter|correspondent|columnist|contributor|journalist|producer|photographer|anchor|host|critic|analyst)s?$/i;
/** A part of a byline block that only joins names ("and", "&", ","). */
const JOINER = /^(?:and|&|und|et|y|e|en|[,;·•|])$/i;

/**
 * The names of byline parts that are each a name, or a "By" label, or a word that joins names
 * (the first may open with "By"): undefined when a part is anything else or fewer than two names
 * are found.
 */
function namesOfEachPart(leaves: readonly string[]): string[] | undefined {
  const names: string[] = [];
  for (const [i, leaf] of leaves.entries()) {
    if (JOINER.test(leaf) || (i === 0 && isAuthorLabel(leaf))) continue;
    const part = (i === 0 ? leaf.replace(BY_PREFIX, '') : leaf).replace(/^(?:and|&)\s+|\s*[,;]$/gi, '');
    // A reporter line each ("홍길동 기자" / "김철수 기자").
    const line = wholeReporterLine(part);
    if (line) {
      names.push(...line.map((a) => a.name));
      continue;
    }
    const found = splitAuthorNames(part);
    if (found.length === 0 || !found.every((n) => ONE_NAME.test(n) && isNameLike(n) && !ROLE_LAST_WORD.test(n))) return undefined;
    names.push(...found);
  }
  // Names in capitals beside words in small letters, or the other way round: those not set as the
  // first are an outlet ("JANE DOE, JOHN ROE" / "Associated Press", "Jane Doe" / "EXAMPLE DAILY NEWS").
  const capitals = (n: string) => n === n.toUpperCase();
  const kept = names.filter((n) => capitals(n) === capitals(names[0]!));
  return kept.length >= 2 ? kept : undefined;
}

/** True for a part of a byline block that is no name: a date, an affiliation with its place ("BBC News, Cardiff") or an outlet in capitals ("USA TODAY"). */
function isOtherPart(text: string): boolean {
  return /\d|,/.test(text) || (/\p{Lu}/u.test(text) && text === text.toUpperCase());
}

/**
 * The "By …" line of a byline block that opens with it in an element of its own, the outlet and
 * the date after it in theirs ("<div>By <span>Jane Doe</span></div><div><div>EXAMPLE DAILY
 * NEWS</div><time>…</time></div>": one text would read "Jane Doe EXAMPLE DAILY NEWS").
 */
function byLineFirst(el: BylineEl): string | undefined {
  const first = el.firstElementChild as BylineEl | null;
  if (!first || first.nextElementSibling === null) return undefined;
  const line = elementSpacedText(first).replace(SPACE_RUNS, ' ').trim();
  if (!BY_PREFIX.test(line) || !elementSpacedText(el).replace(SPACE_RUNS, ' ').trim().startsWith(line)) return undefined;
  for (const text of partTexts(first.nextElementSibling as BylineEl | null, el)) if (!isOtherPart(text)) return undefined;
  return line;
}

/** The names one candidate element gives, or none when its text is too long or not a name. */
function namesOf(el: BylineEl): string[] {
  // The name's own element when the byline wraps more (a photo, a label, a biography link).
  const nameEl = el.querySelector('[itemprop~="name"]') ?? el.querySelector('[class~="author-name"], [class~="author_name"], [class~="authorName"], [class~="byline-name"], [class~="byline__name"]');
  if (!nameEl) {
    const set = namesSetApart(el);
    if (set) return set;
  }
  const raw = nameEl?.getAttribute('content') ?? (nameEl ? elementSpacedText(nameEl) : undefined) ?? el.getAttribute('content') ?? byLineFirst(el) ?? bylineLines(elementSpacedText(el, true));
  const text = raw.replace(SPACE_RUNS, ' ').trim();
  if (text === '' || text.length > MAX_NAME_CHARS || !/\p{L}/u.test(text)) return [];
  // A reporter line of its own ("[이데일리 홍길동 기자]", "세종=홍길동 기자 hong@…"): its names.
  const line = wholeReporterLine(text);
  if (line) return line.map((a) => a.name);
  return splitAuthorNames(text).filter(isNameLike);
}

/** Byline elements read beside a first one, at most. */
const MAX_BESIDE = 8;
/** Characters of an element between two byline elements that still only joins them ("and", " · "). */
const MAX_JOINER_CHARS = 12;

/** What makes byline elements of one kind: tag, and the attributes that mark them (class without its modifiers, itemprop, rel, test ids); "" for an element none of them marks. */
function kindOf(el: BylineEl): string {
  const marks = ['class', 'itemprop', 'rel', 'data-testid', 'data-component'].map((a) => (el.getAttribute(a) ?? '').replace(MODIFIER, ' ').replace(SPACE_RUNS, ' ').trim());
  return marks.some((m) => m.trim() !== '') ? `${el.tagName} ${marks.join(' ')}` : '';
}

/**
 * The byline elements of the same kind as `el` set after it, one author each ("<a class="author">
 * Jane Doe</a>, <a class="author">John Roe</a>"): among its siblings, or, when it opens its
 * parent, opening its parent's siblings of the parent's kind ("<li><a rel="author">…").
 * Only joiners may stand between them.
 */
function sameKindAfter(el: BylineEl): BylineEl[] {
  const out: BylineEl[] = [];
  const collect = (from: BylineEl, pick: (s: BylineEl) => BylineEl | undefined) => {
    for (let s = from.nextElementSibling as BylineEl | null; s && out.length < MAX_BESIDE; s = s.nextElementSibling as BylineEl | null) {
      const found = pick(s);
      if (found) out.push(found);
      else if (textLongerThan(s, MAX_JOINER_CHARS)) break;
    }
  };
  const kind = kindOf(el);
  if (kind === '') return out;
  collect(el, (s) => (kindOf(s) === kind ? s : undefined));
  const parent = el.parentElement as BylineEl | null;
  // (Not in items of their own: each of those names its own author, a review's or a comment's.)
  if (out.length === 0 && parent && parent.firstElementChild === el && parent.tagName !== 'BODY' && !parent.hasAttribute('itemscope')) {
    // (Items of a list need no marks of their own: each opens with its byline element, a hover card may follow it.)
    const parentKind = kindOf(parent) || parent.tagName;
    collect(parent, (s) => {
      const first = s.firstElementChild as BylineEl | null;
      return (kindOf(s) || s.tagName) === parentKind && first && kindOf(first) === kind ? first : undefined;
    });
  }
  return out;
}

/** True for a line under the headline that is a date and a full name and nothing else ("11.12.2019 - Jane Doe"): the story's date and author. */
function isDatedName(line: string, afterDate: string): boolean {
  return afterDate !== line && /^\d{1,2}[./]\d{1,2}[./]\d{4}\s*[-–—|·•]\s*\p{Lu}/u.test(line) && ONE_NAME.test(afterDate);
}

/** True for a plausible name: two characters or more, six words at most, no counter ("Views (23925)"). */
function isNameLike(name: string): boolean {
  const words = name.split(' ');
  return name.length >= 2 && words.length <= 6 && !/\(\s*[\d.,]+\s*\)/.test(name) && !(words.length >= 3 && words.some((w, i) => i > 0 && PHRASE_WORD.test(w)));
}

/** Prepositions that join the words of a phrase, never those of a name or a handle ("Von Atemschutzmaske über Exit-Strategie bis Zoonose"). */
const PHRASE_WORD = /^(?:über|bis|mit|für|auf|nach|gegen|ohne|durch|the|for|with|into|about|over|through|against|without)$/;

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
