import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { descendantList, descendants, nonSpaceChars, nonSpaceCharsOfAll, blockSpacedText } from './dom-walk.ts';

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

describe('blockSpacedText', () => {
  const text = (html: string) => blockSpacedText(parseHtmlDocument(`<!doctype html><html><body><div id="x">${html}</div></body></html>`).getElementById('x')!).replace(/\s+/g, ' ').trim();
  it('should set a space where a line break or a block ends a line', () => {
    assert.equal(text('국무회의 주재하는 총리<br>(서울=연합뉴스) 김철수 기자'), '국무회의 주재하는 총리 (서울=연합뉴스) 김철수 기자');
    assert.equal(text('<p>Title</p><p>Sentence one.</p>Tail'), 'Title Sentence one. Tail');
    assert.equal(text('<ul><li>a</li><li>b</li></ul>'), 'a b');
  });
  it('should read inline elements as textContent does', () => {
    assert.equal(text('Kim <b>Chul</b>-su <i>(Reuters)</i>'), 'Kim Chul-su (Reuters)');
  });
  it('should set no space before punctuation that closes a sentence or a bracket', () => {
    assert.equal(text('<p>View photo</p><span>.</span>'), 'View photo.');
  });
});
