// Publication dates written in the page body rather than its head: schema.org/microformat
// markup (itemprop="datePublished", abbr.published, <time>), labelled text ("입력 2024.05.01 10:20",
// "Veröffentlicht am 3. August 2015", "Updated May 1, 2024") and bare dates in elements classed as
// dates. Comment threads, sidebars, related-story lists and footers carry dates of other things,
// so nothing inside them counts.
import { isDateLine } from './date-line.ts';
import { offsetOfLanguage, parseDate, writesZone, type ParseDateOptions } from './date-parse.ts';
import { nextInOrder, textLongerThan, type TextWalkNode, type WalkEl } from './dom-walk.ts';
import { belongsToSomethingElse, OTHER_TAGS, readLayout, type PageLayout, type PartEl } from './page-parts.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Minimal element shape used here (the extract DOM's element, dom/dom-node.ts). */
export interface DateEl extends WalkEl, TextWalkNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  readonly textContent: string | null;
}

/** Dates found in the markup. */
export interface MarkupDates {
  readonly published?: string;
  readonly modified?: string;
  /** True when the text the published date was read from wrote its zone ("13:10 GMT"), false when it wrote a bare clock. */
  readonly publishedZoned?: boolean;
}

/** The "am" / "on" / "le" of a byline that dates it ("von Jane am 20.09.2020", "Author: jdoe on May 2, 2020"). */
// The word is matched first and the byline behind it checked after: a lookbehind leading the
// pattern would be tried, scanning back up to 60 characters, at every position of every text.
// Not the "AM" of a clock ("By Jane Doe Updated 8:47 AM EST, …").
const BYLINE_DATE = String.raw`(?:am|on|le)(?<!(?:^|[^\p{L}\d])\d{1,2}(?:[:.]\d\d)?\s*(?:am|on|le))(?<=(?:^|\s)(?:von|by|par|autor(?:in)?:|author:|auteur\s*:)\s+\S[^.!?]{0,60}?\s(?:am|on|le))`;
const PUBLISHED_LABEL = String.raw`기사\s*입력|입력|등록|기사\s*승인|승인|게재|발행|작성|송고|first\s+published|published(?:\s+on)?|posted(?:\s+on)?|written|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|(?:pressemitteilung|pressemeldung|meldung|mitteilung)\s+vom|erstellt(?:\s+am)?|publiziert(?:\s+am)?|datum|publié\s+le|publicado(?:\s+el)?|pubblicato(?:\s+il)?|mise\s+en\s+ligne|${BYLINE_DATE}`;
const MODIFIED_LABEL = String.raw`최종\s*수정|수정|업데이트|last\s+updated|updated(?:\s+on)?|(?:last\s+)?modified(?:\s+on)?|zuletzt\s+aktualisiert|aktualisiert(?:\s+am)?|letzte\s+änderung|stand|mis\s+à\s+jour\s+le|actualizado(?:\s+el)?|aggiornato(?:\s+il)?`;
/** A label opening a text (the first words). */
const LABEL_AT_START = new RegExp(String.raw`^(?:${PUBLISHED_LABEL})\s`, 'iu');
const LABEL = new RegExp(String.raw`(?<![\p{L}])(?:(${MODIFIED_LABEL})|(${PUBLISHED_LABEL}))(?:\s*(?:일시|시간|날짜|일자|일))?(?![\p{L}])\s*[:：]?`, 'giu');

/** Classes and ids of elements that hold a date ("entry-date", "post-meta", "byline", "datum"). */
const DATE_HOLDER = /date|time|datum|zeit|fecha|publi|posted|submitted|meta|byline|dateline|info|subline|stamp|txt/i;
/** Elements whose itemprop/class/pubdate mark the article's own publication date. */
const MARKED_PUBLISHED = /(?:^|\s)(?:datePublished|dateCreated)(?:\s|$)/;
const MARKED_MODIFIED = /(?:^|\s)dateModified(?:\s|$)/;
const PUBLISHED_CLASS = /(?:^|\s)(?:published|entry-date|post-date|publish-date|pubdate|date-published)(?:\s|$)/i;
/** A <time> or <abbr> classed as the last change ("updated", hAtom's and WordPress themes' class). */
const MODIFIED_CLASS = /(?:^|\s)(?:updated|modified|date-modified|entry-updated|post-modified)(?:\s|$)/i;
/** hAtom's value-title form: an element classed "published" or "updated" whose title holds the ISO date (`<span class="updated" title="2013-04-04T18:52:11+00:00"></span>`). */
const HATOM_CLASS = /(?:^|\s)(published|updated)(?:\s|$)/;
const ISO_DATE_START = /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/;
const MAX_SCANNED = 1200;
const MAX_PLAIN_VISITED = 3000;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;

/** Elements after the headline, in document order, where a bare or leading date is the story's own. */
const NEAR_HEADLINE = 30;
/** Elements with text of their own between a date and the headline below it, where the date is the story's ("<h3>02.01.2022</h3><h1>…"; share icons between them do not count). */
const JUST_BEFORE = 6;
/** "29.11.2022 – Text…", "BERLIN, 2. November 2021 – Text…": a dated first paragraph. */
const LEADING_DATE = /^(?:[\p{Lu}][\p{L} /.-]{1,30},\s*)?([^–—|•·-]{6,40}?)\s*[–—|•·-]\s/u;
/** "01.02.2022 „Der Arbeitsmarkt…", "25. Januar 2022 (DJV) Berlin", "(21. November 2022) Text": a full date opening a line, whatever follows it. */
const NUMERIC_LEAD = /^(?:[\p{Lu}][\p{L} /.-]{1,30},\s*)?\(?(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4})(?![\d.:-])/u;

/** What parts of a byline or meta line are set apart by: "Jane Roe / 22.04.2020 / 06:15", "· November 22, 2011 · Email this post", "January 18, 2017 11:44 am PST by Jane Roe". */
const META_SEPARATOR = /\s*[|•·⋅∙]\s*|\s+[/–—-]\s+|\s+(?:by|BY|By)\s+(?=\p{Lu})/u;
/** The place a dateline opens with ("BERLIN, ", "Wiesbaden, "). */
const DATELINE_PLACE = /^[\p{Lu}][\p{L} /.-]{1,30},\s*/u;
/** Parts of a meta line read for a date. */
const MAX_META_PARTS = 6;

/**
 * The date a line opens with ("29.11.2022 – Text…", "BERLIN, 2. November 2021 – Text…", "02.02.2022 • News"),
 * else the first of its first parts that is a date and nothing else ("Jane Roe / 22.04.2020 / 06:15 / Foto: …").
 */
function leadingDate(text: string, opts: ParseDateOptions): string | undefined {
  const lead = LEADING_DATE.exec(text);
  if (lead && isBareDate(lead[1]!)) return parseDate(lead[1], opts);
  const numeric = NUMERIC_LEAD.exec(text);
  if (numeric) return parseDate(numeric[1], opts);
  const parts = text.split(META_SEPARATOR, MAX_META_PARTS + 1);
  if (parts.length < 2) return undefined;
  // A part that is a date with its time or weekday, after the place it was written in ("Wiesbaden, 11. November 2021");
  // not a sentence that holds one ("Seit dem 22.04.2020 im Amt").
  for (const part of parts.slice(0, MAX_META_PARTS)) {
    const date = part.replace(DATELINE_PLACE, '');
    if (isDateLine(date) && YEAR.test(date)) return parseDate(date, opts);
  }
  return undefined;
}
/** Tags whose short text may hold a labelled date. */
const TEXT_TAGS = new Set(['P', 'SPAN', 'LI', 'EM', 'DIV', 'DD', 'TD', 'SMALL', 'STRONG', 'B', 'I', 'FONT', 'H2', 'H3', 'H4', 'H5', 'H6', 'SUMMARY']);

/** The machine-readable value of a date element (content, datetime, title), else its text. */
function machineValue(el: DateEl): string | undefined {
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? (el.tagName === 'ABBR' ? el.getAttribute('title') : null) ?? el.textContent ?? undefined;
}

/** The text an element holds directly (its text children, not its elements'), spaces collapsed. */
function ownText(el: DateEl): string {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += n.textContent ?? '';
  return text.replace(SPACE_RUNS, ' ').trim();
}

/** Labelled dates in one short text: the first published and first modified one. */
export function labelledDates(text: string, dayFirst = false): MarkupDates {
  const korean = /[가-힣]/.test(text);
  const opts = korean ? { defaultOffset: '+09:00', dayFirst } : { dayFirst };
  const hits = Array.from(text.matchAll(LABEL));
  let published: string | undefined;
  let modified: string | undefined;
  // Labels written after their dates ("2025-11-15 08:47 입력 · 2025-11-15 09:12 수정"): the line opens
  // with a date and nothing else before its first label, and its last label ends it. Each label then
  // names the date before it (a sentence "… am 02.12.2022 aktualisiert" is no such line).
  const after = hits.length > 0 && isDateLine(text.slice(0, hits[0]!.index)) && /^[\s.·|,)\]]*$/.test(text.slice(hits[hits.length - 1]!.index! + hits[hits.length - 1]![0].length));
  hits.forEach((m, i) => {
    const [from, end] = after ? [i > 0 ? hits[i - 1]!.index! + hits[i - 1]![0].length : 0, m.index!] : [m.index! + m[0].length, i + 1 < hits.length ? hits[i + 1]!.index! : text.length];
    const d = parseDate(text.slice(from, end).slice(0, 60), opts);
    if (!d) return;
    if (m[1]) modified ??= d;
    else published ??= d;
  });
  return { ...(published ? { published } : {}), ...(modified ? { modified } : {}) };
}

/** True when `text` is a date and little else ("3. August 2015", "Di, 21.04.2020 - 16:40 Uhr"). */
function isBareDate(text: string): boolean {
  return text.length <= 60 && YEAR.test(text) && text.replace(/[\p{N}\p{P}\s]/gu, '').length <= 24 && parseDate(text) !== undefined;
}

/** How a page in language `lang` writes its dates: day first or month first, and the zone of a clock that names none. */
export function pageDateOptions(lang: string): { dayFirst: boolean; defaultOffset?: string } {
  // Slashed dates ("02/04/2022") are day first everywhere but in English; English outside North
  // America and the Philippines writes the day first too ("en-GB": 02/10/2020 is 2 October).
  const dayFirst = lang !== '' && !/^en(?:[-_](?:us|ca|ph))?$/i.test(lang.trim());
  // A Korean page's clock is KST, also where a date line writes no Hangul ("2025. 11. 15. 08:47").
  const defaultOffset = offsetOfLanguage(lang);
  return defaultOffset ? { dayFirst, defaultOffset } : { dayFirst };
}

/** The publication date the date lines beside a byline give ("January 19, 2017"; not a line that only says when the story was updated). */
export function bylineDate(lines: readonly string[], lang: string): string | undefined {
  const opts = pageDateOptions(lang);
  for (const line of lines) {
    const labelled = labelledDates(line, opts.dayFirst);
    const date = labelled.published ?? (labelled.modified ? undefined : parseDate(line, opts));
    if (date) return date;
  }
  return undefined;
}

/** Reads the article's publication and modification dates from the body markup, first trustworthy one of each kind in document order. */
export function readMarkupDates(root: DateEl | null, layout: PageLayout | undefined = root ? readLayout(root) : undefined): MarkupDates {
  if (!root) return {};
  // Strength: 0 marked up as the article's date, 1 labelled text, 2 a bare date in a date-classed element or <time>.
  // Each with the text it was read from (whether that text wrote a zone).
  const best: { published?: [number, string, string]; modified?: [number, string, string] } = {};
  const offer = (kind: 'published' | 'modified', strength: number, value: string | undefined, raw: string) => {
    if (!value) return;
    const cur = best[kind];
    if (!cur || strength < cur[0]) best[kind] = [strength, value, raw];
  };
  let scanned = 0;
  const { headline, story, memo } = layout ?? readLayout(root);
  const { dayFirst, defaultOffset: pageOffset } = pageDateOptions(root.getAttribute('lang') ?? root.getAttribute('xml:lang') ?? '');
  let sinceHeadline = -1;
  const afterHeadline = (headline as unknown as DateEl | undefined)?.nextElementSibling as DateEl | null | undefined;
  /** True when `el` is, or is inside, the element right after the headline, and none of them is an aside, nav, footer or form. */
  const underHeadline = (el: DateEl) => {
    for (let cur: DateEl | null = el; cur && cur !== root; cur = cur.parentElement as DateEl | null) {
      if (OTHER_TAGS.has(cur.tagName)) return false;
      if (cur === afterHeadline) return true;
    }
    return false;
  };
  let visited = 0;
  /** The last date above the headline, and how many elements with text came after it. */
  let lastBeforeHeadline: { between: number; date: string; raw: string } | undefined;
  // A plain loop, not the descendants() generator: this walk runs on most pages and often to the end.
  for (let el = root.firstElementChild as DateEl | null; el; el = nextInOrder(el, root)) {
    if (best.published?.[0] === 0 && best.modified?.[0] === 0) break;
    if (el === (headline as unknown)) {
      sinceHeadline = 0;
      // A date set just above the headline (a dateline over the title) is the story's own too.
      if (lastBeforeHeadline && lastBeforeHeadline.between <= JUST_BEFORE) offer('published', 2, lastBeforeHeadline.date, lastBeforeHeadline.raw);
    } else if (sinceHeadline >= 0) sinceHeadline++;
    else if (lastBeforeHeadline && lastBeforeHeadline.between <= JUST_BEFORE && ownText(el) !== '') lastBeforeHeadline.between++;
    const near = sinceHeadline > 0 && sinceHeadline <= NEAR_HEADLINE;
    const tag = el.tagName;
    visited++;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HEAD') continue;
    // One pass over the attributes: this runs on every element of the page.
    let itemprop = '';
    let cls = '';
    let id = '';
    let pubdate = false;
    let title = '';
    // Asked by name: listing the attributes would build an object per attribute of every element.
    if (el.hasAttributes()) {
      cls = el.getAttribute('class') ?? '';
      id = el.getAttribute('id') ?? '';
      title = el.getAttribute('title') ?? '';
      itemprop = el.getAttribute('itemprop') ?? el.getAttribute('property') ?? '';
      pubdate = el.hasAttribute('pubdate');
    }
    const hatom = ISO_DATE_START.test(title) ? HATOM_CLASS.exec(cls) : null;
    if (hatom && tag !== 'ABBR' && !belongsToSomethingElse(el as PartEl, story, memo)) {
      offer(hatom[1] === 'updated' ? 'modified' : 'published', 0, parseDate(title), title);
      continue;
    }
    const marked = (itemprop !== '' && (MARKED_PUBLISHED.test(itemprop) || /schema:date(?:Published|Created)|dc:date|dcterms:created/i.test(itemprop))) || pubdate || ((tag === 'ABBR' || tag === 'TIME') && PUBLISHED_CLASS.test(cls));
    const markedModified = itemprop !== '' && MARKED_MODIFIED.test(itemprop);
    // A <time> classed "updated" with no itemprop saying otherwise (themes class the creation date "entry-date updated" too): weaker than a label.
    const classedModified = itemprop === '' && !marked && (tag === 'ABBR' || tag === 'TIME') && MODIFIED_CLASS.test(cls) && !PUBLISHED_CLASS.test(cls);
    const holder = tag === 'TIME' || DATE_HOLDER.test(cls) || DATE_HOLDER.test(id);
    // Plain paragraphs and cells are read for labelled dates near the top of long pages only (reference lists, tables).
    if (!marked && !markedModified && !holder && (!TEXT_TAGS.has(tag) || (visited > MAX_PLAIN_VISITED && !near))) continue;
    // Page wrappers classed "main-info" or "meta" are long: measure before building their text.
    if (!marked && !markedModified && textLongerThan(el, 160)) {
      // A first paragraph or a header line may open with its date ("29.11.2022 – Text…").
      if (near) {
        const head = (el.textContent ?? '').slice(0, 120).replace(SPACE_RUNS, ' ').trim();
        // ("Pressemitteilung vom 25. Januar 2022 | Berlin – Text…": a labelled date opening it.)
        offer('published', 1, LABEL_AT_START.test(head) ? labelledDates(head, dayFirst).published : undefined, head);
        offer('published', 3, leadingDate(head, { dayFirst }), head);
      }
      // A labelled date written straight into a long container, between its title and its body
      // ("<div>…<dl>title</dl> 기사입력 :[ 2018-08-25 15:24 ] <div>body…").
      if (!best.published || best.published[0] > 1) {
        const own = ownText(el);
        if (own.length >= 8 && own.length <= 120 && LABEL_AT_START.test(own) && !belongsToSomethingElse(el as PartEl, story, memo)) {
          const labelled = labelledDates(own, dayFirst);
          offer('published', 1, labelled.published, own);
          offer('modified', 1, labelled.modified, own);
        }
      }
      continue;
    }
    const raw = el.textContent ?? '';
    // Every date form read here has a four-digit year.
    // (A <time> may show only its clock, "10:05", its datetime the whole date.)
    if (!marked && !markedModified && !YEAR.test(raw) && !(tag === 'TIME' && YEAR.test(el.getAttribute('datetime') ?? ''))) continue;
    if (++scanned > MAX_SCANNED) break;
    const offset = pageOffset ?? (/[가-힣]/.test(raw) ? '+09:00' : undefined);
    const opts = offset ? { defaultOffset: offset, dayFirst } : { dayFirst };
    // The block right under the headline is the story's header whatever its class says ("teaser-small__metadata").
    if (belongsToSomethingElse(el as PartEl, story, memo) && !(near && underHeadline(el))) {
      // A sibling of the headline is part of the story's header whatever its class says ("teaser-meta").
      if (headline && sinceHeadline < 0 && el.parentElement === (headline as unknown as DateEl).parentElement) {
        const text = raw.replace(SPACE_RUNS, ' ').trim();
        const date = isBareDate(text) ? parseDate(text, opts) : undefined;
        if (date) lastBeforeHeadline = { between: 0, date, raw: text };
      }
      continue;
    }
    if (marked) offer('published', 0, parseDate(machineValue(el)?.trim(), opts) ?? parseDate(el.textContent, opts), `${machineValue(el) ?? ''} ${raw}`);
    if (markedModified) offer('modified', 0, parseDate(machineValue(el)?.trim(), opts), machineValue(el) ?? '');
    if (marked || markedModified) continue;
    // (It may still be the only date the page shows under its headline: it stays a candidate for the publication below.)
    if (classedModified) offer('modified', 2, parseDate(machineValue(el)?.trim(), opts), machineValue(el) ?? '');
    // Weaker evidence is read only while nothing as strong or stronger was found (pages with many dated references).
    const wants = (kind: 'published' | 'modified', strength: number) => !best[kind] || best[kind]![0] > strength;
    const text = raw.replace(SPACE_RUNS, ' ').trim();
    if (wants('published', 1) || wants('modified', 1)) {
      const labelled = labelledDates(text, dayFirst);
      offer('published', 1, labelled.published, text);
      offer('modified', 1, labelled.modified, text);
      if (labelled.published || labelled.modified) continue;
    }
    if (!wants('published', 2)) continue;
    if (tag === 'TIME') offer('published', 2, parseDate(el.getAttribute('datetime'), opts) ?? (isBareDate(text) ? parseDate(text, opts) : undefined), `${el.getAttribute('datetime') ?? ''} ${text}`);
    else if ((holder || near) && isBareDate(text)) offer('published', 2, parseDate(text, opts), text);
    else if (headline && sinceHeadline < 0) {
      // Above the headline: a date alone, or one opening a date-classed line ("05.02.2020 - Redaktion: Jane Roe").
      const date = isBareDate(text) ? parseDate(text, opts) : holder ? leadingDate(text, opts) : undefined;
      if (date) lastBeforeHeadline = { between: 0, date, raw: text };
    }
    else if (near && wants('published', 3)) offer('published', 3, leadingDate(text, opts), text);
  }
  return {
    ...(best.published ? { published: best.published[1], publishedZoned: writesZone(best.published[2]) } : {}),
    ...(best.modified ? { modified: best.modified[1] } : {}),
  };
}

const MONTH_ABBRS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date a URL path spells (/2019/05/12/, /2019-05-12-slug, /20190512/), if any. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:[/_-]|\.html?$|$)/.exec(path) ?? /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_-]|$)/.exec(path);
  // "/2020/oct/02/slug": the month as a word.
  const named = m ? undefined : /\/((?:19|20)\d{2})\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/i.exec(path);
  if (named) return parseDate(`${named[1]}-${String(MONTH_ABBRS.indexOf(named[2]!.toLowerCase()) + 1).padStart(2, '0')}-${named[3]!.padStart(2, '0')}`);
  if (!m) return undefined;
  return parseDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}
