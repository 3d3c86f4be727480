// Date lines at the top or bottom of a story ("입력 2026.11.24 09:31 수정 2026.11.24 10:05",
// "Published 10:20 AM, Updated 11:05 AM", "Nov. 24, 2026, 6:45 a.m. ET") repeat the
// publishedAt/modifiedAt fields, so once those are read the line leaves the body text.
import { MONTH_NAME } from './date-parse.ts';
import { SPACE_RUNS } from './loose-key.ts';

const LABEL = new RegExp(
  [
    String.raw`(?:기사\s*)?(?:입력|등록|승인|수정|최종\s*수정|업데이트|송고|게재|발행|작성)(?:\s*(?:일시|시간|날짜|일자|일))?`,
    String.raw`\b(?:published|updated|last\s+updated|posted|modified|first\s+published|news\s+date|date|on|at|today|yesterday)\b`,
    // German, French, Spanish, Portuguese, Italian, Polish labels ("Veröffentlicht am", "Publié le", "Publikacja:").
    String.raw`(?<![\p{L}])(?:veröffentlicht|veröffentlichung|aktualisiert|zuletzt\s+aktualisiert|erstellt|stand|datum|am|um|uhr|heute|gestern|publié|mis\s+à\s+jour|le|publicado|actualizado|atualizado|em|el|de|à|a\s+las|às|alle|pubblicato|aggiornato|il|publikacja|aktualizacja|opublikowano|data)(?![\p{L}])`,
  ].join('|'),
  'giu',
);
const WEEKDAY = String.raw`(?<![\p{L}])(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|(?:segunda|terça|quarta|quinta|sexta)-feira)(?![\p{L}])\.?,?`;
const DATE = new RegExp(
  [
    String.raw`\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?(?:\s*\(\s*[월화수목금토일]\s*\))?`,
    String.raw`${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
    String.raw`\d{1,2}\.?\s+(?:de\s+)?${MONTH_NAME},?\s+(?:de\s+)?\d{4}`,
    // 04.05.2021, 04/21/2022
    String.raw`\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{4}`,
  ].join('|'),
  'giu',
);
/** A month and day without a year ("Nov 19"): a date only on a labelled line ("Updated Nov 19, 6:55 AM"). */
const SHORT_DATE = new RegExp(String.raw`${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?\b`, 'giu');
const TIME = /(?:오전|오후)?\s*\d{1,2}\s*(?:[:시]|\.(?=\d{2}\s*(?:GMT|UTC|BST\b|[ap]\.?\s?m\b)))\s*\d{2}(?:\s*분)?(?:\s*[:분]?\s*\d{2}(?:\s*초)?)?(?:\s*(?:[ap]\.?\s?m\.?))?|\d{1,2}\s*[ap]\.?\s?m\.?/giu;
const ZONE = /\b(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|KST|JST|BST|CET|CEST|IST|AEST|AEDT|HKT|SGT)\b/gu;
const WEEKDAY_ANY = new RegExp(WEEKDAY, 'giu');
const MAX_DATE_LINE_CHARS = 120;

/** A date with a two-digit year alone on its line ("12.16.14", "16/12/14"): month and day in either order. */
const SHORT_YEAR_DATE = /^(\d{1,2})([./])(\d{1,2})\2\d{2}$/;

/** True for a line that is only a date with a two-digit year whose day and month can be told ("12.16.14"; not "1.2.3"-like versions past 31 or 12). */
function isShortYearDate(t: string): boolean {
  const m = SHORT_YEAR_DATE.exec(t);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[3]);
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31));
}

/** A dateline's place in capitals before the date ("JAKARTA Tue Dec 30, 2014 9:21am IST", "NEW YORK —"). */
const DATELINE_PLACE = /^\p{Lu}[\p{Lu}'.-]+(?:\s+\p{Lu}[\p{Lu}'.-]+){0,2}\s*[,—–-]?\s+(?=\S)/u;

/** True when a line holds only publication dates and times with their labels (and nothing else), or a dateline's place and a full date. */
export function isDateLine(text: string): boolean {
  const t = text.replace(SPACE_RUNS, ' ').trim();
  if (t === '' || t.length > MAX_DATE_LINE_CHARS) return false;
  const place = DATELINE_PLACE.exec(t);
  if (place && datesOnly(t.slice(place[0].length)) === 'full') return true;
  return datesOnly(t) !== undefined;
}

/** What a line of dates holds: "full" with a date, "labelled" with a labelled time or short date only; undefined when it holds anything else. */
function datesOnly(t: string): 'full' | 'labelled' | undefined {
  if (isShortYearDate(t)) return 'full';
  let dates = 0;
  let times = 0;
  let labels = 0;
  let rest = t.replace(DATE, () => (dates++, ' '));
  let shortDates = 0;
  rest = rest.replace(SHORT_DATE, () => (shortDates++, ' '));
  rest = rest.replace(TIME, () => (times++, ' '));
  rest = rest.replace(LABEL, () => (labels++, ' '));
  rest = rest.replace(ZONE, ' ').replace(WEEKDAY_ANY, ' ');
  if (/[\p{L}\p{N}]/u.test(rest)) return undefined;
  // A bare time ("10:20") is not enough; a labelled time or any full date is.
  return dates > 0 ? 'full' : (times > 0 || shortDates > 0) && labels > 0 ? 'labelled' : undefined;
}
