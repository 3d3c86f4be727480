// Raw HTML → something safe and cheap to parse: capped in size, JSON-LD blocks set aside,
// scripts, styles and comments removed before the DOM is built (they are never article text,
// and on hostile pages they are most of the bytes).

/** Largest HTML input considered; the rest of a bigger page is cut off. */
export const MAX_HTML_CHARS = 5_000_000;

/** HTML ready for parsing plus the JSON-LD script bodies found in it. */
export interface PreparedHtml {
  readonly html: string;
  readonly jsonLd: readonly string[];
}

// One left-to-right pass, as an HTML tokenizer reads: whichever of comment, script, style, svg,
// math or template opens first wins, so a commented-out "<script src=…>" cannot swallow the page
// up to the next "</script>", and a "<!--" inside a script is not a comment. "<!-->" and
// "<!--->" are complete (empty) comments in HTML. An end tag ends at its first ">" whatever
// precedes it ("</script\n<!-- x -->" closes the script). An element or comment that is never
// closed is left in place (an unterminated <script> is dropped with the rest of the page below).
// Written as a scan rather than the one regular expression it replaces, which searched from every
// unclosed "<!--" or "<script>" to the end of the page again (quadratic on a hostile page);
// prepare-html.test.ts checks the scan against that expression on generated pages.

/** Elements removed with their content, as their lower-case names. */
const SKIPPED_ELEMENTS = ['script', 'style', 'svg', 'math', 'template'];
/** The end tag of each, matched without regard to case, followed by white space, "/" or ">". */
const END_TAG = new Map(SKIPPED_ELEMENTS.map((name) => [name, new RegExp(`</${name}(?=[\\s/>])`, 'gi')]));
const WORD_CHAR = /\w/;

/** True when `name` (lower-case letters) is written at `at` in `html`, in any case. */
function namedAt(html: string, at: number, name: string): boolean {
  // ASCII letters differ from their capitals in bit 0x20 alone; nothing else maps onto a letter so.
  for (let k = 0; k < name.length; k++) if ((html.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return false;
  return true;
}

/** The element of SKIPPED_ELEMENTS whose start tag opens at `i` (a "<"), if any. */
function skippedElementAt(html: string, i: number): string | undefined {
  // Most tags are other ones: their first letter rules them out (s, m or t, in any case).
  const first = html.charCodeAt(i + 1) | 0x20;
  if (first !== 0x73 && first !== 0x6d && first !== 0x74) return undefined;
  for (const name of SKIPPED_ELEMENTS) {
    const after = i + 1 + name.length;
    // The name, then a character that ends a word (a start tag needs its ">" after it anyway).
    if (after < html.length && namedAt(html, i + 1, name) && !WORD_CHAR.test(html[after]!)) return name;
  }
  return undefined;
}

/**
 * `html` without its comments, scripts, styles, svg, math and templates, and the bodies of its
 * JSON-LD scripts (20 at most). Linear in the page: a search that found no end from some point on
 * finds none from any later point either, so each kind of end is looked for past that point once
 * (a hostile page of 50,000 unclosed "<!--" took 2 s with the regular expression).
 */
export function stripSkipped(html: string): PreparedHtml {
  const jsonLd: string[] = [];
  const kept: string[] = [];
  const lastGt = html.lastIndexOf('>');
  let noCommentEndFrom = Infinity;
  const noEndTagFrom = new Map<string, number>();
  /** Where the comment opening at `i` ("<!--") ends (exclusive), or -1 when it is never closed. */
  const commentEnd = (i: number): number => {
    if (html.startsWith('<!-->', i)) return i + 5;
    if (html.startsWith('<!--->', i)) return i + 6;
    if (i + 4 >= noCommentEndFrom) return -1;
    // The first "-->" or "--!>": each "--" in turn.
    for (let j = html.indexOf('--', i + 4); j >= 0 && j < lastGt; j = html.indexOf('--', j + 1)) {
      const c = html.charCodeAt(j + 2);
      if (c === 0x3e) return j + 3;
      if (c === 0x21 && html.charCodeAt(j + 3) === 0x3e) return j + 4;
    }
    noCommentEndFrom = i + 4;
    return -1;
  };
  /** Where the end tag of `name` after `from` starts, or -1. */
  const endTagAt = (name: string, from: number): number => {
    if (from >= (noEndTagFrom.get(name) ?? Infinity)) return -1;
    const close = END_TAG.get(name)!;
    close.lastIndex = from;
    const at = close.exec(html)?.index ?? -1;
    if (at < 0) noEndTagFrom.set(name, from);
    return at;
  };
  let from = 0; // start of the text not yet copied
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    let end = -1;
    if (html.startsWith('<!--', i)) end = commentEnd(i);
    else {
      const name = skippedElementAt(html, i);
      const open = name === undefined || i > lastGt ? -1 : html.indexOf('>', i + 1 + name.length);
      const at = open < 0 ? -1 : endTagAt(name!, open + 1);
      // The end tag runs to its first ">".
      const gt = at < 0 || at > lastGt ? -1 : html.indexOf('>', at + 2 + name!.length);
      if (gt >= 0) {
        end = gt + 1;
        if (name === 'script' && jsonLd.length < 20 && /application\/ld\+json/i.test(html.slice(i + 7, open))) jsonLd.push(html.slice(open + 1, at));
      }
    }
    if (end < 0) continue;
    kept.push(html.slice(from, i));
    from = end;
    i = end - 1;
  }
  if (from === 0) return { html, jsonLd };
  kept.push(html.slice(from));
  return { html: kept.join(''), jsonLd };
}

/** Caps the input, collects JSON-LD and strips scripts, styles, comments, svg and templates. */
export function prepareHtml(input: string): PreparedHtml {
  const stripped = stripSkipped(input.length > MAX_HTML_CHARS ? input.slice(0, MAX_HTML_CHARS) : input);
  const { jsonLd } = stripped;
  let { html } = stripped;
  // An unterminated <script> would swallow the page in a browser too; drop its tail.
  html = html.replace(/<script\b[\s\S]*$/i, '');
  html = startAtRoot(html);
  if (!/<body[\s>]/i.test(html)) html = /<html[\s>]/i.test(html) ? html.replace(/(<\/head\s*>)/i, '$1<body>') : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return { html, jsonLd };
}

/**
 * Drops what precedes the <html> tag (server warnings printed before the doctype) and supplies
 * a missing <html> before <head>: the parser (dom/parse-html.ts, as linkedom) makes the first element it meets the root,
 * so a page that opens with "<br />Warning: …" or "<!DOCTYPE html><head>" would have no body.
 */
function startAtRoot(html: string): string {
  const root = /<html[\s>]/i.exec(html);
  if (root) {
    const before = html.slice(0, root.index).replace(/<!doctype[^>]*>/i, '');
    return /\S/.test(before) ? `<!doctype html>${html.slice(root.index)}` : html;
  }
  const head = /<head[\s>]/i.exec(html);
  if (!head) return html;
  return `<!doctype html><html>${html.slice(head.index)}`;
}
