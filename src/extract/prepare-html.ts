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
// "<!--->" are complete (empty) comments in HTML.
// An end tag ends at its first ">" whatever precedes it ("</script\n<!-- x -->" closes the script).
const SKIP = /<!---?>|<!--[\s\S]*?--!?>|<script\b([^>]*)>([\s\S]*?)<\/script(?=[\s/>])[^>]*>|<style\b[^>]*>[\s\S]*?<\/style(?=[\s/>])[^>]*>|<(svg|math|template)\b[^>]*>[\s\S]*?<\/\3(?=[\s/>])[^>]*>/gi;

/** Caps the input, collects JSON-LD and strips scripts, styles, comments, svg and templates. */
export function prepareHtml(input: string): PreparedHtml {
  let html = input.length > MAX_HTML_CHARS ? input.slice(0, MAX_HTML_CHARS) : input;
  const jsonLd: string[] = [];
  html = html.replace(SKIP, (whole: string, attrs: string | undefined, body: string | undefined) => {
    if (attrs !== undefined && /application\/ld\+json/i.test(attrs) && jsonLd.length < 20) jsonLd.push(body ?? '');
    return '';
  });
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
