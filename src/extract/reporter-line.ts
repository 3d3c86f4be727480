// Reporter lines ("By Jane Doe", "Jane Doe, Example Times reporter jane@example.com",
// "안혜원 한경닷컴 기자 anhw@hankyung.com", "홍길동 기자 (hong@yna.co.kr)",
// "[서울=뉴시스] 김철수 기자 = …", "[이데일리 김은비 기자] …", "김은비 (silver@edaily.co.kr)") are parsed into authors so they can leave the body.
import type { Author } from '../core/records.ts';
import { LISTED_OUTLET, LISTED_ROLE } from './author-names.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Authors parsed from a reporter line, and the article text that shared its line, if any. */
export interface ReporterLine {
  readonly authors: readonly Author[];
  /** Text left on the line once the byline is removed ("정부는 …" after "[서울=뉴시스] 김철수 기자 = "). */
  readonly rest?: string;
}

export const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`;
/** One or more emails, as bylines of two reporters list them ("a@x.kr, b@x.kr"). */
const EMAILS = String.raw`${EMAIL}(?:\s*[,;/·]\s*${EMAIL})*`;
const KO_NAME = String.raw`[가-힣]{2,4}`;
const KO_ROLE = String.raw`(?:수석|선임|전문|객원|인턴|수습|시민|대기자|편집|사진|영상|취재)?\s*(?:기자|특파원|논설위원|논설실장|통신원|기상캐스터|에디터|리포터|위원|PD|칼럼니스트|(?:대중문화|문화|영화|음악|미술|문학|시사)?평론가)`;
const EN_NAME = String.raw`[A-Z][\p{L}'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’-]+|van|de|der|von|da|di|le|la|del|bin|al)){1,3}`;
/** Makes a lower-case word match case-insensitively inside a case-sensitive regex. */
const ci = (w: string) => w.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const ROLE_ADJ = ['senior', 'staff', 'chief', 'contributing', 'political', 'business', 'foreign'];
const EN_ROLE = String.raw`(?:(?:${ROLE_ADJ.map(ci).join('|')})\s+)?(?:${['reporter', 'correspondent', 'writer', 'editor', 'journalist', 'columnist', 'contributor'].map(ci).join('|')})s?`;

/** The label of the story's writer before a Korean byline ("글=", "글·사진 ", "정리=", "기자명 "); not "사진=" alone, the photographer's. */
const KO_WRITER_LABEL = String.raw`(?:(?:글|글\s*[·/ㆍ]\s*사진|사진\s*[·/ㆍ]\s*글|정리|취재|기자명|작성자|필자)\s*[=:：]?\s*)?`;
/** The place a story was written in, before its reporter ("세종=홍길동 기자", "워싱턴=홍길동 특파원"); not a photo, video or graphics credit ("사진=홍길동 기자"). */
const KO_PLACE = String.raw`(?:(?!사진|영상|그래픽|편집|디자인|삽화|일러스트|자료)[가-힣]{2,8}\s*=\s*)?`;
/** "안혜원 한경닷컴 기자 anhw@hankyung.com", "김철수·이영희 기자", "홍길동 기자 (hong@yna.co.kr)", "글=홍길동 기자", "세종=홍길동 기자". */
const KO_LINE = new RegExp(
  String.raw`^[=/\s]*${KO_PLACE}${KO_WRITER_LABEL}(${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*)\s+(?:([^\s()@]{2,20})\s+)?${KO_ROLE}\s*[(<\[]?\s*(${EMAILS})?\s*[)>\]]?\s*$`,
  'u',
);
/** How Korean outlets' names end ("한빛일보", "한경닷컴", "머니투데이", "뉴스1"), which no person's name does. */
const KO_NAME_ONLY = new RegExp(String.raw`^${KO_NAME}$`, 'u');
const KO_OUTLET_WORD = /(?:일보|신문|뉴스|경제|방송|닷컴|통신|타임스|미디어|데일리|저널|투데이|포스트|비즈|매일|[A-Za-z0-9])$/;
/** The outlet first, a name no person has ("뉴스1 홍길동 기자", "머니투데이 홍길동 기자"). */
const KO_OUTLET_FIRST = new RegExp(
  String.raw`^[=/\s]*${KO_WRITER_LABEL}([^\s()@]{2,20})\s+(${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*)\s*${KO_ROLE}\s*[(<\[]?\s*(${EMAILS})?\s*[)>\]]?\s*$`,
  'u',
);
/** A broadcast reporter's sign-off closing the script ("한빛방송 홍길동입니다.", "KBS 뉴스 홍길동입니다."). */
const KO_SIGN_OFF = new RegExp(String.raw`^\s*([가-힣A-Za-z0-9]{2,12}(?:\s*뉴스)?)\s+(${KO_NAME})입니다\.?\s*$`, 'u');
/** The role first: "칼럼니스트 박생강 pillgoo9@example.com", "엔터미디어 칼럼니스트 정덕현". */
const KO_ROLE_FIRST = new RegExp(
  String.raw`^[=/\s]*(?:([^\s()@]{2,20})\s+)?${KO_ROLE}\s+(${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*)\s*[(<\[]?\s*(${EMAILS})?\s*[)>\]]?\s*$`,
  'u',
);
/** "[서울=뉴시스] 김철수 기자 = 본문…", "(서울=연합뉴스) 홍길동 기자 = 본문…", "【서울=한빛통신】 홍길동 기자 = 본문…". */
const KO_DATELINE = new RegExp(
  String.raw`^\s*[\[(【]\s*[가-힣A-Za-z ]{1,12}\s*=\s*([^\])】]{1,20})\s*[\])】]\s*(${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*)\s*${KO_ROLE}\s*(?:\(?(${EMAIL})\)?)?\s*=\s*`,
  'u',
);
/** "(연천=연합뉴스) 본문…": a wire's dateline, the place and the agency, opening the story without a reporter's name. */
const KO_BARE_DATELINE = /^\s*[(\[【]\s*[가-힣A-Za-z ]{1,12}\s*=\s*(?:연합뉴스|뉴시스|뉴스1|[가-힣A-Za-z]{2,10}(?:뉴스|통신))\s*[)\]】]\s*(?=\S)/u;

/** The text after a wire's dateline that opens a line without naming a reporter ("(연천=연합뉴스) 경기도 연천군은 …"), else undefined. */
export function afterBareDateline(line: string): string | undefined {
  const m = KO_BARE_DATELINE.exec(line);
  return m ? line.slice(m[0].length) : undefined;
}

/**
 * "[이데일리 김은비 기자] 본문…", "[헤럴드경제=홍길동 기자] 본문…", "[아시아경제 홍길동 기자, 김철수 기자] 본문…": the outlet and its reporters in brackets opening the story;
 * "【워싱턴=홍길동 특파원】": the place, when what stands before "=" is no outlet's name.
 */
const KO_BRACKET = new RegExp(
  String.raw`^\s*[\[【]\s*([^\]】\s=]{2,20})\s*(=\s*)?(${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*\s*${KO_ROLE}(?:\s*[·,ㆍ]\s*${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*\s*${KO_ROLE})*)\s*[\]】]\s*`,
  'u',
);
/** Korea's provinces and metropolitan cities, written before "=" as the place a story comes from. */
const KO_REGION = /^(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|수원|창원|청주|전주|춘천|포항|안동|목포|여수|원주|의정부)$/;
const KO_ROLE_WORD = new RegExp(String.raw`\s*${KO_ROLE}`, 'gu');
/** "김은비 (silver@edaily.co.kr)": a Korean name and an address alone on a line, the role left out (a word ending in a particle no name ends in, "문의는 (…)", is no name). */
const KO_NAME_EMAIL = new RegExp(String.raw`^[=/\s]*(${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*)(?<![는를의에로])\s*[(<\[]?\s*(${EMAILS})\s*[)>\]]?\s*$`, 'u');
/** "By Jane Doe", "Written by: Jane Doe", "By Jane Doe and John Roe, Example Times", "By Jane Doe | jane@example.com", "BY LEE JAE-LIM [lee.jaelim@example.com]". */
const EN_BY = new RegExp(
  String.raw`^\s*(?:(?:${ci('written')}|${ci('story')}|${ci('words')})\s+${ci('by')}\s*:?|${ci('by')})\s+(${EN_NAME}(?:\s*(?:,|and|&)\s*${EN_NAME})*)(?:\s*[,|—–-]\s*([^@|,\[]{2,60}?))?\s*[|,(\[<]?\s*(?:(?<![A-Za-z0-9._%+-])(${EMAIL}))?\s*[)\]>]?\s*$`,
  'u',
);
/** "Jane Doe, Example Times reporter jane@example.com", "Jane Doe (jane@example.com)", "A and B, Example Times reporters a@…, b@…". */
const EN_SIGNED = new RegExp(
  String.raw`^\s*[—–-]?\s*(${EN_NAME}(?:\s+(?:and|&)\s+${EN_NAME})*)\s*(?:,\s*(?:([^@,]{2,60}?)\s+)?${EN_ROLE}\b[^@]{0,40}?)?\s*[,|]?\s*[(<]?\s*(${EMAILS})\s*[)>]?\s*$`,
  'u',
);
/** "Write to Jane Doe at jane@example.com", "Write to Jane Doe at jane@… and John Roe at john@…" (the signature of Dow Jones papers), "Contact Jane Doe at …". */
const EN_WRITE_TO = new RegExp(String.raw`^\s*(?:${ci('write')}|${ci('contact')}|${ci('email')}|${ci('e-mail')})\s+(?:to\s+)?(${EN_NAME})\s+at\s+(${EMAIL})(?:\s*(?:,|and)\s*(${EN_NAME})\s+at\s+(${EMAIL}))?\.?\s*$`, 'u');
/** "Jane Doe can be reached at jane@example.com or 555-0100.": the tagline of American papers. */
const PHONE = String.raw`\+?[\d\s().-]{7,20}`;
const EN_REACHED = new RegExp(String.raw`^\s*(?:(${EN_NAME})\s+(?:can|may)\s+be\s+(?:reached|contacted)|(?:[Rr]each|[Cc]ontact|[Ee]mail)\s+(${EN_NAME}))\s+at\s+(?:${PHONE}\s*(?:,|or)\s*(?:at\s+)?)?(${EMAIL})(?:\s*(?:,|or)\s*(?:at\s+)?${PHONE})?\.?\s*$`, 'u');
/** "Reporting by Jane Doe and John Roe in London; Editing by Mary Major", in brackets or not: the credits closing a wire story; its reporters (and its writer) are the authors, not its editors. */
/** The place a wire credit gives after a name ("Reporting by Jane Doe in London and John Roe in Singapore"). */
const CREDIT_PLACE = String.raw`\s+in\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|do|del|dos|la|le|am|upon|on-sea)){0,3}`;
const EN_CREDITS = new RegExp(
  String.raw`^\s*[(\[]?\s*(?:${ci('reporting')}|${ci('writing')})\s+${ci('by')}\s+(${EN_NAME}(?:${CREDIT_PLACE})?(?:\s*(?:,|and|&)\s*${EN_NAME}(?:${CREDIT_PLACE})?)*)(?:\s*[;,]\s*(?:${ci('additional')}\s+)?(?:${ci('reporting')}|${ci('writing')}|${ci('editing')}|${ci('graphics')})\s+${ci('by')}\s+[^;()\[\]]{2,120}?)*\s*[.;]?\s*[)\]]?\s*$`,
  'u',
);
/** "Jane Doe, Example Times reporter" without an email. */
const EN_ROLE_LINE = new RegExp(String.raw`^\s*(${EN_NAME})\s*,\s*(?:([^@,]{2,60}?)\s+)?${EN_ROLE}\s*$`, 'u');

/** Splits "김철수·이영희" / "Jane Doe and John Roe" into names. */
function names(list: string): string[] {
  return list.split(/\s*(?:[·,ㆍ&]|\band\b)\s*/i).map((n) => n.trim()).filter((n) => n !== '');
}

/** A role adjective standing alone ("staff" of "staff writer" cut at a comma). */
const ROLE_ADJ_ONLY = new RegExp(`^(?:${ROLE_ADJ.join('|')})$`, 'i');

/** A numeric date ("11/18/19", "2025.11.15") or a clock ("11:04"), as bylines write them beside a name. */
export const NUMERIC_DATE_OR_CLOCK = String.raw`\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}`;
const DATE_OR_CLOCK = new RegExp(NUMERIC_DATE_OR_CLOCK);

/** Builds author records; emails go to the names in order (one email: the first name). */
function toAuthors(list: string, outletRaw: string | undefined, emailList: string | undefined): Author[] {
  const emails = (emailList ?? '').split(/[\s,;/·]+/).filter((e) => e.includes('@'));
  // After the first name, a role or an outlet listed like a name is not another person.
  const people: string[] = [];
  let listedOutlet: string | undefined;
  names(list).forEach((part, i) => {
    if (i > 0 && LISTED_ROLE.test(part)) return;
    if (i > 0 && LISTED_OUTLET.test(part)) listedOutlet ??= part;
    else people.push(part);
  });
  // A role adjective ("staff" of "staff writer"), a role ("By Jane Doe, Correspondent") or a date and time
  // ("By Jane Doe - 11/18/19 11:04 PM EST") is not an outlet.
  const outlet = (outletRaw && !ROLE_ADJ_ONLY.test(outletRaw.trim()) && !LISTED_ROLE.test(outletRaw.trim()) && !DATE_OR_CLOCK.test(outletRaw) ? outletRaw : undefined) ?? listedOutlet;
  return people.map((name, i) => ({
    name,
    ...(emails[i] ? { email: emails[i] } : {}),
    ...(outlet ? { outlet: outlet.trim() } : {}),
  }));
}

/** A newsroom desk, written between the outlet and the name or after the name ("경제부", "디지털뉴스부", "탐사보도팀"): no outlet. */
const KO_DESK = /^[가-힣]{1,8}(?:부|팀|국|센터|데스크)$/;
/** The outlet and its desk before the name ("한빛일보 경제부 홍길동 기자"): the desk is dropped. */
const KO_OUTLET_DESK = /^(\S{2,20})\s+([가-힣]{1,8}(?:부|팀|국|센터|데스크))\s+(?=[가-힣]{2,4}\s*(?:수습|인턴|선임|수석)?\s*기자)/u;
/** A photographer's credit after the writer's byline ("홍길동 기자 사진=김철수 기자"). */
const KO_PHOTO_TAIL = /\s+(?:사진|영상|그래픽)\s*[=:·]?\s*[가-힣]{2,4}\s*(?:기자)?$/u;

/** What a text that may be a reporter line holds: a Korean role word, the bracket or "=" of a Korean byline, an address. A cheap test before parsing. */
export const REPORTER_LINE_MARK = /기자|특파원|논설위원|에디터|PD|[\[【=@]/;

/** "Reporting by …", "(Writing by …; Editing by …)": the opening of a wire story's closing credits. */
export const WIRE_CREDITS = /^[(\[]?\s*(?:reporting|writing)\s+by\s/i;

/** The authors of `text` when it is a reporter line and nothing else (no story text shares the line), else undefined. */
export function wholeReporterLine(text: string): Author[] | undefined {
  const line = REPORTER_LINE_MARK.test(text) || WIRE_CREDITS.test(text) ? parseReporterLine(text) : undefined;
  return line && line.rest === undefined && line.authors.length > 0 ? [...line.authors] : undefined;
}

/** Parses a whole line that is a reporter line; undefined when the line is anything else. Lines sharing text with a Korean dateline byline return the rest. */
export function parseReporterLine(line: string): ReporterLine | undefined {
  const t = line.replace(SPACE_RUNS, ' ').trim();
  if (t === '' || t.length > 400) return undefined;
  const d = KO_DATELINE.exec(t);
  if (d) {
    const rest = t.slice(d[0].length).trim();
    return { authors: toAuthors(d[2]!, d[1], d[3]), ...(rest ? { rest } : {}) };
  }
  const b = KO_BRACKET.exec(t);
  if (b) {
    const rest = t.slice(b[0].length).trim();
    // Before "=" a place ("【워싱턴=홍길동 특파원】", "[세종=홍길동 기자]") or an outlet ("[헤럴드경제=홍길동 기자]").
    const place = b[2] !== undefined && !KO_OUTLET_WORD.test(b[1]!) && (KO_REGION.test(b[1]!) || b[3]!.includes('특파원'));
    const outlet = place ? undefined : b[1];
    return { authors: toAuthors(b[3]!.replace(KO_ROLE_WORD, ','), outlet, undefined), ...(rest ? { rest } : {}) };
  }
  if (t.length > 160) return undefined;
  return koreanPeople(t) ?? parseShortLine(t) ?? parseShortLine(t.replace(KO_PHOTO_TAIL, '').replace(KO_OUTLET_DESK, '$1 '));
}

/** Two or more Korean reporters each with a role ("홍길동 기자·김철수 PD"), which the one-line patterns would read as a name and an outlet. */
function koreanPeople(t: string): ReporterLine | undefined {
  const parts = t.split(/\s*[·,ㆍ]\s*/);
  if (parts.length < 2) return undefined;
  const each = parts.map((p) => KO_LINE.exec(p));
  if (!each.every((m) => m !== null && m[2] === undefined)) return undefined;
  return { authors: each.flatMap((m) => toAuthors(m![1]!, undefined, m![3])) };
}

/** parseReporterLine for a line of 160 characters or fewer that is nothing but a byline. */
function parseShortLine(t: string): ReporterLine | undefined {
  let m = KO_LINE.exec(t);
  // "한빛일보 홍길동 기자": the outlet first, read as a four-syllable name with a name for its outlet.
  if (m && m[2] && !m[1]!.includes('·') && KO_OUTLET_WORD.test(m[1]!) && !KO_OUTLET_WORD.test(m[2]) && KO_NAME_ONLY.test(m[2])) return { authors: toAuthors(m[2], m[1], m[3]) };
  if (m) return { authors: toAuthors(m[1]!, m[2] !== undefined && KO_DESK.test(m[2]) ? undefined : m[2], m[3]) };
  m = KO_OUTLET_FIRST.exec(t);
  if (m && KO_OUTLET_WORD.test(m[1]!)) return { authors: toAuthors(m[2]!, m[1], m[3]) };
  m = KO_SIGN_OFF.exec(t);
  if (m && KO_OUTLET_WORD.test(m[1]!)) return { authors: toAuthors(m[2]!, m[1], undefined) };
  m = KO_ROLE_FIRST.exec(t);
  if (m) return { authors: toAuthors(m[2]!, m[1], m[3]) };
  m = KO_NAME_EMAIL.exec(t);
  if (m) return { authors: toAuthors(m[1]!, undefined, m[2]) };
  m = EN_BY.exec(t);
  if (m) return { authors: toAuthors(m[1]!, m[2], m[3]) };
  m = EN_SIGNED.exec(t);
  if (m) return { authors: toAuthors(m[1]!, m[2], m[3]) };
  m = EN_WRITE_TO.exec(t);
  if (m) return { authors: [{ name: m[1]!, email: m[2]! }, ...(m[3] && m[4] ? [{ name: m[3], email: m[4] }] : [])] };
  m = EN_CREDITS.exec(t);
  if (m) return { authors: toAuthors(m[1]!.replace(new RegExp(CREDIT_PLACE, 'gu'), ''), undefined, undefined) };
  m = EN_REACHED.exec(t);
  if (m) return { authors: [{ name: (m[1] ?? m[2])!, email: m[3]! }] };
  m = EN_ROLE_LINE.exec(t);
  if (m) return { authors: toAuthors(m[1]!, m[2], undefined) };
  return undefined;
}

/** A reporter line glued to the end of a paragraph, after its last sentence: Korean role with an optional address, or a name with an address. */
const TRAILING_REPORTER = new RegExp(
  String.raw`(?<=[.!?”"」)])\s+((?:${KO_NAME}(?:\s*[·,ㆍ]\s*${KO_NAME})*)\s+(?:[^\s()@]{2,20}\s+)?${KO_ROLE}\s*[(<\[]?\s*(?:${EMAIL})?\s*[)>\]]?|${EN_NAME}\s*[(<]?\s*${EMAIL}\s*[)>]?)\s*$`,
  'u',
);

/** Finds a reporter line glued to the end of a paragraph ("…밝혔다. 홍길동 기자 hong@yna.co.kr"); returns the authors and the paragraph without it. */
export function parseTrailingReporter(paragraph: string): ReporterLine | undefined {
  const t = paragraph.replace(SPACE_RUNS, ' ').trim();
  // Only after a sentence end, and only shapes that cannot be prose: Korean role + optional email, or an email.
  const m = TRAILING_REPORTER.exec(t);
  if (!m) return undefined;
  const parsed = parseReporterLine(m[1]!);
  if (!parsed) return undefined;
  return { authors: parsed.authors, rest: t.slice(0, m.index).trim() };
}
