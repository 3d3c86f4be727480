import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { removeJunk, type JunkDocument } from './junk-filter.ts';

/** The body HTML of a page after removing junk. */
function cleaned(body: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  removeJunk(document as unknown as JunkDocument);
  return document.body.innerHTML;
}

describe('removeJunk', () => {
  it('should remove share bars and related lists', () => {
    const value = cleaned('<p>Story.</p><div class="share-bar"><a href="#">Tweet</a></div><ul class="related-links"><li><a href="/x">Other</a></li></ul>');
    assert.equal(value, '<p>Story.</p>');
  });
  it('should keep a post embedded in the story and give its wrapper a neutral name', () => {
    const value = cleaned('<p>People reacted online.</p><div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real.</p>— Jane (@jane)</blockquote></div>');
    assert.ok(value.includes('Yes this is real.'), value);
    assert.ok(!/social-media-embed/.test(value), value);
  });
});
