// Titles as pages write them often carry the site name ("Story | Example Times"); this drops it
// when, and only when, the dropped part is the site's name.
import { looseKey, minHeadlineChars, SPACE_RUNS } from './loose-key.ts';

/** " | ", " - ", " : " and the like between spaces; a bar, or a full-width bar or colon (CJK titles set them without spaces: "見出し：朝日新聞デジタル"), anyhow. */
const SEPARATORS = /\s+[|\-–—:·•»«/]{1,2}\s+|\s*[|｜：]\s*/;


/** The trail a Korean news CMS writes after the headline: its sections and "기사본문", then the site ("Headline < 정치 < 기사본문 - Site"). */
const ARTICLE_TRAIL = /(?:\s<\s[^<>]{1,24})*\s<\s기사\s*본문(?:\s+[-|–—:]\s+.*)?$/;
/** Sections after the headline, set off by " < " or " > " ("Headline > 뉴스", "Headline < 경제 < 금융"): a few short words each. */
const SECTION_TRAIL = /(?:\s[<>]\s[^<>|]{1,20}){1,3}$/;

/** `title` without a trail of sections after the headline, when the headline is by far the longer part. */
function withoutSectionTrail(title: string): string {
  const t = title.replace(ARTICLE_TRAIL, '');
  const trail = SECTION_TRAIL.exec(t);
  const head = trail ? t.slice(0, trail.index) : t;
  return trail && head.length >= minHeadlineChars(head) && head.length >= 2 * trail[0].length ? head : t || title;
}

/** A site's name in comparison form, without a leading English article ("The Times of India" is the "Times of India" a title ends with). */
function siteKey(name: string): string {
  return looseKey(name.trim().replace(/^the\s+/i, ''));
}

/** A photo's credit in brackets closing a title ("…の成否（写真＝ロイター）", "… (사진=연합뉴스)", "… (Photo: Reuters)"): the share card's, not the headline's. */
const PHOTO_CREDIT_END = /\s*[(（\[【]\s*(?:写真|사진|photo|foto|bild)\s*[=＝:：]\s*[^()（）[\]【】]{1,30}[)）\]】]$/iu;

/** Removes a " | Site Name" suffix or "Site Name | " prefix from `title` when it matches `siteName`, and a trail of sections after the headline, and a photo's credit closing it; collapses whitespace. */
export function cleanTitle(title: string, siteName: string | undefined): string {
  const t = withoutSectionTrail(title.replace(SPACE_RUNS, ' ').trim().replace(PHOTO_CREDIT_END, ''));
  if (!siteName) return t;
  const site = siteKey(siteName);
  if (site === '') return t;
  const parts = t.split(SEPARATORS);
  if (parts.length < 2) return t;
  const siteish = (p: string) => {
    const l = siteKey(p);
    return l !== '' && (l === site || (l.length >= 3 && (site.startsWith(l) || l.startsWith(site))));
  };
  // Remove the site from the end, then from the start; keep at least one part.
  let end = t.length;
  let m: RegExpExecArray | null;
  const re = new RegExp(SEPARATORS.source, 'g');
  const seps: { index: number; length: number }[] = [];
  while ((m = re.exec(t)) !== null) seps.push({ index: m.index, length: m[0].length });
  const last = seps[seps.length - 1];
  if (last && siteish(t.slice(last.index + last.length))) end = last.index;
  let start = 0;
  const first = seps[0];
  if (end === t.length && first && siteish(t.slice(0, first.index))) start = first.index + first.length;
  const out = t.slice(start, end).trim();
  return out === '' ? t : withoutSectionTrail(out.replace(PHOTO_CREDIT_END, ''));
}

const HIERARCHY = /\s[|\-–—\\/>»]\s/;
const wordCount = (s: string) => s.split(/\s+/).filter((w) => w !== '').length;

/**
 * The article title a <title> element holds, as Mozilla Readability reads it (current version,
 * which counts en and em dashes as separators): the site part after the last " | ", " – ", " — ",
 * " » " goes, a "Section: Title" loses its section unless a heading repeats the whole, and a
 * result of four words or fewer falls back to the whole <title>.
 */
export function titleFromDocumentTitle(documentTitle: string, h1s: readonly string[], h2s: readonly string[]): string {
  const orig = documentTitle.replace(SPACE_RUNS, ' ').trim();
  let cur = orig;
  let hierarchical = false;
  if (HIERARCHY.test(cur)) {
    hierarchical = /\s[\\/>»]\s/.test(cur);
    cur = orig.replace(/(.*)\s[|\-–—\\/>»]\s.*/, '$1');
    if (wordCount(cur) < 3) cur = orig.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]\s(.*)/, '$1');
  } else if (cur.includes(': ')) {
    const norm = (s: string) => s.replace(SPACE_RUNS, ' ').trim();
    if (![...h1s, ...h2s].some((h) => norm(h) === cur)) {
      cur = orig.slice(orig.lastIndexOf(':') + 1).trim();
      if (wordCount(cur) < 3) cur = orig.slice(orig.indexOf(':') + 1).trim();
      else if (wordCount(orig.slice(0, orig.indexOf(':'))) > 5) cur = orig;
    }
  } else if ((cur.length > 150 || cur.length < 15) && h1s.length === 1) {
    cur = h1s[0]!.replace(SPACE_RUNS, ' ').trim();
  }
  const n = wordCount(cur);
  if (n <= 4 && (!hierarchical || n !== wordCount(orig.replace(/\s[|\-–—\\/>»]+\s/g, ' ')) - 1)) cur = orig;
  return cur;
}

/**
 * The headline inside a title that carries more around it ("Podcasts in Plex einbinden" of
 * "Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden", "Story – Site name" where the
 * site's name is not declared): a heading of the page that is the title's first or last parts,
 * whole, up to a separator. The title as it is otherwise.
 */
export function headlineInTitle(title: string, headings: readonly string[], url?: string): string {
  const re = new RegExp(SEPARATORS.source, 'g');
  const cuts: { index: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(title)) !== null) cuts.push({ index: m.index, end: m.index + m[0].length });
  if (cuts.length === 0) return title;
  const keys = new Map<string, string>();
  for (const h of headings) {
    const text = h.replace(SPACE_RUNS, ' ').trim();
    const k = looseKey(text);
    // A heading of a word or two is a section's name or the site's, not a headline.
    if (k.length >= minHeadlineChars(text) && wordCount(text) >= 2 && !keys.has(k)) keys.set(k, text);
  }
  if (keys.size === 0) return title;
  // A heading that names the site (its logo, its motto: "RS Ingenieure" on rs-ingenieure.de) is not the headline.
  const host = siteWord(url);
  const headline = (part: string) => {
    const k = looseKey(part);
    return keys.has(k) && !(host.length >= 4 && k.includes(host));
  };
  for (const c of cuts) {
    const head = title.slice(0, c.index).trim();
    const tail = title.slice(c.end).trim();
    if (headline(head)) return head;
    if (headline(tail)) return tail;
  }
  return title;
}

/** The first label of the URL's host, in comparison form ("rsingenieure" of https://www.rs-ingenieure.de/…); "" without one. */
function siteWord(url: string | undefined): string {
  try {
    return url ? looseKey(new URL(url).hostname.replace(/^www\d?\./, '').split('.')[0] ?? '') : '';
  } catch {
    return '';
  }
}

/** The longest part of `title` between its separators ("Local" … "Harbour Times" of "Story » Local » Harbour Times"). */
function longestTitlePart(title: string): string {
  return title.split(SEPARATORS).reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
}

/**
 * headlineInTitle over the page's headlines (<h1>, <h2>), then over its lesser headings (<h3>),
 * whose match counts only when it is longer than any other part of the title (a story page that
 * sets its headline in an <h3>, not a column's name set so before a longer headline).
 */
export function headlineAmongHeadings(title: string, headlines: readonly string[], lesser: readonly string[], url?: string): string {
  const major = headlineInTitle(title, headlines, url);
  if (major !== title) return major;
  const minor = headlineInTitle(title, lesser, url);
  return minor !== title && minor.length > longestTitlePart(title.replace(minor, ' | ')).length ? minor : title;
}
