import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { nodeToText } from './html-text.ts';

/** The text of a body fragment. */
function textOf(html: string, captions: boolean): string {
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body as never, { captions });
}

describe('nodeToText', () => {
  const page = '<p>First.</p><figure><img src="a.jpg"><figcaption>A harbour. <cite>Reuters</cite></figcaption></figure><figure><img src="b.jpg"><span>Image copyright Getty Images</span></figure><p>Second.</p>';
  it('should keep captions as paragraphs by default', () => assert.equal(textOf(page, true), 'First.\n\nA harbour. Reuters\n\nImage copyright Getty Images\n\nSecond.'));
  it('should leave photo figures out without captions', () => assert.equal(textOf(page, false), 'First.\n\nSecond.'));
  it('should keep a table or quote set in a figure', () => {
    assert.equal(textOf('<figure><blockquote><p>We will stay.</p></blockquote><figcaption>— Eli</figcaption></figure>', false), 'We will stay.');
  });
  it('should not glue adjacent blocks', () => assert.equal(textOf('<div>end.</div><div>Next</div>', false), 'end.\n\nNext'));
});
