// Photo captions carry their credit in many shapes ("photo=Hankyung DB", "사진=연합뉴스",
// "Photo: Reuters", "(Getty Images)", "ⓒ 뉴스1", "/AP Photo"). This splits it off so the caption
// and the credit are each kept once.
import { SPACE_RUNS } from './loose-key.ts';

/** A caption with its credit split off. */
export interface SplitCaption {
  readonly caption?: string;
  /** The credit without its label ("Hankyung DB" for "photo=Hankyung DB"). */
  readonly credit?: string;
}

/** Labels that make a line opening with them a credit whatever its length ("Photo: …", "Bild: …", "사진=…"). */
export const LINE_CREDIT_LABEL = String.raw`(?:(?:main|top|header|featured|lead|cover)\s+(?:image|photo|picture)(?:\s+credit)?|photo(?:graph)?s?|image|picture|credit|courtesy|bild|titelbild|beitragsbild|headerbild|bildquelle|fotos?|crédits? photos?|fuente|zdjęcie|사진|그래픽|자료|写真)`;
/** Labels that introduce a credit. */
const CREDIT_LABEL = String.raw`(?:${LINE_CREDIT_LABEL}|photographer|pic|source|illustration|graphic|video|crédit|fot\.?|영상|일러스트|출처|제공|이미지|撮影|图片|圖片|摄影)`;
/** News agencies and picture desks commonly named without a label. */
const AGENCY = String.raw`(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|Shutterstock|Bloomberg|Xinhua|Kyodo|Yonhap|UPI|PA|Alamy|iStock|Newsis|News1|연합뉴스|뉴스1|뉴시스|게티이미지뱅크|게티이미지코리아|게티이미지|셔터스톡|로이터|신화|교도|공동취재|사진공동취재단|AP Photo|AFP Photo|Reuters Photo|AP Images|dpa|ANP|ANSA|Sipa|TASS|NurPhoto)`;
/** Korean agencies that pass on a foreign agency's photo ("AP=연합뉴스", "로이터=뉴스1"). */
const KO_RELAY = String.raw`(?:연합뉴스|뉴스1|뉴시스)`;

const PATTERNS: readonly RegExp[] = [
  // "Image copyright Getty Images", "Photo credit: Jane Doe", "Image source, PA Media" as a line of its own.
  /^\s*(?:image|photo|picture)\s+(?:copyright|credit)\s*[:：]?\s*(.{1,80}?)\s*$/iu,
  /^\s*(?:image|photo|picture|media)\s+source\s*[,:：]\s*(.{1,80}?)\s*$/iu,
  // "(사진=연합뉴스)", "[사진 제공=…]", "<사진=…>" anywhere at the end.
  new RegExp(String.raw`\s*[\[(<〈【]\s*${CREDIT_LABEL}(?:\s*${CREDIT_LABEL})?\s*[=:：]\s*([^\])>〉】]{1,80})[\])>〉】]\s*$`, 'iu'),
  // "… /사진=연합뉴스", "… photo=Hankyung DB": "=" is a credit anywhere after a word.
  new RegExp(String.raw`(?:^|\s*[/|·]\s*|\s+)${CREDIT_LABEL}(?:\s*${CREDIT_LABEL})?\s*=\s*(.{1,80}?)\s*$`, 'iu'),
  // "… Photo: Reuters", "Photo by Jane Doe", "Credit...Jane Doe": only at the start, after a slash or after a sentence.
  new RegExp(String.raw`(?:^|\s*[/|·]\s*|(?<=[.!?"”)])\s*)${CREDIT_LABEL}(?:\s*${CREDIT_LABEL})?\s*(?:[:：]|\.{3}|…|\s+by\s+)\s*(.{1,80}?)\s*$`, 'iu'),
  // "… Hal and Fran Finney. Photo courtesy Fran Finney", "Courtesy of the artist": at the start or after a sentence.
  /(?:^|(?<=[.!?"”)])\s*)((?:(?:photo|image|picture)s?\s+)?courtesy(?:\s+of)?\s+\p{L}.{0,59}?)\s*$/iu,
  // "ⓒ 뉴스1", "© AFP", "Copyright Reuters" at the end.
  new RegExp(String.raw`\s*[\[(]?\s*(?:ⓒ|©|\(c\)|copyright)\s*(.{1,60}?)\s*[\])]?\s*$`, 'iu'),
  // "(Getty Images)", "(AP Photo/Jane Doe)", "[AFP]" at the end.
  new RegExp(String.raw`\s*[\[(]\s*(${AGENCY}(?:\s*(?:Photo|Images))?(?:\s*/\s*[^\])]{1,60})?|[^\])]{1,60}/\s*${AGENCY}(?:\s*Photo)?)\s*[\])]\s*$`, 'iu'),
  // "(Wire Photo/Jane Doe)", "(Photo/Jane Doe)", "(City Hall Photos/Jane Doe)": any desk's photo credit in the agencies' form, at the end.
  /\s*[\[(]\s*((?:\p{Lu}[\p{L}.&'’-]*\s+){0,3}(?:[Pp]hotos?|[Ii]mages?|[Pp]ic)\s*\/\s*[^\])/]{1,60})\s*[\])]\s*$/u,
  // "… is shown. (Evan Mitsui/CBC)", "(Jane Doe/The Canadian Press)": a photographer's name and their outlet in brackets, closing the caption's last sentence.
  /(?<=[.!?"”])\s*[\[(]\s*(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}\s*\/\s*[^\[\]()/]{2,40}?)\s*[\])]\s*$/u,
  // "[서울시 제공]", "(사진 한빛전자 제공)", "… / 서울시 제공", "…다. 서울시 제공": a provider, "제공" ("provided") after it.
  /\s*[\[(<]\s*(?:사진\s*)?([^\[\]()<>=]{1,40}?)\s*제공\s*[\])>]\s*$/u,
  /(?:\s*\/\s*|(?<=[.!?"”])\s+)(?:사진\s*)?([^\s/.!?"”][^/.!?"”]{0,20}?)\s*제공\s*$/u,
  // "[사진] 별빛엔터테인먼트 제공", "[사진] 한빛일보 DB", "(사진) 김철수 기자": a label in brackets, then a provider, a file photo or a photographer, as a line.
  /^\s*[\[(<【]\s*사진\s*[\])>】]\s*([^\[\]()<>=]{1,40}?\s*(?:제공|DB|자료\s*사진|[가-힣]{2,4}\s*기자))\s*$/u,
  // "[연합뉴스 자료사진]", "(뉴스1 DB)": an outlet's file photo, said in full.
  /\s*[\[(]\s*([^\[\]()=]{1,40}?\s*(?:자료\s*사진|DB))\s*[\])]\s*$/u,
  // "… 있다. 김혜윤 기자 unique@…": the photographer's signature closing a caption (the address left out of the credit).
  /(?<=[.!?"”)\]])\s+([가-힣]{2,4}\s*(?:사진\s*)?기자)(?:\s+[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?\s*$/u,
  // "[AP=연합뉴스]", "(로이터=뉴스1)", "[EPA=연합뉴스 자료사진]": a foreign agency's photo passed on by a Korean one.
  new RegExp(String.raw`\s*[\[(]\s*([A-Za-z가-힣]{1,12}\s*=\s*${KO_RELAY}(?:\s*자료\s*사진)?)\s*[\])]\s*$`, 'u'),
  // "… 모습. /한빛일보 DB", "… 있다. /김혜윤 기자", "… 모습. /한빛일보": an outlet's file photo, a
  // photographer or an outlet after a slash closing a Korean caption's sentence.
  /(?<=[.!?"”)\]])\s*\/\s*([가-힣A-Za-z0-9]{1,12}(?:\s?[가-힣A-Za-z0-9]{1,8})?\s*(?:DB|자료\s*사진)|[가-힣]{2,4}\s*(?:사진\s*)?기자|[가-힣]{2,10}(?:일보|신문|경제|뉴스|방송|타임스|저널|미디어)?)\s*$/u,
  // A line that is only an agency's or picture desk's name ("Getty Images", "AP Photo/Jane Doe", "Reuters"): the credit of the photo before it.
  new RegExp(String.raw`^\s*(${AGENCY}(?:\s*(?:Photo|Images))?(?:\s*/\s*[^/]{1,60})?)\s*$`, 'iu'),
  // "… under construction. Getty Images", "… . Jane Doe/Getty Images", "… . AFP via Getty Images": an agency as written, after the caption's last sentence.
  new RegExp(String.raw`(?<=[.!?"”)])\s+(${AGENCY}(?:\s+(?:Photo|Images))?(?:\s*/\s*[^/]{1,60})?|[\p{L} .'’-]{2,40}/\s*${AGENCY}|${AGENCY}\s+via\s+${AGENCY})\s*$`, 'u'),
  // "… 있다. AFP=연합뉴스": a foreign agency's photo passed on by a Korean one, after the caption's sentence.
  new RegExp(String.raw`(?<=[.!?"”)\]])\s+([A-Za-z가-힣]{1,12}\s*=\s*${KO_RELAY})\s*$`, 'u'),
  // "… 다리. [사진 한빛일보]", "… 있다. 사진 서울시": "사진" ("photo") and its provider, in brackets or after the caption's sentence.
  /\s*[\[(]\s*사진\s+([^\[\]()=]{1,30}?)\s*[\])]\s*$/u,
  /(?<=[.!?"”])\s+사진\s+([^\s.!?=:][^.!?=:]{0,20}?)\s*$/u,
  // "… /AP Photo", "… / 연합뉴스", "… AFP/Getty Images" after a slash.
  new RegExp(String.raw`\s*/\s*(${AGENCY}(?:\s*(?:Photo|Images))?(?:\s*/\s*[^/]{1,60})?|[^/]{1,40}\s+Photo)\s*$`, 'iu'),
];
/** Credits written before the caption: "사진=연합뉴스 | 캡션", "Photo: Reuters — caption". */
const LEADING = new RegExp(String.raw`^\s*[\[(]?\s*${CREDIT_LABEL}\s*[=:：]\s*([^\])|/]{1,60}?)\s*(?:[\])]|\s[|/—–-]\s)\s*(.+)$`, 'iu');

/** Trims punctuation left around a caption or credit. */
function trimPunct(s: string): string {
  return s.replace(/^[\s|/·\-–—,]+|[\s|/·\-–—,]+$/g, '').trim();
}

/** A credit's label without punctuation before the name, as a screen reader's hidden label leaves it ("<span class="visually-hidden">Credit</span> Jane Doe"). */
const BARE_CREDIT_LABEL = /^(?:[Cc]redits?|CREDITS?|[Pp]hotos?|PHOTOS?|[Ff]otos?|사진|写真)\s+(?=\p{Lu}|[가-힣])/u;

/**
 * The credit the text of credit elements gives: its label gone ("Photo: Reuters", "Credit Jane
 * Doe"), a photographer and an agency in elements of their own both kept ("Jane Doe Reuters").
 */
export function creditOfText(text: string): string {
  const t = text.replace(SPACE_RUNS, ' ').trim().replace(BARE_CREDIT_LABEL, '');
  const s = splitCredit(t);
  return s.credit && s.caption && !/[.!?]/.test(s.caption) ? t : s.credit ?? s.caption ?? '';
}

/** Splits a photo caption into caption text and credit ("Protesters march. photo=Hankyung DB" → caption "Protesters march.", credit "Hankyung DB"). */
export function splitCredit(text: string): SplitCaption {
  const t = text.replace(SPACE_RUNS, ' ').trim();
  return t === '' ? {} : splitLabelled(t);
}

/**
 * splitCredit for the caption of a photo, which may also be written as a Korean wire photo's:
 * "(서울=연합뉴스) 김도훈 기자 = 15일 … 모습. 2025.11.15 name@…", "▲ … 모습. 2025.11.15/뉴스1 ⓒ
 * News1 김명섭 기자": the dateline names the photographer, a marker opens it, the date stamp and the
 * address close it. (A story's first paragraph opens with the same dateline, so lines of the body
 * are read with splitCredit.)
 */
export function splitCaption(text: string): SplitCaption {
  // A wire photo's title may stand before its dateline ("국무회의 주재하는 총리 (서울=연합뉴스) 김철수 기자 = …").
  const titled = WIRE_TITLE.exec(text);
  const title = titled && WIRE_DATELINE.test(text.slice(titled[0].length)) ? titled[1]! : undefined;
  const body = title === undefined ? text : text.slice(titled![0].length);
  const wire = WIRE_DATELINE.exec(body);
  const rest = body
    .slice(wire ? wire[0].length : 0)
    .replace(SPACE_RUNS, ' ')
    .replace(LEADING_MARK, '')
    .replace(GALLERY_COUNTER, '')
    .replace(WIRE_STAMP, '$1')
    .trim();
  const t = title === undefined ? rest : rest === '' ? title : `${title} — ${rest}`;
  const wireCredit = wire ? `${wire[1]} ${wire[2]}` : undefined;
  if (t === '') return wireCredit ? { credit: wireCredit } : {};
  const split = splitLabelled(t);
  // Once the credit is off, a date stamp may close what is left ("… 모습. 2025.11.15/뉴스1").
  const caption = split.caption?.replace(WIRE_STAMP, '$1').trim();
  const credit = wireCredit ?? split.credit;
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

/** "(서울=연합뉴스) 김도훈 기자 = ", "[서울=뉴시스] 김민수 기자 = ", "【서울=뉴시스】홍효식 기자 = ": a wire photo's dateline, with the agency and the photographer. */
const WIRE_DATELINE = /^\s*[(\[【]\s*[가-힣A-Za-z]{1,10}\s*=\s*([^()[\]【】=]{1,12}?)\s*[)\]】]\s*([가-힣]{2,4}\s*(?:사진\s*)?기자)\s*=\s*/u;
/** The title a wire photo's caption opens with, before its dateline: a few words, no sentence. */
const WIRE_TITLE = /^\s*([^()[\]【】=.!?\n]{2,40}?)\s+(?=[(\[【])/u;
/** A gallery's counter before a caption ("1of4Grass Valley's …", "2 of 12 The mayor …"). */
const GALLERY_COUNTER = /^\d{1,3}\s*of\s*\d{1,3}\s*(?=\p{Lu})/u;
/** A marker set before a Korean caption ("▲ ", "△ "). */
const LEADING_MARK = /^[▲△▶▷►■□◆◇●○※]\s*/u;
/** A date stamp (and the photographer's address, or the agency after a slash) closing a caption's sentence: "… 모습. 2025.11.15 name@yna.example", "… 모습. 2025.11.15/뉴스1". */
const WIRE_STAMP = /([.!?"”)\]])\s*\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?(?:\s*\/\s*[^\s/]{1,12})?(?:\s+[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?\s*$/u;

/** Lower-case words a credit is written with ("Courtesy of the family", "Photo by staff via Reuters"). */
const CREDIT_WORDS = new Set(['of', 'the', 'and', 'for', 'by', 'via', 'from', 'on', 'at', 'courtesy', 'photo', 'photos', 'image', 'images', 'illustration', 'staff', 'file', 'handout', 'pool', 'de', 'del', 'la', 'le', 'les', 'des', 'di', 'da', 'do', 'dos', 'van', 'von', 'der', 'den', 'und', 'für', 'y', 'et', 'e']);

const AGENCY_NAMED = new RegExp(String.raw`(?:^|[\s/(])${AGENCY}(?=$|[\s/),.])`, 'iu');

/**
 * True for text that reads as a sentence about the photo rather than a name: eight words or more,
 * three of them lower-case words a credit is not written with, no agency, no slash, not opening
 * as credits do ("Courtesy of …").
 */
function readsAsSentence(text: string): boolean {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  if (words.length < 8 || text.includes('/') || AGENCY_NAMED.test(text) || /^(?:courtesy|by|via|credit|file)\b/i.test(text)) return false;
  return words.filter((w) => /^\p{Ll}/u.test(w) && !CREDIT_WORDS.has(w.replace(/[^\p{L}]/gu, ''))).length >= 3;
}

/** splitCredit on a whitespace-collapsed caption: the first credit pattern that matches, else a leading credit. */
function splitLabelled(t: string): SplitCaption {
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (!m || m[1] === undefined) continue;
    // "(Image: © Jane Roe)": the copyright sign is a label too.
    // A full stop closing it goes ("Photo by the author."), not one of an abbreviation ("Jane Doe Jr.", "Acme Co.").
    const credit = trimPunct(m[1].replace(/^\s*(?:ⓒ|©|\(c\)|copyright\b)\s*/iu, '')).replace(/(?<=\p{L}{4})\.$/u, '');
    if (credit === '' || credit.length > 80) continue;
    const caption = trimPunct(t.slice(0, m.index));
    // "Image: Jose Mourinho, left, has replaced …" (a label for screen readers before the caption): a sentence is the caption.
    if (caption === '' && readsAsSentence(credit)) return { caption: credit };
    return caption === '' ? { credit } : { caption, credit };
  }
  const lead = LEADING.exec(t);
  if (lead?.[1] && lead[2]) {
    const caption = trimPunct(lead[2]);
    return caption === '' ? { credit: trimPunct(lead[1]) } : { caption, credit: trimPunct(lead[1]) };
  }
  return { caption: t };
}

/** True when `text` is only a photo credit (a whole line such as "사진=연합뉴스" or "Photo: Reuters"). */
export function isCreditOnly(text: string): boolean {
  const t = text.replace(SPACE_RUNS, ' ').trim();
  if (t === '' || t.length > 90) return false;
  const s = splitCredit(t);
  return s.credit !== undefined && s.caption === undefined;
}
