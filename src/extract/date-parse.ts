// Date strings as news pages write them → ISO 8601 at the offset the page wrote (UTC when it wrote
// none, or Z), so the day is the one the page printed. Zone-less values are read in a default zone
// (KST for Korean pages, UTC otherwise) so the result never depends on the machine's TZ.
import { SPACE_RUNS } from './loose-key.ts';

/** Zone names a date may end with. */
const ZONE_NAME = String.raw`\b(?:GMT|UTC|UT|[ECMP][SD]?T|KST|JST|CET|CEST|BST)\b`;
const HAS_ZONE = new RegExp(String.raw`(?:Z|[+-]\d{2}:?\d{2}|${ZONE_NAME})\s*$`, 'i');
const ZONE_OFFSETS: Record<string, string> = {
  KST: '+09:00', JST: '+09:00', CET: '+01:00', CEST: '+02:00', BST: '+01:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};
/** US zones written without standard or daylight time ("8:47 a.m. ET"): their offset in standard time. */
const US_ZONE_STANDARD: Record<string, number> = { ET: -5, CT: -6, MT: -7, PT: -8 };

/** True when US daylight saving time is in force on that day: from the second Sunday of March to the first Sunday of November. */
function usDaylightTime(y: number, mo: number, d: number): boolean {
  if (mo < 3 || mo > 11) return false;
  if (mo > 3 && mo < 11) return true;
  const firstSunday = 1 + ((7 - new Date(Date.UTC(y, mo - 1, 1)).getUTCDay()) % 7);
  return mo === 3 ? d >= firstSunday + 7 : d < firstSunday;
}

/** The offset of a US zone written without standard or daylight time ("ET") on the day y-mo-d: "-05:00", or "-04:00" in daylight time. */
function usZoneOffset(zone: string, y: number, mo: number, d: number): string {
  const hours = US_ZONE_STANDARD[zone]! + (usDaylightTime(y, mo, d) ? 1 : 0);
  return `-${pad(-hours)}:00`;
}
const MIN_YEAR = 1990;

/** Options for parseDate. */
export interface ParseDateOptions {
  /** Offset used when the string has none, e.g. "+09:00". Default: KST when the text is Korean, else "Z". */
  readonly defaultOffset?: string;
  /** Read "02/04/2022" as 2 April (pages not in English); default: month first unless the first number cannot be a month. */
  readonly dayFirst?: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The ISO string of instant `ms` as a clock at `offset` shows it: UTC ("…Z") for "Z", else the
 * local time with its offset ("2022-05-03T23:37:00.000-04:00"), so the day stays the one the page
 * printed. Code that orders articles compares instants (the store's sort key is UTC), never these strings.
 */
function isoAt(ms: number, offset: string): string {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m || (m[2] === '00' && m[3] === '00')) return new Date(ms).toISOString();
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, -1);
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}

/** Builds an ISO string from calendar fields read in `offset`, or undefined when out of range; `fraction` is the digits after the seconds' point ("274" of "29.274"). */
function fromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: string, fraction = ''): string | undefined {
  if (y < MIN_YEAR || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = fraction === '' ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  const t = Date.parse(`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${ms}${offset === 'Z' ? 'Z' : offset}`);
  return Number.isNaN(t) ? undefined : isoAt(t, offset);
}

/** Converts a 12-hour clock with a Korean or English meridiem to 24 hours. */
function to24(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  const pm = /오후|pm|p\.m\./i.test(meridiem);
  if (pm && h < 12) return h + 12;
  if (!pm && h === 12) return 0;
  return h;
}

/** Month names and abbreviations (English, German, French, Spanish, Italian, Portuguese, Dutch, Indonesian, Norwegian, Polish in the genitive) → month number. */
const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  'january jan jänner januar janvier enero gennaio janeiro januari stycznia',
  'february feb februar février fevrier febrero febbraio fevereiro februari lutego',
  'march mar märz mrz maerz mars marzo março maart marca maret',
  'april apr avril abril aprile kwietnia',
  'may mai mayo maggio maio mei maja',
  'june jun juni juin junio giugno junho czerwca',
  'july jul juli juillet julio luglio julho lipca',
  'august aug août aout agosto augustus agustus sierpnia',
  'september sep sept septembre septiembre settembre setembro września',
  'october oct oktober okt octobre octubre ottobre outubro października',
  'november nov novembre noviembre novembro listopada',
  'december dec dezember dez décembre decembre diciembre dicembre dezembro desember grudnia',
].entries()) {
  for (const n of names.split(' ')) MONTHS[n] = i + 1;
}
/** The month names, longest first, as alternatives of a pattern. */
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** A month name or abbreviation as a whole word ("März", "Sept.", "października"), for patterns of other modules. */
export const MONTH_NAME = String.raw`(?<![\p{L}])(?:${MONTH_NAMES})(?![\p{L}])\.?`;
const MONTH_WORD = String.raw`(${MONTH_NAMES})(?![\p{L}])\.?`;
/** A zone written after a clock ("GMT", "EST", "ET", "+0200"). */
const CLOCK_ZONE = String.raw`(?:\s*\b(GMT|UTC|UT|[ECMP][SD]?T|KST|JST|CET|CEST|BST)\b|\s*([+-]\d{2}:?\d{2})(?!\d))?`;
const CLOCK = String.raw`(?:\s*(?:[,|\-–•·]|um|at|à|a las|alle|om)?\s*(\d{1,2})(?:[:h]|\.(?=\d{2}\s*(?:GMT|UTC|BST|[ap]\.?m\.?|uhr)\b))(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(?:uhr|h)\b)?${CLOCK_ZONE})?`;
/** "3. August 2015", "23 mai 2019", "4 de mayo de 2022", "07 Dezember, 2022", "21. Jan 2022 10:20". */
const DAY_MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})\.?\s*(?:de\s+)?${MONTH_WORD},?\s*(?:de\s+)?(\d{4})(?!\d)${CLOCK}`, 'iu');
/** "December 29th 2019", "Apr 7, 2009 1:52 PM". */
const MONTH_DAY_YEAR = new RegExp(String.raw`(?<![\p{L}])${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)${CLOCK}`, 'iu');
/** "21.10.2019", "27.1.2022 - 14:45", "06-08-2009T14:12"; "04/13/2020" (month first unless the first number cannot be a month). */
const NUMERIC_DAY_FIRST = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d|(?!T)\p{L})(?:(?:\s*(?:[,|\-–•·]|um|at)?\s*|T)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?/iu;

/** Reads a numeric day-first date (dots or dashes; slashes are month-first unless impossible). */
function readDayFirst(raw: string, offset: string, dayFirst = false): string | undefined {
  const m = NUMERIC_DAY_FIRST.exec(raw);
  if (!m) return undefined;
  const [, a, sep, b, y, h, mi, s, mer] = m;
  let [d, mo] = [+a!, +b!];
  if (sep === '/' && (!dayFirst || +b! > 12) && +b! <= 31 && +a! <= 12) [d, mo] = [+b!, +a!];
  return fromFields(+y!, mo, d, to24(h ? +h : 0, mer), mi ? +mi : 0, s ? +s : 0, offset);
}

/** The offset of a zone written after a clock (`name` a zone's name, or `numeric` "+0200"), on the day y-mo-d; `fallback` when none is written. */
function zoneOffset(name: string | undefined, numeric: string | undefined, y: number, mo: number, d: number, fallback: string): string {
  if (numeric) return numeric.length === 5 ? `${numeric.slice(0, 3)}:${numeric.slice(3)}` : numeric;
  if (!name) return fallback;
  const z = name.toUpperCase();
  if (z === 'GMT' || z === 'UTC' || z === 'UT') return 'Z';
  if (US_ZONE_STANDARD[z] !== undefined) return usZoneOffset(z, y, mo, d);
  return ZONE_OFFSETS[z] ?? fallback;
}

/** Reads a date written with a month name, day first or month first, with the zone its clock writes; with `zoned`, only a date whose clock writes its zone. */
function readMonthName(raw: string, offset: string, zoned = false): string | undefined {
  const dm = DAY_MONTH_YEAR.exec(raw);
  if (dm && zoned && !dm[8] && !dm[9]) return undefined;
  if (dm) {
    const mo = MONTHS[dm[2]!.toLowerCase()];
    if (mo) return fromFields(+dm[3]!, mo, +dm[1]!, to24(dm[4] ? +dm[4] : 0, dm[7]), dm[5] ? +dm[5] : 0, dm[6] ? +dm[6] : 0, zoneOffset(dm[8], dm[9], +dm[3]!, mo, +dm[1]!, offset));
  }
  const md = MONTH_DAY_YEAR.exec(raw);
  if (md && zoned && !md[8] && !md[9]) return undefined;
  if (md) {
    const mo = MONTHS[md[1]!.toLowerCase()];
    if (mo) return fromFields(+md[3]!, mo, +md[2]!, to24(md[4] ? +md[4] : 0, md[7]), md[5] ? +md[5] : 0, md[6] ? +md[6] : 0, zoneOffset(md[8], md[9], +md[3]!, mo, +md[2]!, offset));
  }
  return undefined;
}

/** A clock and its zone written before the date ("Published 8:47 AM EST, Sat November 15, 2025", CNN's form). */
const LEADING_CLOCK = /^((?:published|updated|posted)\s*:?\s*)?(\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)\s*((?:GMT|UTC|[ECMP][SD]?T|KST|JST|CET|CEST|BST)\b)?\s*,\s*(.{6,60})$/i;

/** Words that open with the first three letters of a month's English name, which is all V8's reader looks at. */
const MONTH_PREFIXED_WORD = /(?<![\p{L}])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*/giu;
/** The English month names and abbreviations V8 reads. */
const ENGLISH_MONTH_WORDS: ReadonlySet<string> = new Set(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'sept', 'october', 'november', 'december'].flatMap((m) => [m, m.slice(0, 3)]),
);

/** A clock in brackets right after a date's last digit (or its closing dot). */
const BRACKETED_CLOCK = /(\d\.?)\s*[(\[]\s*((?:오전|오후)\s*)?(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)\s*[)\]]/i;

/**
 * The offset a page's clocks are in when it writes none, by the language it declares: Korean and
 * Japanese pages keep one zone (+09:00), Chinese ones +08:00 (China, Taiwan, Hong Kong, Singapore);
 * undefined for other languages, whose pages span zones.
 */
export function offsetOfLanguage(lang: string | null | undefined): string | undefined {
  const l = (lang ?? '').trim().toLowerCase();
  if (/^(?:ko|ja)(?:$|[-_])/.test(l)) return '+09:00';
  if (/^zh(?:$|[-_])/.test(l)) return '+08:00';
  return undefined;
}

/** ISO 8601's basic form: a whole value of eight digits, with a "T" clock of four or six digits and a zone. */
const BASIC_ISO = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Parses a date as news pages write it (ISO, RFC 2822, "May 1, 2024", "입력 2024.05.01 10:20", "2024년 5월 1일 오후 3:20") into ISO 8601 UTC. */
export function parseDate(input: string | null | undefined, opts: ParseDateOptions = {}): string | undefined {
  if (!input) return undefined;
  // "4. 2. 2022" (spaced German numerals) is day first like "4.2.2022"; V8 would read it as 2 April.
  // A clock in brackets after the date ("2025.11.15 (19:42)", "Nov 15, 2025 (8:05 PM)") is the date's clock.
  const raw = input
    .replace(SPACE_RUNS, ' ')
    .trim()
    .replace(/(?<![\d.])(\d{1,2})\. (\d{1,2})\. ?(\d{4})(?!\d)/, '$1.$2.$3')
    .replace(BRACKETED_CLOCK, '$1 $2$3');
  if (raw === '' || raw.length > 200) return undefined;
  const korean = /[\uac00-\ud7af]/.test(raw);
  const offset = opts.defaultOffset ?? (korean ? '+09:00' : 'Z');
  // ISO 8601's basic form ("20180619T055000+0900", "20180619"): the same date written without separators.
  const basic = BASIC_ISO.exec(raw);
  if (basic) {
    const [, y, mo, d, h, mi, sec, zone] = basic;
    const off = !zone ? offset : zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.length > 3 ? zone.slice(-2) : '00'}`;
    if (+mo! >= 1 && +mo! <= 12 && +d! >= 1 && +d! <= 31) return fromFields(+y!, +mo!, +d!, h ? +h : 0, mi ? +mi : 0, sec ? +sec : 0, off);
  }
  const lead = LEADING_CLOCK.exec(raw);
  if (lead) {
    const date = lead[4]!.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
    const at = parseDate(`${date} ${lead[2]}${lead[3] ? ` ${lead[3]}` : ''}`, opts);
    if (at) return at;
  }

  // Numeric Y-M-D with optional time, any of . - / 년월일 as separators; labels like "입력" ignored.
  const ymd = /(\d{4})\s*(?:[.\-/년]\s*)(\d{1,2})\s*(?:[.\-/월]\s*)(\d{1,2})\s*(?:일|\.)?(?:\s*\([^)]{1,3}\))?(?:[ T]*(오전|오후|AM|PM|a\.m\.|p\.m\.)?\s*(\d{1,2})\s*[:시]\s*(\d{1,2})\s*(?:분)?(?::(\d{1,2})(?:\.(\d+))?)?\s*(오전|오후|AM|PM|a\.m\.|p\.m\.)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC|KST|JST|[ECMP][SD]?T\b)?/i.exec(raw);
  if (ymd) {
    const [, y, mo, d, mer1, h, mi, s, fraction, mer2, zone] = ymd;
    let off = offset;
    if (zone) {
      const z = zone.toUpperCase();
      if (z === 'Z' || z === 'GMT' || z === 'UTC') off = 'Z';
      else if (ZONE_OFFSETS[z]) off = ZONE_OFFSETS[z]!;
      else if (US_ZONE_STANDARD[z] !== undefined) off = usZoneOffset(z, +y!, +mo!, +d!);
      else off = z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
    }
    return fromFields(+y!, +mo!, +d!, to24(h ? +h : 0, mer1 ?? mer2), mi ? +mi : 0, s ? +s : 0, off, fraction);
  }

  // Day-first numbers and month names in several languages; a value with a zone is left to V8 below.
  if (!HAS_ZONE.test(raw) && !/\b[+-]\d{4}\b/.test(raw)) {
    const dmy = readDayFirst(raw, offset, opts.dayFirst) ?? readMonthName(raw, offset);
    if (dmy) return dmy;
  } else {
    // A month name with a clock and its zone ("November 15, 2025 8:47 AM EST", "Sat 15 Nov 2025 08.47 GMT"): at that zone's offset.
    const zoned = readMonthName(raw, offset, true);
    if (zoned) return zoned;
  }

  // Unix timestamps (seconds or milliseconds).
  if (/^\d{10}(\d{3})?$/.test(raw)) {
    const ms = raw.length === 10 ? +raw * 1000 : +raw;
    const d = new Date(ms);
    return d.getUTCFullYear() >= MIN_YEAR ? d.toISOString() : undefined;
  }

  // Textual dates: let V8 read them, then reinterpret zone-less values in the default offset.
  const cleaned = raw
    .replace(/^(?:published|updated|posted|last updated|modified|on|date)\s*:?\s*/i, '')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\bat\b/gi, ' ')
    .replace(/\b(KST|JST|CEST|CET|BST)\b/, (z) => ZONE_OFFSETS[z.toUpperCase()]!.replace(':', ''));
  // V8 reads almost anything with a number in it ("2000 Besucher" → 2000-01-01): ask for a year and a day.
  if (!/(?<!\d)\d{4}(?!\d)/.test(cleaned) || !/(?<!\d)\d{1,2}(?!\d)/.test(cleaned)) return undefined;
  // V8 takes any word that opens with a month's first three letters for the month ("Jane DoeNovember 15, 2025": January).
  const misread = cleaned.match(MONTH_PREFIXED_WORD)?.some((w) => !ENGLISH_MONTH_WORDS.has(w.toLowerCase())) ?? false;
  const t = misread ? NaN : Date.parse(cleaned);
  if (Number.isNaN(t)) return readDayFirst(raw, offset, opts.dayFirst) ?? readMonthName(raw, offset);
  const local = new Date(t);
  if (HAS_ZONE.test(cleaned) || /\b[+-]\d{4}\b/.test(cleaned)) {
    if (local.getUTCFullYear() < MIN_YEAR) return undefined;
    const written = /([+-])(\d{2}):?(\d{2})\s*$/.exec(cleaned) ?? /\b([+-])(\d{2})(\d{2})\b/.exec(cleaned);
    return isoAt(t, written ? `${written[1]}${written[2]}:${written[3]}` : 'Z');
  }
  return fromFields(local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), offset);
}

const QUARTER_HOUR = 15 * 60_000;
const MAX_OFFSET = 14 * 60 * 60_000;
const TWELVE_HOURS = 12 * 60 * 60_000;
/** The offset an ISO string from parseDate carries, in minutes east of UTC (0 for "Z"). */
function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
const formatOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/**
 * A publication time declared in UTC (`declared`, from parseDate), written at the clock of the
 * time the page shows its readers (`shown`, from the body), so the day is the one the page printed:
 * a page that declares "2023-11-09T05:30:59Z" and prints "2023-11-08 23:30:59" was published on
 * the 8th at -06:00. When the shown time carries its own offset and the declared time is the same
 * instant, that offset is taken; when it shows the declared wall clock at an offset (a Korean page
 * declaring "08:47" without a zone and printing "입력 08:47"), the declared time was that clock's.
 * A shown time at midnight (a date without a time) says nothing of the clock, nor one twelve hours
 * off (a 12-hour clock without am/pm). Anything else leaves
 * `declared` as it is. `shownZoned` tells that the shown text wrote its zone ("13:10 GMT").
 */
export function atShownClock(declared: string, shown: string | undefined, shownZoned = false): string {
  if (!shown || !declared.endsWith('Z')) return declared;
  const at = Date.parse(declared);
  const seen = Date.parse(shown);
  if (Number.isNaN(at) || Number.isNaN(seen) || /T00:00:00(?:\.000)?(?:Z|[+-]\d{2}:\d{2})$/.test(shown)) return declared;
  const offset = offsetMinutes(shown);
  if (offset !== 0) {
    if (seen === at) return isoAt(at, formatOffset(offset));
    // The declared wall clock is the shown one: the declaration lacked (or mislabelled) its zone.
    return seen === at - offset * 60_000 ? isoAt(seen, formatOffset(offset)) : declared;
  }
  // A shown clock without a zone: its distance from the declared instant is the page's offset
  // (to the minute when the page prints no seconds). A shown "13:10 GMT" is another time.
  if (shownZoned) return declared;
  const diff = seen - (seen % 60_000 === 0 ? at - (at % 60_000) : at);
  // Twelve hours apart is a 12-hour clock read without its am/pm ("06:00" for 6 pm), not a zone.
  if (diff === 0 || Math.abs(diff) > MAX_OFFSET || Math.abs(diff) === TWELVE_HOURS || diff % QUARTER_HOUR !== 0) return declared;
  return isoAt(at, formatOffset(diff / 60_000));
}

const CLOCK_WITH_ZONE = new RegExp(String.raw`\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?\s*)?(?:Z\b|[+-]\d{2}:?\d{2}\b|${ZONE_NAME})`, 'i');
/** True when `raw` writes a clock with its zone ("13:10 GMT", "2019-04-30T15:10:10Z", "10:00 +0200"). */
export function writesZone(raw: string): boolean {
  return CLOCK_WITH_ZONE.test(raw);
}
