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
  if (!/<body[\s>]/i.test(html)) html = /<html[\s>]/i.test(html) ? html.replace(/(<\/head\s*>)/i, '$1<body>') : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return { html, jsonLd };
}
