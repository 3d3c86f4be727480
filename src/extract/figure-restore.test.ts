import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { restoreFigures, snapshotFigures } from './figure-restore.ts';
import { photoBoxesAsFigures } from './photo-boxes.ts';

const STORY = 'The bookshop opened ten years ago in a side street, and its owner was told it would not last a year.';

/** The photos of `page` that come back into a body holding only the story paragraph (what Readability kept), in order with it. */
function restored(page: string): string[] {
  const doc = parseHtmlDocument(`<!doctype html><html><body>${page}</body></html>`) as unknown as Document;
  const figures = snapshotFigures(doc, photoBoxesAsFigures(doc));
  const kept = parseHtmlDocument(`<!doctype html><html><body><div><p>${STORY}</p></div></body></html>`) as unknown as Document;
  const content = kept.body.firstElementChild!;
  restoreFigures(content, figures, (src) => src);
  return Array.from(content.children, (el) => (el.tagName === 'FIGURE' ? `figure ${el.querySelector('img')?.getAttribute('src')}` : el.tagName.toLowerCase()));
}

const imageBlock = (inner: string) => `<div class="se-component se-image"><div class="se-component-content"><div class="se-module se-module-image">${inner}</div></div></div>`;
const textBlock = `<div class="se-component se-text"><div class="se-module se-module-text"><p>${STORY}</p></div></div>`;

describe('snapshotFigures and restoreFigures', () => {
  it("should put back a photo an editor's image block holds alone, before the paragraph it stood before", () => {
    assert.deepEqual(restored(imageBlock('<a href="https://blog.example/p/1#" onclick="return false;"><img src="https://blog.example/front.jpg" alt=""></a>') + textBlock), ['figure https://blog.example/front.jpg', 'p']);
    assert.deepEqual(restored(`<div class="article-photo"><img src="https://news.example/lead.jpg"></div>${textBlock}`), ['figure https://news.example/lead.jpg', 'p']);
  });

  it('should leave out a photo box that links to another page, holds text, or is not classed as a photo', () => {
    assert.deepEqual(restored(imageBlock('<a href="https://blog.example/p/2"><img src="https://blog.example/other.jpg"></a>') + textBlock), ['p']);
    assert.deepEqual(restored(imageBlock('<img src="https://blog.example/front.jpg"><span>Read more</span>') + textBlock), ['p']);
    assert.deepEqual(restored(`<div class="promo-box"><div class="inner"><img src="https://blog.example/ad.jpg"></div></div>${textBlock}`), ['p']);
  });

  it('should leave out a photo next to text the body does not hold', () => {
    assert.deepEqual(restored(`${imageBlock('<img src="https://blog.example/teaser.jpg">')}<div class="teaser"><p>Another story of the week, told elsewhere on the site.</p></div>${textBlock}`), ['p']);
  });
});
