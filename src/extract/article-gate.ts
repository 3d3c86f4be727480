// Decides whether what Readability picked is an article. Readability returns *something* for
// almost any page, so the stage still has to reject index pages, link lists and empty shells;
// but a short real article (a brief, a one-paragraph notice) is an article, so every rule here
// needs a positive sign of "not an article" rather than mere shortness. When in doubt: article.

/** What the gate looks at: the extracted body and what the page says about itself. */
export interface GateInput {
  /** Plain text of the sanitized body. */
  readonly text: string;
  /** Characters (whitespace excluded) of the body text that sit inside links. */
  readonly linkChars: number;
  /** True when JSON-LD or og:type declares a non-article page (website, collection, profile). */
  readonly declaresNonArticle: boolean;
}

/** Body text shorter than this is an article only when the page does not say it is an index. */
const MIN_INDEX_TEXT_CHARS = 240;

/** Phrases of sign-in and subscription walls; only a short body made of them is a wall. */
const WALL = /\b(?:sign|log)\s*in\b|\bsubscribe\b|\bsubscribers?\s+only\b|\bcreate\s+an?\s+account\b|로그인|회원\s*가입|구독/i;
const MAX_WALL_CHARS = 300;

/** Share of control characters above which an input is binary, not HTML. */
const MAX_CONTROL_SHARE = 0.01;

/** A sentence of a story: this long at least, ending as sentences end. */
const TEASER_SENTENCE = /^.{40,}[.!?。’”"]$/su;

/** True when a short text holds, besides its sign-in or subscription lines, a line that reads as a story's sentence. */
function holdsTeaser(text: string): boolean {
  return text.split(/\n+/).some((line) => {
    const l = line.trim();
    return !WALL.test(l) && TEASER_SENTENCE.test(l);
  });
}

/** True for input that is binary data rather than markup (NULs and other C0 controls). */
export function looksBinary(input: string): boolean {
  const sample = input.length > 4096 ? input.slice(0, 4096) : input;
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
  return controls > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}

/** The reason the body is not an article ("empty", "link-list", "index-page"), or undefined for an article. */
export function whyNotArticle(input: GateInput): string | undefined {
  const text = input.text;
  if (!/[\p{L}\p{N}]/u.test(text)) return 'empty';
  const chars = text.replace(/\s+/g, '').length;
  const density = chars === 0 ? 1 : input.linkChars / chars;
  const plain = chars - input.linkChars;
  // A list of links with hardly any prose of its own: a section front, a sitemap, a tag page.
  if (density > 0.85 || (density > 0.6 && plain < 300)) return 'link-list';
  // A sign-in or subscription prompt in place of the story; a story's opening above the prompt (a teaser) is an article.
  if (text.length < MAX_WALL_CHARS && WALL.test(text) && !holdsTeaser(text)) return 'login-wall';
  // A page that calls itself a website or a collection, and holds no more than a blurb.
  if (input.declaresNonArticle && text.length < MIN_INDEX_TEXT_CHARS) return 'index-page';
  return undefined;
}
