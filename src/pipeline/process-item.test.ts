// The pipeline's pure helpers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textForSummary } from './process-item.ts';

describe('textForSummary', () => {
  it('should drop paragraphs that are photo captions, keeping the story', () => {
    const value = textForSummary({
      text: 'Lead sentence.\n\nThe mayor speaks at City Hall. Photo: Gazette\n\nSecond paragraph.',
      images: [{ url: 'https://x.example/p.png', caption: 'The mayor speaks at City Hall.', credit: 'Gazette' }],
    });
    assert.equal(value, 'Lead sentence.\n\nSecond paragraph.');
  });
  it('should leave the text alone when there are no captions', () => {
    const text = 'One.\n\nTwo.';
    assert.equal(textForSummary({ text, images: [{ url: 'https://x.example/p.png' }] }), text);
  });
});
