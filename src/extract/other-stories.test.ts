import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { removeOtherStories, type StoryDocument } from './other-stories.ts';

const PROSE = 'The council voted on Tuesday to extend the harbour by two berths, after a debate that lasted most of the afternoon and ended with a clear majority. ';

/** The text left of a page body after removeOtherStories, and how many <article>s it removed. */
function run(body: string, title: string): { removed: number; text: string } {
  const doc = parseHtmlDocument(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  const removed = removeOtherStories(doc as unknown as StoryDocument, title);
  return { removed, text: (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim() };
}

describe('removeOtherStories', () => {
  const next = `<article><h1>Second story of the feed</h1><p>${PROSE.repeat(6)}</p></article>`;

  it('should remove the other stories of an infinite-scroll page and keep the one the title names', () => {
    const r = run(`<main><article><article><h1>Harbour gets two berths</h1><p>${PROSE.repeat(2)}</p><article class="card"><h4>Related</h4></article></article>${next}${next.replace('Second', 'Third')}</article></main>`, 'Harbour Gets Two Berths!');
    assert.equal(r.removed, 2);
    assert.match(r.text, /^Harbour gets two berths\s*The council/);
    assert.match(r.text, /Related$/, 'an <article> without an <h1> (a card) is not another story');
    assert.doesNotMatch(r.text, /Second story|Third story/);
  });

  it('should leave the page when no <h1> reads as the title', () => {
    const r = run(`<article><h1>Harbour gets two berths</h1><p>${PROSE.repeat(2)}</p></article>${next}`, 'Council extends the harbour');
    assert.equal(r.removed, 0);
    assert.match(r.text, /Second story/);
  });

  it('should leave the page when the headline is not inside an <article>', () => {
    const r = run(`<div><h1>Harbour gets two berths</h1><p>${PROSE.repeat(2)}</p></div>${next}`, 'Harbour gets two berths');
    assert.equal(r.removed, 0);
  });

  it('should leave a body set apart from a header <article>, even when its section headings are <h1>s', () => {
    const r = run(`<article class="header"><h1>Harbour gets two berths</h1><p>By Jane Roe</p></article><article class="body"><h1>The vote</h1><p>${PROSE.repeat(4)}</p></article>`, 'Harbour gets two berths');
    assert.equal(r.removed, 0);
    assert.match(r.text, /The vote\s*The council/);
  });

  it('should not read a short title as a headline', () => {
    const r = run(`<article><h1>News</h1><p>${PROSE.repeat(2)}</p></article>${next}`, 'News');
    assert.equal(r.removed, 0);
  });
});
