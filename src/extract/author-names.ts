// Author names as pages write them: lists ("A, B and C"), bylines with prefixes in several
// languages ("By", "Von", "Autor:", "Posted by", "Zeige alle Beiträge von"), trailing dates and
// roles, and outlet names standing where a person's name should be.
import type { Author } from '../core/records.ts';
import { SPACE_RUNS } from './loose-key.ts';

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-zäéû]*\.?`;
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo`;
/** A date written after a name in a byline ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Jane Doe January 18, 2017", "X am 21. April 2020", "X, 07 Dezember"). */
const TRAILING_DATE = new RegExp(
  String.raw`(?:\s+[-–—|·•,/]\s*|,?\s+(?:am|on|le|el|il|den)\s+|\s+)(?:(?:${WEEKDAY})\.?,?\s+)?(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\.?\s+${MONTH}(?:\s*,?\s*\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\/\d{1,2}\/\d{2,4}\b|\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}|(?:updated|published|posted|veröffentlicht|aktualisiert)\b|(?:at|um|à)\s+\d{1,2}[:.]\d{2}\b|(?:vor|il y a|hace)\s+\d+\s+\p{L}+).*$`,
  'iu',
);
/** Words that introduce a name in a byline, in English, German, French, Spanish, Dutch and Italian. */
const PREFIX = /^\s*(?:(?:posted|written|published|created|edited|text|photos?|interview|reported|story|words|post\s+author)\s+(?:and\s+\w+\s+)?by|post\s+author|veröffentlicht\s+von|eingestellt\s+von|vom|(?:text|ein(?:e)?\s+(?:artikel|beitrag|kolumne|gastbeitrag)|blog\s*-?\s*beitrag|gastbeitrag)\s+von|gepostet\s+von|by|von|par|por|door|(?:text\s+und\s+interview|text|texto|testo|tekst|текст|автор|interview|autor(?:in)?|author|auteur|autore|verfasser(?:in)?|erstellt\s+von|geschrieben\s+von|gespeichert\s+von|zeige\s+alle\s+beiträge\s+von|alle\s+beiträge\s+von|(?:view|see)\s+all\s+posts\s+by|more\s+(?:articles|stories)\s+by|posted\s+on\s+.{0,40}?\s+by)\s*[:：]?)\s*[:：]?\s+(?=\S)/iu;
/** Roles written after a name ("기자", "Staff Writer", "Chefredakteur"). */
const TRAILING_ROLE = /\s*(?:기자|특파원|선임기자|논설위원|chefredakteur(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|staff\s+writer|senior\s+writer|contributor|correspondent)\s*$/iu;
/** Weekdays as words; the German two-letter forms ("Do", "Di") only with their dot or comma, for they are surnames too ("Minh Do"). */
const WEEKDAY_WORD = WEEKDAY.replace('|mo|di|mi|do|fr|sa|so', '');
/** A weekday, a "Stand"/"Updated" label or a role word left after a name ("Joe Wee Monday", "Sara Zinnecker Stand", "Ben Silverman Games Editor"). */
const TRAILING_WORD_TAIL = String.raw`\s+(?:(?:${WEEKDAY_WORD})\.?,?|(?:mo|di|mi|do|fr|sa|so)[.,]|stand|updated|aktualisiert|(?:\p{Lu}\p{Ll}+\s+)?(?:Editor|Writer|Reporter|Correspondent|Columnist))\s*$`;
const TRAILING_WORD = new RegExp(String.raw`(?<=\p{L}[\p{L}.]+\s+\p{L}{2,}.*)${TRAILING_WORD_TAIL}`, 'iu');
/** The same word without the look back at the name before it: a cheap test first (the look back costs a scan of the line per space). */
const TRAILING_WORD_END = new RegExp(TRAILING_WORD_TAIL, 'iu');
/** A Korean name and its role, with whatever a byline box puts after them. */
const KO_NAME_ROLE_REST = /^\s*([가-힣]{2,4})\s*(?:수석|선임|전문|객원|인턴)?\s*(?:기자|특파원|논설위원|통신원|칼럼니스트)(?:\s.*)?$/u;
/** A label inside a line of metadata after which the name follows ("Datum: 19.11.2021 Autor: Fritz Imhof"). */
const INNER_LABEL = /^.*?\b(?:autor(?:in)?|author|auteur|verfasser(?:in)?)\s*[:：]\s*(?=\S)/iu;

/** Other credits written after the author on one line ("Text von Jane Doe Illustration von John Roe"). */
const TRAILING_CREDIT = /\s+(?:(?:illustrations?|illustrationen|fotos?|photos?|bilder?|grafiken?|graphics|edited|redigiert)\s+(?:von|by)\s|(?:edition|édition|redaktion|bearbeitung|mitarbeit|editing)\s*:\s).*$/iu;

/** A team written after the names behind a spaced dash ("Jane Doe and John Roe - Safe Browsing team"): a lower-case word tells it from a second name ("Jane Doe - John Roe"); a dash inside a name has no spaces. */
const TRAILING_AFFILIATION = /(?<=\p{L}{2,}\.?)\s+[-–—]\s+(?=[^-–—]*\s\p{Ll})\p{L}[^-–—]*$/u;
/** The outlet after a bar ("Amy Kuperinsky | NJ Advance Media for NJ.com", "Jane Roe | Daily News staff"). */
const TRAILING_OUTLET = /\s+\|\s+(?=[^|]*(?:\bfor\b|\bmedia\b|\bnews\b|\bstaff\b|\.[a-z]{2,}\b))[^|]*$/iu;

/** A date opening a value ("20 Nov 2019 08:00 GMT", "21.01.2022 …", "2019-11-20 …"). */
const LEADING_DATE = new RegExp(String.raw`^(?:\d{1,2}\.?\s+${MONTH}\b|${MONTH}\s+\d{1,2}\b|\d{1,2}\.\d{1,2}\.\d{2,4}\b|\d{4}[-./]\d{1,2}[-./]\d{1,2}\b)`, 'iu');

/** A role listed after a name as if it were another name ("By Jane Doe, Staff Writer", "…, Senior Reporter"). */
/** The nouns of a reporter's role ("writer", "correspondent"). */
const ROLE_NOUNS = String.raw`reporter|correspondent|writer|editor|journalist|columnist|contributor`;
export const LISTED_ROLE = new RegExp(String.raw`^(?:(?:senior|staff|chief|contributing|political|business|foreign|opinion|guest|national|science|health|sports)\s+)?(?:${ROLE_NOUNS})s?$`, 'i');
/** What is left of a listed role once its last word is taken off as a role ("Political" of "Political Correspondent"). */
const LISTED_ROLE_ADJECTIVES = /^(?:(?:senior|staff|chief|contributing|political|business|foreign|opinion|guest|national|science|health|sports)(?:\s+|$))+$/i;
/** An outlet listed after the names as if it were another name ("By Jane Doe, The Example Times", "By A and B, Associated Press", "By Jane Doe, CNN Business"); three words at most, for a name may run into its outlet ("ERIC TUCKER Associated Press"). */
export const LISTED_OUTLET = /^(?:The\s+\S.*|\p{Lu}{2,5}\s+(?:Business|Politics|Sports?|Health|World|Travel|Digital|International|Opinion|Money|Tech|Español)|(?:\S+\s+){1,2}(?:News|Times|Post|Press|Daily|Journal|Herald|Tribune|Gazette|Magazine|Media|Network|Radio|Television|TV|Wire|Chronicle|Observer|Courier|Register|Examiner|Inquirer|Bulletin|Review))$/u;

/** A role after a comma, with the outlet and the desk before it ("…, AP National Political Writer", "…, Ap Sports Writer"): a few words ending in a role's. */
const TRAILING_LISTED_ROLE = new RegExp(String.raw`\s*,\s*(?:[\p{L}.&'-]+\s+){0,4}(?:${ROLE_NOUNS}|photographer)s?\s*$`, 'iu');

/** Values that are buttons or labels, not names. */
const NOT_A_NAME = new RegExp(String.raw`^(?:follow|share|by|von|author|autor|publisher|admin|administrator|no author|unknown|anonymous|staff|last|archiv anzeigen.*|alle beiträge|mehr|more|about|über.*\d+\s+artikel|veröffentlicht|published|posted|datum|date|public domain|domena publiczna|dominio público|domaine public|gemeinfrei|(?:zuletzt\s+)?(?:geändert|aktualisiert|bearbeitet|erstellt)(?:\s+am)?|(?:last\s+)?(?:modified|updated|edited)(?:\s+on)?|${WEEKDAY}` +
    // Links to the author's pages and lists ("More from Josh", "記者ページ", "기자 페이지").
    String.raw`|(?:more|all)\s+(?:from|by|posts|articles|stories)\b.*|(?:reporter|author|writer)(?:'s)?\s+page|記者ページ|記者一覧|기자\s*(?:페이지|홈|구독))$`, 'iu');

/** Cleans one author name: drops "By" (and its French, Spanish, German, Dutch forms), labels ("Autor:"), a trailing role ("기자", "Staff Writer"), a trailing date, handles and emails. */
export function cleanAuthorName(name: string): string {
  let v = name
    // An icon set before the byline ("👤 by Jane Doe", "✍ Jane Doe").
    .replace(/^[\s\p{So}\p{Sk}\p{Extended_Pictographic}\uFE0F\u200D]+/u, '')
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '')
    // Handles, also glued to the name by a page's text ("Jane Doe@janedoe" of "<a>Jane Doe</a><a>@janedoe</a>").
    .replace(/(?:^|\s|(?<=\p{L}))@\w+/gu, '')
    // A home page in brackets ("Bradley M. Kuhn (http://ebb.org/bkuhn/)").
    .replace(/\s*[(\[<]\s*https?:\/\/[^\s)\]>]*\s*[)\]>]/g, '')
    // The brackets an address stood in ("Shin Ji-hye (shinjh@…)").
    .replace(/[(\[<]\s*[)\]>]/g, '')
    // An agency or outlet in brackets after the name ("Jane Doe (Reuters)").
    .replace(/\s*\(([^()]{2,30})\)\s*$/, (all, inner: string) => (isAgencyName(inner) || LISTED_OUTLET.test(inner.trim()) ? '' : all))
    .replace(SPACE_RUNS, ' ');
  // "홍길동 기자 기자 페이지", "김철수기자 구독": a Korean name, its role, then the buttons around it.
  v = v.replace(KO_NAME_ROLE_REST, '$1');
  v = v.replace(INNER_LABEL, '');
  for (let i = 0; i < 2; i++) v = v.replace(PREFIX, '');
  v = v
    .replace(/^\s*(?:by|par|por|von|door)\s+(?=\p{Lu})/iu, '')
    .replace(TRAILING_LISTED_ROLE, '')
    .replace(TRAILING_CREDIT, '')
    .replace(TRAILING_DATE, '')
    .replace(TRAILING_AFFILIATION, '')
    .replace(TRAILING_OUTLET, '')
    .replace(TRAILING_ROLE, '');
  if (TRAILING_WORD_END.test(v)) v = v.replace(TRAILING_WORD, '');
  v = v
    .replace(/[\s,|—–:•·/-]+$/, '')
    .replace(/^[\s,|—–:/•·-]+/, '')
    .trim();
  // A date or a wiki's revision left where a name should be ("20 Nov 2019 08:00 GMT", "21.01.2022 Aktuelle Meldung", "oldid=2594817").
  if (LEADING_DATE.test(v) || /^\w+=/.test(v)) return '';
  return NOT_A_NAME.test(v) ? '' : v;
}

/** True for a list item that is a date or time left over from a byline ("2015 8:02 pm UTC"). */
function isDateOrTime(part: string): boolean {
  return /\d/.test(part) && !/\p{L}{3,}/u.test(part.replace(/\b(?:am|pm|utc|gmt|[ecmp][sd]t|kst|uhr)\b/gi, ''));
}

/** Degrees and suffixes written after a name, after a comma. */
const NAME_SUFFIX = /^(?:MA|MS|MSc|BA|BSc|MD|PhD|Ph\.D\.|DO|RN|MPH|MBA|DVM|PharmD|RD|RDN|LD|LDN|CDN|CDE|CDCES|NP|FNP|DDS|DMD|DPT|LCSW|LPC|LMFT|MSW|MSN|BSN|MEd|EdD|PsyD|JD|LLM|CPA|CFA|CFP|MFA|MPhil|DPhil|RPh|FACS|FACP|FAAP|CSCS|Esq\.?|Jr\.?|Sr\.?|II|III|IV)$/;

/** Splits a meta author value into names ("A, B and C"), dropping URLs, "By" and trailing dates. */
export function splitAuthorNames(value: string): string[] {
  const raw = value.replace(/^\s*by\s+/i, '').trim();
  // A byline's row of fields ("Patricio Candia | Palma de Mallorca | 08/01/2014"): the name first, then a place or an outlet, then the date.
  // (Read before the clean-up, which takes the date off the end.)
  const fields = raw.split(/\s*\|\s*/);
  if (fields.length > 2 && fields[0] !== '' && fields.slice(2).some((f) => isDateOrTime(f))) return splitAuthorNames(fields[0]!);
  const v = cleanAuthorName(raw);
  if (v === '' || /^https?:\/\//i.test(v)) return [];
  // "Martin Untersinger (avec Damien Leloup et Morgane Tual)" is one credit; "Mac & i" is one name.
  if (/[()]/.test(v)) return [v];
  // An interview credit names two people ("Richard David Precht im Gespräch mit Karin Fischer").
  const split = v.split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|·|\||\bim gespräch mit\b|\bin conversation with\b|\ben conversation avec\b|\ben conversación con\b)\s*/i).map((p) => p.trim());
  if (split.some((p) => /^\p{L}$/u.test(p))) return [v];
  const parts: string[] = [];
  for (const p of split) {
    if (p === '' || isDateOrTime(p)) continue;
    // "Brenda Goodman, MA", "John Roe, Jr.": a degree or suffix belongs to the name before it.
    if (NAME_SUFFIX.test(p) && parts.length > 0) parts[parts.length - 1] += `, ${p}`;
    else parts.push(p);
  }
  // "Doe, Jane" style or a trailing role ("Jane Doe, Staff Writer") is not two people.
  if (parts.length === 2 && parts.every((p) => !/\s/.test(p)) && /,/.test(v) && !/\b(?:and|und|et|y)\b|&/i.test(v)) return [v];
  // After the first name, a role or an outlet listed like a name is not another person.
  return parts.filter((p, i) => p.length <= 60 && /\p{L}/u.test(p) && !/^(?:staff|staff writer|reporter|editor|correspondent)$/i.test(p) && !(i > 0 && (LISTED_ROLE.test(p) || LISTED_ROLE_ADJECTIVES.test(p) || LISTED_OUTLET.test(p) || isAgencyName(p))));
}

/** Lower-case letters and digits only, for comparing names with outlet names. */
function letters(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Legal forms of companies and associations, and web addresses, which no person's name holds. */
const ORGANIZATION = /(?:^|\s)(?:GmbH|gGmbH|AG|KG|e\.\s?V\.|Ltd\.?|Inc\.?|LLC|Corp\.?|S\.A\.|SARL|S\.r\.l\.|B\.V\.)(?=$|[\s,)])|\bwww\.[\p{L}\p{N}-]+\.|https?:\/\//u;

/** True when `name` is the outlet rather than a person: the site name, the publisher, the host ("finanztreff.de", "STERN.de") or a company. */
export function isOutletName(name: string, outlets: readonly (string | undefined)[], url?: string): boolean {
  const n = letters(name);
  if (n === '') return true;
  if (/^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2,6})$/iu.test(name.trim())) return true;
  // A company by its legal form or with its web address ("Web Commerce GmbH www.w-commerce.de").
  if (ORGANIZATION.test(name)) return true;
  let host = '';
  try {
    if (url) host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    host = '';
  }
  const hostWord = letters(host.split('.').slice(0, -1).join(''));
  if (hostWord.length >= 3 && (n === hostWord || n.startsWith(hostWord) || hostWord.startsWith(n))) return true;
  return outlets.some((o) => {
    const k = o ? letters(o) : '';
    return k.length >= 3 && (k === n || (k.length >= 5 && (k.includes(n) || n.includes(k))));
  });
}

/** `authors` with `emails` given in turn to those without an address, and the addresses left over. */
export function withBareEmails(authors: readonly Author[], emails: readonly string[]): { authors: Author[]; left: string[] } {
  const left = [...emails];
  return { authors: authors.map((a) => (a.email || left.length === 0 ? a : { ...a, email: left.shift()! })), left };
}

/** Merges author lists: one entry per name (case- and space-insensitive), keeping the first email and outlet seen. */
export function mergeAuthors(...lists: readonly (readonly Author[])[]): Author[] {
  const out: Author[] = [];
  const key = (n: string) => n.toLowerCase().replace(/[\s.]/g, '');
  for (const list of lists) {
    for (const raw of list) {
      const a = { ...raw, name: cleanAuthorName(raw.name) };
      if (a.name === '') continue;
      const i = out.findIndex((o) => key(o.name) === key(a.name));
      if (i === -1) out.push(a);
      else {
        const o = out[i]!;
        out[i] = { name: o.name, ...(o.email ?? a.email ? { email: o.email ?? a.email } : {}), ...(o.outlet ?? a.outlet ? { outlet: o.outlet ?? a.outlet } : {}) };
      }
    }
  }
  return out;
}

/** News agencies credited beside reporters ("David Hutzler, dpa"), alone or combined ("dpa/lno", "AFP/Reuters"). */
const AGENCY = /^(?:(?:dpa|afp|ap|reuters|epd|kna|apa|sda|sid|dts|ansa|efe|xinhua|yonhap|연합뉴스|뉴시스|뉴스1|pa(?:\s+media)?|associated\s+press|agence\s+france[-\s]presse|press\s+association)(?:\s*[/,]\s*[\p{L}]{1,10})*)$/iu;

/** A newsroom's desk named as an author ("NEWSROOM", "Editorial Team", "Redaktion", "편집국", "디지털뉴스팀"). */
const DESK = /^(?:(?:the\s+)?news\s*room|news\s*desk|(?:editorial|news|online|web|digital)\s+(?:team|staff|desk|board)|editors?|(?:online-?)?redaktion|편집국|편집부|뉴스룸|(?:디지털|온라인|인터넷)\s*뉴스\s*(?:팀|부))$/iu;

/** Drops news agencies and desks from a list of authors that also names a person: the agency is where the story came from, the desk who published it, not who wrote it. */
export function dropAgenciesBesidePeople(authors: readonly Author[]): Author[] {
  const people = authors.filter((a) => !AGENCY.test(a.name.trim()) && !DESK.test(a.name.trim()));
  return people.length > 0 ? people : [...authors];
}

/** True for a news agency's name, alone or combined ("dpa", "dpa/lno", "AFP/Reuters"). */
export function isAgencyName(name: string): boolean {
  return AGENCY.test(name.trim());
}

/** A wire dateline opening the story ("Hamburg (dpa/lno) – …", "WASHINGTON (AP) — …"). */
const DATELINE = /^\s*\p{Lu}[\p{L}.'’ -]{1,40}?\s*\(([^()]{2,30})\)\s*[-–—:]/u;
/** A credit closing the story in parentheses ("… (dpa)", "… (FR mit dpa)", "(with AFP)"): the whole credit, then the agency. */
const CLOSING_CREDIT = /\(((?:[\p{L}.]{1,12}\s+(?:mit|with|und|and|\/)\s+|with\s+|mit\s+)?([^()]{2,30}))\)\s*$/u;

/**
 * The news agency a story credits in its text: in the dateline that opens it, or in the
 * parenthesis that closes it. The whole parenthesis is the credit ("FR mit dpa"); only an agency
 * counts, so an aside in parentheses is never taken for one.
 */
export function agencyCredit(text: string): string | undefined {
  // A caption or a teaser may come first, a note or a credit line last: a few paragraphs each way.
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  for (const p of paragraphs.slice(0, 3)) {
    const open = DATELINE.exec(p.slice(0, 200));
    if (open && isAgencyName(open[1]!)) return open[1]!.trim();
  }
  for (const p of paragraphs.slice(-3).reverse()) {
    const close = CLOSING_CREDIT.exec(p.slice(-60));
    if (close && isAgencyName(close[2]!)) return close[1]!.replace(SPACE_RUNS, ' ').trim();
  }
  return undefined;
}

/**
 * A Dublin Core creator is written surname first ("Jong, Michiel de", "Kooman, F."); shown as
 * the name is spoken. A value with more commas, or none, is a list or a plain name and is split.
 */
export function invertedName(value: string): string[] | undefined {
  const m = /^([^,\d]+),\s*([^,\d]+)$/.exec(value);
  if (!m || /\b(?:and|und|et|y|GmbH|AG|Inc|Ltd|LLC|Corp|Co|SA|KG)\b|[&@/]|\.\w/i.test(value)) return undefined;
  const [surname, given] = [m[1]!.trim(), m[2]!.trim()];
  const words = (s: string) => s.split(/\s+/).length;
  // The given part is names or initials, each capitalized ("F.", "Michiel de" keeps its particle).
  const givenNames = /^\p{Lu}[\p{L}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|\p{Ll}{1,3}))*$/u.test(given);
  // The surname is one word, after lower-case particles ("van der Berg"): "Jane Roe, Max Mustermann" is two people.
  const oneSurname = /^(?:\p{Ll}{1,3}\s+){0,2}\p{Lu}[\p{L}'’-]*$/u.test(surname);
  return oneSurname && words(given) <= 3 && givenNames ? [`${given} ${surname}`] : undefined;
}
