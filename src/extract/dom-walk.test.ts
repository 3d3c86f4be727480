import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { descendantList, descendants, nonSpaceChars, nonSpaceCharsOfAll } from './dom-walk.ts';

const testdata = join(fileURLToPath(new URL('.', import.meta.url)), 'testdata');

describe('nonSpaceCharsOfAll', () => {
  it('should give every element of every golden page the count nonSpaceChars gives it', () => {
    for (const name of readdirSync(testdata)) {
      const doc = parseHtmlDocument(readFileSync(join(testdata, name, 'source.html'), 'latin1'));
      const body = doc.body;
      const sizes = nonSpaceCharsOfAll(body);
      assert.equal(sizes.get(body), nonSpaceChars(body), name);
      for (const el of descendants(body)) assert.equal(sizes.get(el), nonSpaceChars(el), `${name}: ${el.tagName}`);
    }
  });
  it('should count template contents as textContent does, and skip comments', () => {
    const doc = parseHtmlDocument('<!doctype html><html><body><div>a b<!-- c d --><template><p>e f</p></template><span> g </span></div></body></html>');
    const div = doc.querySelector('div')!;
    assert.equal(nonSpaceCharsOfAll(doc.body).get(div), (div.textContent ?? '').replace(/\s+/g, '').length);
  });
});

describe('descendants and descendantList', () => {
  it('should list the elements querySelectorAll("*") lists, in its order, on every golden page', () => {
    for (const name of readdirSync(testdata)) {
      const doc = parseHtmlDocument(readFileSync(join(testdata, name, 'source.html'), 'latin1'));
      for (const root of [doc.body, ...Array.from(doc.body.querySelectorAll('div')).slice(0, 20)]) {
        const expected = Array.from(root.querySelectorAll('*'));
        assert.deepEqual(descendantList(root), expected, name);
        assert.deepEqual([...descendants(root)], expected, name);
      }
    }
  });
  it('should not enter template contents and should stop at the root', () => {
    const doc = parseHtmlDocument('<!doctype html><html><body><div id="a"><template><p>x</p></template><span></span></div><i></i></body></html>');
    const a = doc.querySelector('#a')!;
    assert.deepEqual(descendantList(a).map((e) => e.tagName), ['TEMPLATE', 'SPAN']);
    assert.deepEqual([...descendants(a)].map((e) => e.tagName), ['TEMPLATE', 'SPAN']);
  });
});
