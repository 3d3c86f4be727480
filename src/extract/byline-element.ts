// The names one byline element gives: its parts read apart (names, the "By" line, the outlet,
// the date, a handle), byline elements of its kind set beside it, and the tests of a name
// (byline-finder.ts finds the elements in the page).
import { splitAuthorNames } from './author-names.ts';
import { nextInOrder, textLongerThan, type TextWalkNode, type WalkEl } from './dom-walk.ts';
import { MODIFIER } from './page-parts.ts';
import { NUMERIC_DATE_OR_CLOCK, wholeReporterLine } from './reporter-line.ts';
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

/** Characters of a byline's names at most. */
export const MAX_NAME_CHARS = 120;

/** A date and time a byline may open with ("06.11.2023 13:30 von Jane"). */
export const LEADING_DATE = new RegExp(String.raw`^(?:${NUMERIC_DATE_OR_CLOCK}|\s|[,|·•-])+(?=\p{L})`, 'u');

/** An element that is only a label for the name after it ("<strong>Autor:</strong> <a>Jane Doe</a>", "<h4>Author</h4><p>Jane Doe</p>", a screen-reader "| By" between meta items, an "Interview" credit). */
const AUTHOR_LABEL = /^[|·•,–—-]?\s*(?:by|von|par|autor(?:in)?|autoren|author|authors|auteur|verfasser(?:in)?|text|interview|redaktion|written\s+by|published\s+by|geschrieben\s+von)\s*[:：]?$/i;
const MAX_LABEL_CHARS = 24;

/** True when a leaf's text is an author label and nothing else. */
export function isAuthorLabel(raw: string): boolean {
  const text = raw.replace(SPACE_RUNS, ' ').trim();
  return text.length <= MAX_LABEL_CHARS && AUTHOR_LABEL.test(text);
}

/**
 * The text of a small element with a space at every element boundary ("<span>By</span><a>Jane</a>"
 * → "By Jane"); with `lines`, a <br> is a line break. A link to the author's profile on a social
 * network or their address, and an element classed as one ("herald-author-twitter"), is left out:
 * it holds a handle, not the name.
 */
export function elementSpacedText(node: TextWalkNode, lines = false): string {
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
export const ONE_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u;

/** The byline part of a text broken into lines: after a "By …" first line, the lines under it are affiliations ("WebMD Health News") or other credits, not names. */
export function bylineLines(text: string): string {
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
export function namesOf(el: BylineEl): string[] {
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
export function sameKindAfter(el: BylineEl): BylineEl[] {
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

/** True for a plausible name: two characters or more, six words at most, no counter ("Views (23925)"). */
export function isNameLike(name: string): boolean {
  const words = name.split(' ');
  return name.length >= 2 && words.length <= 6 && !/\(\s*[\d.,]+\s*\)/.test(name) && !(words.length >= 3 && words.some((w, i) => i > 0 && PHRASE_WORD.test(w)));
}

/** Prepositions that join the words of a phrase, never those of a name or a handle ("Von Atemschutzmaske über Exit-Strategie bis Zoonose"). */
const PHRASE_WORD = /^(?:über|bis|mit|für|auf|nach|gegen|ohne|durch|the|for|with|into|about|over|through|against|without)$/;
