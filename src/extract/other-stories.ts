// Pages that load the next stories as the reader scrolls carry them all in the markup, each an
// <article> under its own <h1>, and a later story is often longer than the one the page is about.
// The page names its story (its title, og:title or JSON-LD headline): the <article> whose <h1>
// reads as that headline is the story, and the other <article>s with an <h1> of their own are
// other stories, removed before the body is picked.
import { looseKey } from './loose-key.ts';

/** Minimal element shape used here (the extract DOM's element, dom/dom-element.ts). */
export interface StoryEl {
  readonly textContent: string | null;
  closest(selector: string): StoryEl | null;
  contains(other: StoryEl | null): boolean;
  querySelectorAll(selector: string): Iterable<StoryEl>;
  remove(): void;
}

/** Document shape used here. */
export interface StoryDocument {
  querySelectorAll(selector: string): Iterable<StoryEl>;
}

/** Shortest loose headline matched (letters and digits): shorter ones ("News") name no story. */
const MIN_HEADLINE_KEY = 8;
/**
 * Characters besides its headline that the headline's <article> must hold to be the story: an
 * <article> holding only the page's header (its body in another <article>, whose section
 * headings may be <h1>s) is not one.
 */
const MIN_STORY_CHARS = 200;

/** Removes the <article>s of other stories (each with an <h1> of its own) from a page whose headline `title` is the <h1> of one <article>; returns how many. */
export function removeOtherStories(doc: StoryDocument, title: string): number {
  const key = looseKey(title);
  if (key.length < MIN_HEADLINE_KEY) return 0;
  const h1s = Array.from(doc.querySelectorAll('h1'));
  if (h1s.length < 2) return 0;
  const isHeadline = (h: StoryEl) => looseKey(h.textContent ?? '') === key;
  const headline = h1s.find(isHeadline);
  const story = headline?.closest('article');
  if (!headline || !story) return 0;
  if ((story.textContent ?? '').replace(/\s+/g, '').length - (headline.textContent ?? '').replace(/\s+/g, '').length < MIN_STORY_CHARS) return 0;
  let removed = 0;
  for (const article of Array.from(doc.querySelectorAll('article'))) {
    if (article.contains(story) || story.contains(article)) continue;
    const own = Array.from(article.querySelectorAll('h1'));
    if (own.length === 0 || own.some(isHeadline)) continue;
    article.remove();
    removed++;
  }
  return removed;
}
