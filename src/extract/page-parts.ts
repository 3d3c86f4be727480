// Parts of a page that belong to something other than the story: comment threads, sidebars,
// related-story lists, navigation and page footers carry dates and names of other things. And the
// headline, whose ancestors are the story's own wrappers whatever their class names say.
import { nextInOrder, type WalkEl } from './dom-walk.ts';
import { looseKey, minHeadlineChars } from './loose-key.ts';

/** Minimal element shape used here (the extract DOM's element, dom/dom-node.ts). */
export interface PartEl extends WalkEl {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/** Classes and ids of page parts that belong to something else ("widget" only as a token of its own: page builders class every block "builder-widget"). */
const OTHER_THINGS = /(?:^|\s)widget(?=$|[\s_-])|(?:^|[\s_-])(?:comments?|commentlist|kommentare?|replies|reply|respond|related|sidebar|recommended|recommendations?|popular|most-?read|trending|newsletter|teasers?|archives?|calendar|breadcrumbs?|nav|navigation|navbar|menu)(?=$|[\s_-])/i;
/** Modifier classes that describe what a wrapper contains ("has-sidebar", "page--with-comments"). */
export const MODIFIER = /(?:^|\s)(?:\S*(?:--|__))?(?:has|with|no|show|hide)[-_]\S*/gi;
/** Tags that hold another part of the page (an <aside> or <footer> inside an <article> excepted, see belongsToSomethingElse). */
export const OTHER_TAGS: ReadonlySet<string> = new Set(['ASIDE', 'NAV', 'FOOTER', 'FORM']);

/** True when an ancestor of `el` is an <article>. */
function insideArticle(el: PartEl): boolean {
  for (let cur = el.parentElement as PartEl | null; cur; cur = cur.parentElement as PartEl | null) if (cur.tagName === 'ARTICLE') return true;
  return false;
}

/** True when `el` sits in a comment thread, sidebar, related list, navigation or footer. `story` holds the ancestors of the page's headline: wrappers of the story itself, whatever their class says. `memo` keeps the answer per element (ancestors are shared). */
export function belongsToSomethingElse(el: PartEl | null, story: ReadonlySet<PartEl>, memo: Map<PartEl, boolean>): boolean {
  // <body> and <html> classes describe the page ("has-sidebar", "comments-open"), not a part of it.
  if (!el || el.tagName === 'BODY' || el.tagName === 'HTML' || story.has(el)) return false;
  const known = memo.get(el);
  if (known !== undefined) return known;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(MODIFIER, ' ');
  // A <footer> or <aside> inside an <article> is the story's own (dates, bylines); elsewhere it is the page's.
  const own = (OTHER_TAGS.has(el.tagName) && !((el.tagName === 'FOOTER' || el.tagName === 'ASIDE') && insideArticle(el))) || (name.length > 1 && OTHER_THINGS.test(name));
  const answer = own || belongsToSomethingElse(el.parentElement as PartEl | null, story, memo);
  memo.set(el, answer);
  return answer;
}

const HEADLINE_CLASS = /(?:^|[\s_-])(?:(?:post|entry|article|story|news)[-_]?(?:title|headline)|headline)(?=$|[\s_-])/i;

const MAX_AFTER_H1 = 600;

/** What the finders need to know about a page's layout, computed once per page. */
export interface PageLayout {
  /** The headline: the first <h1>, else the first heading classed as a post or entry title. */
  readonly headline?: PartEl;
  /** Ancestors of both headline candidates: wrappers of the story whatever their classes say. */
  readonly story: ReadonlySet<PartEl>;
  /** Memo of belongsToSomethingElse, shared by the finders. */
  readonly memo: Map<PartEl, boolean>;
}


/** True when heading text and title are the same words, one possibly carrying extras (a site name, a kicker). */
function sameAsTitle(heading: string, title: string): boolean {
  const h = looseKey(heading);
  // A heading inside the title must hold most of it ("Wärmepumpe" is a section of "Wärmepumpe im Altbau - Wann es sich lohnt").
  const min = minHeadlineChars(heading);
  return h.length >= min && ((title.includes(h) && h.length >= 0.6 * title.length) || (h.includes(title) && title.length >= min));
}

/**
 * Finds the headline candidates of a page (blogs put the blog's name in the <h1> and the post's in a
 * classed heading) and the story's wrappers. With the page's `title` known, an <h1> that repeats it
 * beats an earlier one that does not (cookie notices, site names and teasers come first on some pages),
 * and with no such <h1>, an <h2> or <h3> that repeats it beats them all.
 */
export function readLayout(root: PartEl, title?: string): PageLayout {
  let h1: PartEl | undefined;
  let classed: PartEl | undefined;
  let afterH1 = 0;
  const wanted = title ? looseKey(title) : '';
  let h1MatchesTitle = wanted === '';
  let titled: PartEl | undefined;
  for (let el = root.firstElementChild as PartEl | null; el; el = nextInOrder(el, root)) {
    // Pages whose <h1> is the site's logo set the story's title in an <h2> or <h3>.
    if (!titled && wanted !== '' && (el.tagName === 'H2' || el.tagName === 'H3') && sameAsTitle(el.textContent ?? '', wanted)) titled = el;
    if (el.tagName === 'H1' && (!h1 || !h1MatchesTitle)) {
      const text = el.textContent ?? '';
      const matches = wanted !== '' && sameAsTitle(text, wanted);
      // An <h1> without words (a logo image) is no headline.
      if ((!h1 || matches) && /[\p{L}\p{N}]/u.test(text)) {
        h1 = el;
        h1MatchesTitle ||= matches;
        afterH1 = 0;
      }
    }
    if (!classed && el.tagName.length === 2 && /^H[1-4]$/.test(el.tagName) && HEADLINE_CLASS.test(el.getAttribute('class') ?? '')) classed = el;
    // A post title classed as such sits near the <h1> when there is one.
    if (h1 && h1MatchesTitle && (classed || ++afterH1 > MAX_AFTER_H1)) break;
  }
  if (!h1MatchesTitle && titled) h1 = titled;
  const story = ancestors(h1);
  for (const a of ancestors(classed)) story.add(a);
  const headline = h1 ?? classed;
  return { ...(headline ? { headline } : {}), story, memo: new Map() };
}

/** The ancestors of `el`. */
export function ancestors(el: PartEl | undefined): Set<PartEl> {
  const out = new Set<PartEl>();
  for (let cur = el?.parentElement as PartEl | null | undefined; cur; cur = cur.parentElement as PartEl | null) out.add(cur);
  return out;
}

