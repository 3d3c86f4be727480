import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { prepareHtml } from './prepare-html.ts';

/** The root tag and the body text of a page after preparing and parsing it. */
function parse(html: string): { root: string | undefined; body: string } {
  const document = parseHtmlDocument(prepareHtml(html).html);
  return { root: document.documentElement?.tagName, body: (document.body?.textContent ?? '').trim() };
}

describe('prepareHtml', () => {
  it('should drop server warnings printed before the doctype', () => {
    const value = parse('<br />\n<b>Warning</b>: mysql_connect(): failed in <b>/www/x.php</b><br />\n<!DOCTYPE html><html lang="de"><head><title>T</title></head><body><p>Der Text.</p></body></html>');
    assert.deepEqual(value, { root: 'HTML', body: 'Der Text.' });
  });
  it('should supply a missing <html> before <head>', () => {
    const value = parse('<!DOCTYPE html><head><title>T</title></head><body><p>Body text.</p></body></html>');
    assert.deepEqual(value, { root: 'HTML', body: 'Body text.' });
  });
  it('should keep a page that starts with a stylesheet', () => {
    const value = parse('<style>.a{}</style>\n<!DOCTYPE html><html><head></head><body><p>Body text.</p></body></html>');
    assert.deepEqual(value, { root: 'HTML', body: 'Body text.' });
  });
  it('should set JSON-LD aside and strip scripts', () => {
    const value = prepareHtml('<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>alert(1)</script></head><body>x</body></html>');
    assert.deepEqual(value.jsonLd, ['{"@type":"NewsArticle"}']);
    assert.ok(!value.html.includes('alert'));
  });
});
