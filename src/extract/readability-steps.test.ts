import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { adaptReader, charThreshold } from './readability-steps.ts';

type BylineTest = { _isValidByline(node: Element, matchString: string): boolean };
const testdata = join(fileURLToPath(new URL('.', import.meta.url)), 'testdata');

describe('adaptReader', () => {
  it("should answer Readability's byline test as Readability does, on every element of the golden pages and of made-up bylines", () => {
    const pages = readdirSync(testdata).map((name) => readFileSync(join(testdata, name, 'source.html'), 'latin1'));
    pages.push(
      '<div class="byline">By Jane Roe</div><span rel="author">  </span><a rel="author">x</a><p itemprop="author name">Jo</p>' +
        `<div class="author-box">${'long '.repeat(30)}</div><section id="dateline">Seoul</section><div class="p-author h-card">A B</div><b itemprop="authors">C</b>`,
    );
    let bylines = 0;
    let elements = 0;
    for (const html of pages) {
      const doc = parseHtmlDocument(html) as unknown as Document;
      const theirs = new Readability(doc) as unknown as BylineTest;
      const ours = new Readability(doc) as unknown as BylineTest;
      adaptReader(ours as unknown as Readability<unknown>);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        const matchString = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
        const expected = theirs._isValidByline(el, matchString);
        assert.equal(ours._isValidByline(el, matchString), expected, `${el.tagName} "${matchString}"`);
        elements++;
        if (expected) bylines++;
      }
    }
    assert.ok(elements > 500 && bylines >= 6, `${elements} elements, ${bylines} bylines`);
  });

  it('should lower the length a body must reach for pages in Korean, Japanese or Chinese, declared or written', () => {
    assert.equal(charThreshold(undefined, 'Harbour gets two berths'), 500);
    assert.equal(charThreshold('en', '서울 아파트 전셋값 3주째 상승'), 200, 'a Korean headline');
    assert.equal(charThreshold('ko-KR', 'KOSPI 2600'), 200, 'a declared language');
    assert.equal(charThreshold(' ja ', 'iPhone 17'), 200);
    assert.equal(charThreshold('zh-Hant', ''), 200);
    assert.equal(charThreshold(undefined, '欲張りなイヌ'), 200);
    assert.equal(charThreshold('de', 'Samsung 갤럭시 launch event in Berlin'), 500, 'a few Hangul letters in a German headline');
    assert.equal(charThreshold('kok', 'Goa'), 500, 'Konkani is not Korean');
    assert.equal(charThreshold(undefined, ''), 500);
  });
});
