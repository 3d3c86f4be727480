import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { adaptReader } from './readability-steps.ts';

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
});
