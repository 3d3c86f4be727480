// Reporter lines inside the body: bylines at its head ("By Jane Roe | Nov. 15, 2025", a line that
// is one link to the author's page, a label on one line and the names on the next) and signatures at
// its end ("홍길동 기자 hong@…", an address alone), read for their authors and taken out of the text.
import type { Author } from '../core/records.ts';
import { isAuthorPage } from './canonical-url.ts';
import { isDateLine } from './date-line.ts';
import { textLongerThan, type TextWalkNode } from './dom-walk.ts';
import { removeUp, textBlocks } from './body-blocks.ts';
import { withBareEmails } from './author-names.ts';
import { afterBareDateline, parseReporterLine, parseTrailingReporter } from './reporter-line.ts';
import { MAX_LABEL_RAW_CHARS, twoLineByline } from './byline-finder.ts';
import { collapseSpaces as norm, SPACE_RUNS } from './loose-key.ts';

/** Characters from which a block is the story's prose, not a line of its head. */
const MIN_PROSE_CHARS = 80;
/** A short block that ends a sentence ("가수 한별이 새 앨범으로 돌아온다."): several words, a full stop. */
const SENTENCE = /^(?=.{20,}$)\S+(?:\s+\S+){3,}.*[.!?。]["'”’)]?$/u;
const isSentence = (text: string) => SENTENCE.test(text);

/** The name in `el` when its text is one link to an author's page, alone or with the story's dates ("Jane Roe / June 12, 2020 9:49 am EST / Updated: …"), else undefined. */
function authorLink(el: Element, text: string): string | undefined {
  // A line of its own: a name linked inside a sentence is the story's subject.
  if (text.length < 3 || text.length > 160 || !/^(?:P|DIV|H[1-6]|ADDRESS)$/.test(el.tagName)) return undefined;
  const links = Array.from(el.querySelectorAll('a[href]'));
  if (links.length !== 1 || !isAuthorPage(links[0]!.getAttribute('href') ?? '')) return undefined;
  const name = norm(links[0]!.textContent);
  if (name.length > 60 || !/\p{L}/u.test(name) || !text.startsWith(name)) return undefined;
  const rest = text.slice(name.length).split(/\s*[/|·•]\s*/).filter((p) => p.trim() !== '');
  return rest.every((p) => isDateLine(p)) ? name : undefined;
}

/** Lines at the top of the body read for a byline, at most. */
const MAX_HEAD_BLOCKS = 12;

/** Finds reporter lines at the start and end of the body, removes them and returns their authors. */
export function removeReporterLines(content: Element): { authors: Author[]; emails: string[]; dates: string[] } {
  const authors: Author[] = [];
  const emails: string[] = [];
  // The date lines read beside a byline ("by Jane Roe / January 19, 2017"), for a page that declares no date.
  const dates: string[] = [];
  const blocks = textBlocks(content);
  // A byline set on two lines at either end, the label alone and the names on the next ("Von" / "Denis Dilba").
  for (let i = 0; i + 1 < blocks.length; i++) {
    if (i === 3) i = Math.max(3, blocks.length - 6);
    // A label is a few words: longer blocks are not read (paragraphs are most of them).
    if (textLongerThan(blocks[i]! as unknown as TextWalkNode, MAX_LABEL_RAW_CHARS)) continue;
    const names = twoLineByline(norm(blocks[i]!.textContent), () => blocks[i + 1]!.textContent ?? '');
    if (names.length === 0) continue;
    authors.push(...names.map((name) => ({ name })));
    removeUp(blocks[i + 1]!, content);
    removeUp(blocks[i]!, content);
    i++;
  }
  // The head: the first lines up to the story's first paragraph, which may open with the byline
  // ("[한빛경제 김은비 기자] 서울…") after the date and name lines a portal sets above it.
  // (Korean paragraphs are short: a sentence of a few words is prose too.)
  const firstProse = blocks.slice(0, MAX_HEAD_BLOCKS).findIndex((el) => textLongerThan(el as unknown as TextWalkNode, MIN_PROSE_CHARS) || isSentence(norm(el.textContent)));
  const head = blocks.slice(0, Math.max(3, firstProse + 1));
  // The tail: the last lines, after the first three (a brief of three blocks or fewer: all but its first).
  const tail = blocks.slice(blocks.length > 3 ? Math.max(3, blocks.length - 5) : 1).reverse();
  for (const el of [...head, ...tail]) {
    if (!el.isConnected && !content.contains(el)) continue;
    const text = norm(el.textContent);
    // A line that is only the reporter's email ("kim@newsis.example") completes an earlier byline;
    // an address inside a sentence ("… or email him at <span>x@…</span>") stays with it.
    // (Set off by a slash or a bullet too: "/ kim@newsis.example".)
    if (tail.includes(el) && /^(?:[/·|-]\s*)?[(<]?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}[)>]?$/.test(text) && norm(lineOf(el, content).textContent) === text) {
      emails.push(text.replace(/^(?:[/·|-]\s*)?[(<]?|[)>]$/g, ''));
      removeUp(el, content);
      continue;
    }
    // A line that is only a link to the author's page ("<p><a href="/author/jane">Jane Roe</a></p>" under the photo) is the byline.
    const byLink = head.includes(el) ? authorLink(el, text) : undefined;
    if (byLink) {
      authors.push({ name: byLink });
      removeUp(el, content);
      continue;
    }
    const dated = head.includes(el) ? datedByline(text) : undefined;
    const r = parseReporterLine(text) ?? dated ?? (tail.includes(el) ? parseTrailingReporter(text) : undefined);
    if (!r || r.authors.length === 0) {
      const read = head.includes(el) ? readHeadLine(el, text) : undefined;
      if (read) authors.push(...read.authors);
      if (read?.date) dates.push(read.date);
      continue;
    }
    if (r === dated) dates.push(dated.date);
    authors.push(...r.authors);
    if (r.rest) replaceText(el, text, r.rest);
    else {
      // A byline set in bold at the head of the first paragraph ("<strong>By Jane Roe</strong>: The…") leaves no separator behind.
      const after = el.nextSibling;
      removeUp(el, content);
      if (after?.nodeType === 3 && content.contains(after)) after.textContent = (after.textContent ?? '').replace(/^\s*[:|–—-]\s*/, '');
    }
  }
  // Bare emails go to the first author without one; those left over are the caller's to give (to the author the page names).
  const given = withBareEmails(authors, emails);
  return { authors: given.authors, emails: given.left, dates };
}

/**
 * What a line at the head of the body that is no byline as a whole still gives, taken out of it: a
 * wire's dateline without a reporter opening it ("(연천=연합뉴스) 경기도 연천군은 …"), or a byline on
 * its first line before a break ("by Jane Roe / January 19, 2017<br>Published in the February issue").
 */
function readHeadLine(el: Element, text: string): { authors: Author[]; date?: string } | undefined {
  const undated = afterBareDateline(text);
  if (undated) {
    replaceText(el, text, undated);
    return { authors: [] };
  }
  const first = firstLine(el);
  if (!first) return undefined;
  const dated = datedByline(first.text);
  const byline = parseReporterLine(first.text) ?? dated;
  if (!byline || byline.authors.length === 0 || byline.rest) return undefined;
  for (const n of first.nodes) n.parentNode?.removeChild(n);
  return { authors: [...byline.authors], ...(dated ? { date: dated.date } : {}) };
}

/** Where a byline line may give way to its date: a bar, a bullet, a dash, a comma, a slash between spaces, or "on". */
const BYLINE_DATE_SEPARATOR = /\s*[|•·–—,]\s*|\s+\/\s+|\s+on\s+/g;
/** A comment counter or link closing a byline's row ("/ Leave a comment", "| 3 Comments"). */
const COMMENTS_AFTER = /\s*(?:[|•·–—,/]\s*)?(?:leave a (?:comment|reply)|\d+\s+comments?|no comments(?: yet)?|comments?(?:\s*\(\d+\))?)\s*$/i;
/** Longest byline line read with its date. */
const MAX_DATED_BYLINE_CHARS = 160;

/** A byline line with the story's date after it ("By Jane Doe | Nov. 15, 2025", "By Jane Doe on November 15, 2025", "by Jane Doe / January 19, 2017 / Leave a comment"): the byline, when the rest is a date line. */
function datedByline(text: string): (NonNullable<ReturnType<typeof parseReporterLine>> & { date: string }) | undefined {
  if (text.length > MAX_DATED_BYLINE_CHARS) return undefined;
  for (const m of text.matchAll(BYLINE_DATE_SEPARATOR)) {
    const rest = text.slice(m.index! + m[0].length).replace(COMMENTS_AFTER, '');
    if (!isDateLine(rest)) continue;
    const r = parseReporterLine(text.slice(0, m.index));
    if (r && !r.rest) return { ...r, date: rest };
  }
  // The date first ("11/28/2016 11:00 AM PST BY TMZ STAFF").
  const first = DATE_THEN_BYLINE.exec(text);
  const r = first && isDateLine(first[1]!) ? parseReporterLine(first[2]!) : undefined;
  return r && !r.rest ? { ...r, date: first![1]! } : undefined;
}
/** A date, then a byline ("Nov. 28, 2016 BY JANE DOE"). */
const DATE_THEN_BYLINE = /^(.{6,80}?)\s*[|•·–—,]?\s+(by\s+\S.*)$/i;

/** The text before the first <br> set straight in `el`, and the nodes that hold it with the break, when text follows the break. */
function firstLine(el: Element): { text: string; nodes: Node[] } | undefined {
  const nodes: Node[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    nodes.push(n);
    if (n.nodeType !== 1 || (n as Element).tagName !== 'BR') continue;
    const text = norm(nodes.map((x) => x.textContent ?? '').join(''));
    let after = '';
    for (let m = n.nextSibling; m && after === ''; m = m.nextSibling) after = norm(m.textContent);
    return text !== '' && after !== '' ? { text, nodes } : undefined;
  }
  return undefined;
}

/** Tags that start a line of their own. */
const LINE_TAGS = new Set(['P', 'DIV', 'LI', 'TD', 'DD', 'DT', 'BLOCKQUOTE', 'ADDRESS', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The line `el` stands in: itself when it starts one, else its nearest ancestor that does (the content root at most). */
function lineOf(el: Element, root: Element): Element {
  let cur: Element = el;
  while (!LINE_TAGS.has(cur.tagName) && cur !== root && cur.parentElement) cur = cur.parentElement;
  return cur;
}

/** Replaces the text of a block by `rest`, keeping inline markup when the byline is a plain-text prefix or suffix. */
function replaceText(el: Element, full: string, rest: string): void {
  const first = el.firstChild;
  const last = el.lastChild;
  const cut = full.length - rest.length;
  const prefix = full.slice(0, cut).trim();
  const head = first && first.nodeType === 3 ? (first.textContent ?? '').replace(SPACE_RUNS, ' ').trimStart() : '';
  if (first && full.endsWith(rest) && head.startsWith(prefix)) {
    first.textContent = head.slice(prefix.length).trimStart();
    return;
  }
  if (full.startsWith(rest) && last && last.nodeType === 3) {
    const lt = last.textContent ?? '';
    const removed = full.slice(rest.length).trim();
    const i = lt.lastIndexOf(removed.slice(0, 8));
    if (i >= 0) {
      last.textContent = lt.slice(0, i);
      return;
    }
  }
  el.textContent = rest;
}
