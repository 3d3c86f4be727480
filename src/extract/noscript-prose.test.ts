import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { openProseNoscripts } from './noscript-prose.ts';
import { extractArticle } from './extract-article.ts';

const prose = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i}: the browser now checks downloads against a list of dangerous files before they open.</p>`).join('');

describe('openProseNoscripts', () => {
  it('should open a <noscript> holding prose the page shows nowhere beside it', () => {
    const doc = parseHtmlDocument(`<!doctype html><html><body><div class="post-body"><noscript>${prose}</noscript></div></body></html>`);
    openProseNoscripts(doc);
    assert.equal(doc.querySelectorAll('noscript').length, 0);
    assert.equal(doc.querySelectorAll('.post-body > p').length, 4);
  });
  it('should leave a <noscript> copy of text the page shows, and short notices', () => {
    const doc = parseHtmlDocument(`<!doctype html><html><body><div>${prose}<noscript>${prose}</noscript></div><div><noscript><p>Please enable JavaScript to view the comments.</p></noscript></div></body></html>`);
    openProseNoscripts(doc);
    assert.equal(doc.querySelectorAll('noscript').length, 2);
  });
});

describe('extractArticle: a story printed in <noscript>', () => {
  it('should extract the story a script template renders and <noscript> prints', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Safer downloads</title></head><body><h1>Safer downloads</h1><div class="post-header"><span class="publishdate">May 19, 2020</span></div><div class="post-body"><script type="text/template">${prose}</script><noscript>${prose}</noscript></div></body></html>`;
    const a = await extractArticle(html, { url: 'https://blog.example/2020/05/safer-downloads.html' });
    assert.match(a.text, /Paragraph 3: the browser now checks downloads/);
    assert.equal(a.text.match(/Paragraph 0:/g)?.length, 1);
  });
});
