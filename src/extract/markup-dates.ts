// Publication dates written in the page body rather than its head: schema.org/microformat
// markup (itemprop="datePublished", abbr.published, <time>), labelled text ("입력 2024.05.01 10:20",
// "Veröffentlicht am 3. August 2015", "Updated May 1, 2024") and bare dates in elements classed as
// dates. Comment threads, sidebars, related-story lists and footers carry dates of other things,
// so nothing inside them counts.
import { parseDate } from './date-parse.ts';
import { descendants, textLongerThan, type TextWalkNode, type WalkEl } from './dom-walk.ts';

/** Minimal element shape used here (linkedom Element). */
export interface DateEl extends WalkEl, TextWalkNode {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/** Dates found in the markup. */
export interface MarkupDates {
  readonly published?: string;
  readonly modified?: string;
}

const PUBLISHED_LABEL = String.raw`기사\s*입력|입력|등록|게재|작성|송고|first\s+published|published(?:\s+on)?|posted(?:\s+on)?|written|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|erstellt(?:\s+am)?|publiziert(?:\s+am)?|datum|publié\s+le|publicado(?:\s+el)?|pubblicato(?:\s+il)?|mise\s+en\s+ligne`;
const MODIFIED_LABEL = String.raw`최종\s*수정|수정|업데이트|last\s+updated|updated(?:\s+on)?|modified|zuletzt\s+aktualisiert|aktualisiert(?:\s+am)?|letzte\s+änderung|stand|mis\s+à\s+jour\s+le|actualizado(?:\s+el)?|aggiornato(?:\s+il)?`;
const LABEL = new RegExp(String.raw`(?<![\p{L}])(?:(${MODIFIED_LABEL})|(${PUBLISHED_LABEL}))(?![\p{L}])\s*(?:일시|시간|날짜)?\s*[:：]?`, 'giu');

/** Classes and ids of elements that hold a date ("entry-date", "post-meta", "byline", "datum"). */
const DATE_HOLDER = /date|time|datum|zeit|fecha|publi|posted|meta|byline|dateline|info|subline|stamp|txt/i;
/** Classes and ids of page parts whose dates belong to something else. */
const OTHER_THINGS = /(?:^|[\s_-])(?:comments?|commentlist|kommentare?|replies|reply|respond|related|sidebar|widget|recommended|recommendations?|popular|most-?read|trending|newsletter|teasers?|footer|archives?|calendar|breadcrumbs?|nav|navigation|navbar|menu)(?=$|[\s_-])/i;
/** Modifier classes that describe what a wrapper contains ("has-sidebar", "page--with-comments"). */
const MODIFIER = /(?:^|\s)\S*(?:has|with|no|show|hide|w)[-_]+\S*/gi;
const OTHER_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER', 'FORM']);
/** Elements whose itemprop/class/pubdate mark the article's own publication date. */
const MARKED_PUBLISHED = /(?:^|\s)(?:datePublished|dateCreated)(?:\s|$)/;
const MARKED_MODIFIED = /(?:^|\s)dateModified(?:\s|$)/;
const PUBLISHED_CLASS = /(?:^|\s)(?:published|entry-date|post-date|publish-date|pubdate|date-published)(?:\s|$)/i;
const MAX_SCANNED = 400;

/** True when `el` sits in a comment thread, sidebar, related list, navigation or footer. `story` holds the ancestors of the page's headline: wrappers of the story itself, whatever their class says. */
function belongsToSomethingElse(el: DateEl, story: ReadonlySet<DateEl>): boolean {
  // <body> and <html> classes describe the page ("has-sidebar", "comments-open"), not a part of it.
  for (let cur: DateEl | null = el; cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML' && !story.has(cur); cur = cur.parentElement as DateEl | null) {
    if (OTHER_TAGS.has(cur.tagName)) return true;
    const name = `${cur.getAttribute('class') ?? ''} ${cur.getAttribute('id') ?? ''}`.replace(MODIFIER, ' ');
    if (name.length > 1 && OTHER_THINGS.test(name)) return true;
  }
  return false;
}

/** The ancestors of the first <h1> (the headline on most article pages). */
function headlineAncestors(root: DateEl): Set<DateEl> {
  const out = new Set<DateEl>();
  for (const el of descendants(root)) {
    if (el.tagName !== 'H1') continue;
    for (let cur = el.parentElement as DateEl | null; cur; cur = cur.parentElement as DateEl | null) out.add(cur);
    break;
  }
  return out;
}

/** The machine-readable value of a date element (content, datetime, title), else its text. */
function machineValue(el: DateEl): string | undefined {
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? (el.tagName === 'ABBR' ? el.getAttribute('title') : null) ?? el.textContent ?? undefined;
}

/** Labelled dates in one short text: the first published and first modified one. */
export function labelledDates(text: string): MarkupDates {
  const korean = /[가-힣]/.test(text);
  const opts = korean ? { defaultOffset: '+09:00' } : {};
  const hits = Array.from(text.matchAll(LABEL));
  let published: string | undefined;
  let modified: string | undefined;
  hits.forEach((m, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.index : text.length;
    const d = parseDate(text.slice(m.index! + m[0].length, end).slice(0, 60), opts);
    if (!d) return;
    if (m[1]) modified ??= d;
    else published ??= d;
  });
  return { ...(published ? { published } : {}), ...(modified ? { modified } : {}) };
}

/** True when `text` is a date and little else ("3. August 2015", "Di, 21.04.2020 - 16:40 Uhr"). */
function isBareDate(text: string): boolean {
  return text.length <= 60 && parseDate(text) !== undefined && text.replace(/[\p{N}\p{P}\s]/gu, '').length <= 24;
}

/** Reads the article's publication and modification dates from the body markup, first trustworthy one of each kind in document order. */
export function readMarkupDates(root: DateEl | null): MarkupDates {
  if (!root) return {};
  // Strength: 0 marked up as the article's date, 1 labelled text, 2 a bare date in a date-classed element or <time>.
  const best: { published?: [number, string]; modified?: [number, string] } = {};
  const offer = (kind: 'published' | 'modified', strength: number, value: string | undefined) => {
    if (!value) return;
    const cur = best[kind];
    if (!cur || strength < cur[0]) best[kind] = [strength, value];
  };
  let scanned = 0;
  const story = headlineAncestors(root);
  for (const el of descendants(root)) {
    if (best.published?.[0] === 0 && best.modified) break;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HEAD') continue;
    const itemprop = el.getAttribute('itemprop') ?? el.getAttribute('property') ?? '';
    const cls = el.getAttribute('class') ?? '';
    const marked = MARKED_PUBLISHED.test(itemprop) || /schema:date(?:Published|Created)|dc:date|dcterms:created/i.test(itemprop) || el.getAttribute('pubdate') !== null || (PUBLISHED_CLASS.test(cls) && (tag === 'ABBR' || tag === 'TIME'));
    const markedModified = MARKED_MODIFIED.test(itemprop);
    const holder = tag === 'TIME' || DATE_HOLDER.test(cls) || DATE_HOLDER.test(el.getAttribute('id') ?? '');
    if (!marked && !markedModified && !holder && tag !== 'P' && tag !== 'SPAN' && tag !== 'LI' && tag !== 'EM') continue;
    // Page wrappers classed "main-info" or "meta" are long: measure before building their text.
    if (!marked && !markedModified && textLongerThan(el, 160)) continue;
    const raw = el.textContent ?? '';
    if (!marked && !markedModified && !/\d/.test(raw)) continue;
    if (++scanned > MAX_SCANNED) break;
    if (belongsToSomethingElse(el, story)) continue;
    const korean = /[가-힣]/.test(raw);
    const opts = korean ? { defaultOffset: '+09:00' } : {};
    if (marked) offer('published', 0, parseDate(machineValue(el)?.trim(), opts) ?? parseDate(el.textContent, opts));
    if (markedModified) offer('modified', 0, parseDate(machineValue(el)?.trim(), opts));
    if (marked || markedModified) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    const labelled = labelledDates(text);
    offer('published', 1, labelled.published);
    offer('modified', 1, labelled.modified);
    if (labelled.published || labelled.modified) continue;
    if (tag === 'TIME') offer('published', 2, parseDate(el.getAttribute('datetime'), opts) ?? (isBareDate(text) ? parseDate(text, opts) : undefined));
    else if (holder && isBareDate(text)) offer('published', 2, parseDate(text, opts));
  }
  return { ...(best.published ? { published: best.published[1] } : {}), ...(best.modified ? { modified: best.modified[1] } : {}) };
}

/** The date a URL path spells (/2019/05/12/, /2019-05-12-slug, /20190512/), if any. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:[/_-]|\.html?$|$)/.exec(path) ?? /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_-]|$)/.exec(path);
  if (!m) return undefined;
  return parseDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}
