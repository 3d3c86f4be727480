import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { prepareHtml, stripSkipped } from './prepare-html.ts';

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
  it('should strip what one regular expression over the page stripped, on any page (a property test)', () => {
    // The expression the scan replaced: alternatives tried at each position, the first to match wins.
    const SKIP = /<!---?>|<!--[\s\S]*?--!?>|<script\b([^>]*)>([\s\S]*?)<\/script(?=[\s/>])[^>]*>|<style\b[^>]*>[\s\S]*?<\/style(?=[\s/>])[^>]*>|<(svg|math|template)\b[^>]*>[\s\S]*?<\/\3(?=[\s/>])[^>]*>/gi;
    const oracle = (page: string) => {
      const jsonLd: string[] = [];
      const html = page.replace(SKIP, (_: string, attrs: string | undefined, body: string | undefined) => {
        if (attrs !== undefined && /application\/ld\+json/i.test(attrs) && jsonLd.length < 20) jsonLd.push(body ?? '');
        return '';
      });
      return { html, jsonLd };
    };
    // Pages made of the pieces that matter: openings and closings in any case, near misses, text.
    const piece = fc.constantFrom(
      '<script>', '<SCRIPT type="application/ld+json">', '<script type=application/ld+json', '<scripts>', '<script_x>', '<script\n', '</script>', '</SCRIPT >', '</script/', '</scriptx>', '</script',
      '<style>', '<Style media=x>', '</style>', '</STYLE\t>', '<svg>', '<svg:x>', '</svg>', '<math>', '</MATH>', '<template>', '</template >', '</templatex>',
      '<!--', '-->', '--!>', '<!-->', '<!--->', '<!---->', '--', '!', '<', '>', '/', ' ', '\n', '\u00a0', 'x', '{"@type":"NewsArticle"}', '<p>', '</p>', 'ſcript', 'İ',
    );
    const page = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(page, (html) => {
        assert.deepEqual(stripSkipped(html), oracle(html), JSON.stringify(html));
      }),
      { numRuns: 20_000 },
    );
  });
});
