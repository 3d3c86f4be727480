// Rule-based sentence splitter for news text. It must cope with three forms of input:
// raw cased text ("... said Mr. Smith. The next ..."), PTB-tokenised lower-case text as in the
// CNN/DM release ("... over iran . his comments ...", where a free-standing period is always a
// boundary), and Korean, where some feeds drop the space after the period ("밝혔다.그는").

/** One sentence of a text with where it sits. */
export interface SplitSentence {
  /** Whitespace-normalised sentence text. */
  readonly text: string;
  /** 0-based index of the paragraph it came from. */
  readonly paragraph: number;
  /** 0-based index of the sentence in the whole text. */
  readonly index: number;
}

// Words that end with a period but rarely end a sentence. Titles always precede a name; the
// others may end a sentence, which is decided by the next word (see SENTENCE_STARTERS).
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'sgt', 'lt', 'capt', 'cmdr', 'adm',
  'maj', 'rep', 'sen', 'gov', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'cpl', 'pvt', 'mt', 'ft',
  'messrs', 'mme', 'mlle', 'fr', 'gov', 'atty', 'brig', 'cdr', 'dist', 'pte', 'sgt', 'mx',
]);
const ABBREVIATIONS = new Set([
  'vs', 'v', 'etc', 'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'dept', 'univ', 'assn', 'bros', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'l.a', 'n.y', 'a.m', 'p.m', 'i.e', 'e.g', 'est', 'ave', 'blvd',
  'rd', 'al', 'cf', 'ca', 'ph.d', 'b.a', 'm.a', 'u.s.a', 'no', 'nos', 'vol', 'fig', 'op', 'pp', 'p',
]);
// Capitalised words that, after an abbreviation such as "U.S." or "p.m.", show a new sentence.
const SENTENCE_STARTERS = new Set([
  'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'this',
  'that', 'these', 'those', 'there', 'his', 'her', 'their', 'its', 'our', 'however', 'meanwhile',
  'after', 'before', 'when', 'while', 'if', 'as', 'for', 'so', 'police', 'officials', 'authorities',
]);

const CLOSERS = new Set(['"', "'", '\u2019', '\u201d', ')', ']', '}', '\u00bb', '\u300d', '\u300f']);
const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;
const LOWER_LATIN = /[a-z]/;

function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0x7f && /\s/.test(ch));
}

/** True when the text looks like cased prose (not lower-cased tokenised text). */
function looksCased(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return lower === 0 || upper / lower > 0.01;
}

// A straight quote is ambiguous (opening or closing), so a candidate boundary inside one is kept
// unless the quote visibly closes into the same sentence: `"좋다. 하지만 어렵다"고 말했다` or
// `"We won. We are happy," he said`.
function insideClosingQuote(line: string, from: number, cased: boolean): boolean {
  const limit = Math.min(line.length, from + 400);
  for (let q = from; q < limit; q++) {
    const ch = line[q];
    if (ch === '\u201c' || ch === '`') return false; // a new quote opens first
    if (ch !== '"' && ch !== '\u201d' && !(ch === "'" && line[q + 1] === "'")) continue;
    if (isSpace(line[q - 1])) return false; // an opening quote
    const after = line.slice(ch === "'" ? q + 2 : q + 1, q + 12);
    if (HANGUL.test(after[0] ?? '')) return true;
    if (/^,?\s*(he|she|they|it|we|i|said|says|added|according|told|the|a|his|her)\b/.test(after)) {
      return cased || ch !== '"';
    }
    return false;
  }
  return false;
}

// True when a typographic quote “ opened before `at` in this line is still open.
function insideCurlyQuote(line: string, start: number, at: number): boolean {
  let depth = 0;
  for (let q = start; q < at; q++) {
    if (line[q] === '\u201c') depth++;
    else if (line[q] === '\u201d' && depth > 0) depth--;
  }
  if (depth === 0) return false;
  // Only protect when the quote really closes later in the line.
  return line.indexOf('\u201d', at) !== -1;
}

function countSingleQuotes(s: string): number {
  return s.match(/(^|\s)'(?=\s|$)/g)?.length ?? 0;
}

function splitLine(line: string, cased: boolean): string[] {
  const out: string[] = [];
  const n = line.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const ch = line[i]!;
    if (ch === '\u3002' || ch === '\uff01' || ch === '\uff1f') {
      let j = i + 1;
      while (j < n && CLOSERS.has(line[j]!)) j++;
      out.push(line.slice(start, j));
      start = j;
      i = j;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && (line[j] === '.' || line[j] === '!' || line[j] === '?')) j++;
    const standalone = (i === 0 || isSpace(line[i - 1])) && (j === n || isSpace(line[j]));
    // Closing quotes/brackets: attached ("said.\"") or, after a free-standing PTB period,
    // separate tokens (" . ''").
    let k = j;
    while (k < n) {
      if (line.startsWith("''", k)) k += 2;
      else if (CLOSERS.has(line[k]!)) k += 1;
      else break;
    }
    if (standalone && k === j) {
      for (;;) {
        const m = /^\s+(''|'|"|\)|-rrb-|\u201d|\u2019)(?=\s|$)/.exec(line.slice(k));
        if (!m) break;
        // A free-standing ' is both the opening and the closing single quote in PTB text: it
        // closes only when an odd number of them came before it in this sentence.
        if (m[1] === "'" && countSingleQuotes(line.slice(start, i)) % 2 === 0) break;
        k += m[0].length;
      }
    }
    const prev = line[i - 1] ?? '';
    const nextCh = line[k];
    if (k < n && !isSpace(nextCh)) {
      // Not followed by whitespace: "3.5", "U.S.", "www.cnn.com" — except Korean feeds that
      // drop the space: "밝혔다.그는", "했다.\"그".
      const glued = ch === '.' || ch === '?' || ch === '!';
      if (glued && HANGUL.test(prev) && (HANGUL.test(nextCh!) || /["'\u201c\u2018(]/.test(nextCh!))) {
        if (!insideCurlyQuote(line, start, i)) {
          out.push(line.slice(start, k));
          start = k;
        }
      }
      i = Math.max(j, k);
      continue;
    }
    let next = k;
    while (next < n && isSpace(line[next])) next++;
    if (next >= n) break;
    const nextWord = /^[^\s]*/.exec(line.slice(next))![0];
    let boundary: boolean;
    if (standalone) {
      boundary = true;
    } else if (ch === '.' && j - i === 1 && k === j) {
      const m = /([A-Za-z][A-Za-z.]*)$/.exec(line.slice(start, i));
      const word = m ? m[1]!.toLowerCase() : '';
      const bare = word.replace(/\.$/, '');
      const starter = SENTENCE_STARTERS.has(nextWord.toLowerCase()) && /^[A-Z]/.test(nextWord);
      if (TITLES.has(bare)) boundary = false;
      else if (/^(no|nos|vol|fig|op|pp?)$/.test(bare)) boundary = !/^[0-9]/.test(nextWord) && starter;
      else if (ABBREVIATIONS.has(bare)) boundary = cased && starter;
      else if (/^[A-Z]$/.test(m?.[1] ?? '')) boundary = false; // initials: "J. K. Rowling"
      else if (/^[a-z]$/.test(bare) && !cased) boundary = false;
      else boundary = !LOWER_LATIN.test(nextWord[0] ?? '');
    } else {
      // "?!", "...", or a period inside closing quotes: a new sentence starts with no lower case.
      boundary = !LOWER_LATIN.test(nextWord[0] ?? '');
    }
    if (boundary && k === j && insideClosingQuote(line, k, cased)) boundary = false;
    if (boundary && insideCurlyQuote(line, start, i)) boundary = false;
    if (boundary) {
      out.push(line.slice(start, k));
      start = next;
      i = next;
    } else {
      i = j;
    }
  }
  if (start < n) out.push(line.slice(start));
  return out;
}

// Lines inside a paragraph: a line break is a soft wrap when the next line continues in lower
// case, otherwise a boundary (headings, captions, list items).
function joinSoftWraps(paragraph: string): string[] {
  const lines = paragraph.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last !== undefined && /[^.!?:"'\u201d\u2019)]$/.test(last) && /^[a-z]/.test(line)) {
      out[out.length - 1] = `${last} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Splits a text (paragraphs separated by blank lines) into sentences, with their paragraph. */
export function splitSentencesWithParagraphs(text: string): SplitSentence[] {
  const cased = looksCased(text);
  const out: SplitSentence[] = [];
  const paragraphs = text.split(/\r?\n[ \t\u00a0]*\r?\n/);
  let p = 0;
  for (const paragraph of paragraphs) {
    let any = false;
    for (const line of joinSoftWraps(paragraph)) {
      for (const raw of splitLine(line.replace(/[\s\u00a0]+/g, ' '), cased)) {
        const t = raw.trim();
        if (t.length === 0) continue;
        out.push({ text: t, paragraph: p, index: out.length });
        any = true;
      }
    }
    if (any) p++;
  }
  return out;
}

/** Splits a text into whitespace-normalised sentences, in order. */
export function splitSentences(text: string): string[] {
  return splitSentencesWithParagraphs(text).map((s) => s.text);
}
