import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { removeCreditLines } from './credit-lines.ts';

const story = '<p>The council voted on Tuesday to keep ferry fares at their current level for another year, citing rising costs.</p>';
function cleaned(head: string, names: string[]): string {
  const doc = parseHtmlDocument(`<html><body><div id="c">${head}${story}</div></body></html>`);
  const content = doc.querySelector('#c') as unknown as Element;
  removeCreditLines(content, names);
  return (content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('removeCreditLines', () => {
  it('should remove a head line naming only the authors and the outlet', () => {
    assert.ok(cleaned('<div><span>Dana Whitfield</span> <span>Riverside Courier</span></div>', ['Dana Whitfield', 'Riverside Courier']).startsWith('The council voted'));
    assert.ok(cleaned('<p>Meg Kinnard and Errin Haines, Associated Press</p>', ['Meg Kinnard', 'Errin Haines', 'Associated Press']).startsWith('The council voted'));
    assert.ok(cleaned('<p>von <span>MORITZ PAPPERT</span></p>', ['Moritz Pappert']).startsWith('The council voted'));
    // With the place the affiliation closes with, the parts glued ("Jane SmithExample News, Cardiff").
    assert.ok(cleaned('<div><span>Jane Smith</span><span>Example News, Cardiff</span></div>', ['Jane Smith', 'Example News']).startsWith('The council voted'));
  });

  it('should keep a line that says more than the names, and a name inside a longer heading', () => {
    assert.ok(cleaned('<p>Dana Whitfield reports from the harbour</p>', ['Dana Whitfield']).startsWith('Dana Whitfield reports'));
    assert.ok(cleaned('<p>Dana Whitfield, Riverside Courier, and the harbour board</p>', ['Dana Whitfield', 'Riverside Courier']).startsWith('Dana Whitfield, Riverside'));
    assert.ok(cleaned('<h2>The release plan <span>(kovarex)</span></h2>', ['kovarex']).startsWith('The release plan (kovarex)'));
  });

  it('should leave the body after its first paragraph alone', () => {
    const doc = parseHtmlDocument(`<html><body><div id="c">${story}<p>Dana Whitfield</p></div></body></html>`);
    const content = doc.querySelector('#c') as unknown as Element;
    assert.equal(removeCreditLines(content, ['Dana Whitfield']), 0);
  });
});
