import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { removeReporterLines } from './body-bylines.ts';

describe('removeReporterLines', () => {
  function run(html: string): { authors: string[]; lines: string[] } {
    const document = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
    const content = document.getElementById('c') as unknown as Element;
    const authors = removeReporterLines(content).authors.map((a) => a.name);
    return { authors, lines: Array.from(content.querySelectorAll('p')).map((e) => (e.textContent ?? '').trim()) };
  }
  const story = ['Die Firma hat die Wiederverwertung ausgedienter Akkus optimiert.', 'Nach dem Schreddern erhält man ein Granulat.', 'Übrig bleibt ein feines schwarzes Pulver.', 'Darin stecken Lithium, Graphit und Nickel.'];
  const paragraphs = story.map((s) => `<p>${s}</p>`).join('');
  it('should read a byline set on two lines, the label alone and the names on the next, at the start or the end', () => {
    assert.deepEqual(run(`<p>Von</p><p>Denis Dilba</p>${paragraphs}`), { authors: ['Denis Dilba'], lines: story });
    assert.deepEqual(run(`${paragraphs}<p>Published By</p><p>Inga Hoeltmann</p><p>Follow</p>`).authors, ['Inga Hoeltmann']);
    assert.deepEqual(run(`<p>Autor:</p><p>Lars Fischer und Alina Schadwinkel</p>${paragraphs}`).authors, ['Lars Fischer', 'Alina Schadwinkel']);
  });
  it("should read a line that is a link to the author's page, alone or with the story's dates, as the byline", () => {
    const result = run(`<p><a href="/author/jane-roe">Jane Roe</a><span>/ June 12, 2020 9:49 am EST</span></p>${paragraphs}`);
    assert.deepEqual(result, { authors: ['Jane Roe'], lines: story });
    // A name linked inside a sentence, or a linked line that says more, is the story's.
    const inSentence = `<p>Die Firma von <strong><a href="/people/jane-roe">Jane Roe</a></strong> hat die Akkus optimiert.</p>${paragraphs}`;
    assert.deepEqual(run(inSentence).authors, []);
    assert.deepEqual(run(`<p><a href="/author/jane-roe">Jane Roe</a> / Chefin der Firma</p>${paragraphs}`).authors, []);
  });
  it('should take a byline line with the date after it off the top of the body', () => {
    for (const line of ['By Jane Roe | Nov. 15, 2025', 'By Jane Roe on November 15, 2025', 'BY JANE ROE • NOV 15, 2025', 'By Jane Roe and John Doe | Updated Nov. 15, 2025 at 8:47 a.m.']) {
      const result = run(`<p>${line}</p>${paragraphs}`);
      assert.deepEqual(result.lines, story, line);
      assert.ok(result.authors.length > 0, line);
    }
    // The date first.
    assert.deepEqual(run(`<p>11/28/2016 11:00 AM PST BY TMZ STAFF</p>${paragraphs}`), { authors: ['TMZ STAFF'], lines: story });
    assert.deepEqual(run(`<p>Tuesday 15 October 2019 by Jane Roe</p>${paragraphs}`), { authors: ['Jane Roe'], lines: story });
    // A line that only looks like one stays.
    assert.deepEqual(run(`<p>By the way, Nov. 15, 2025 was a Saturday</p>${paragraphs}`).lines.length, story.length + 1);
    assert.deepEqual(run(`<p>In 2019 by the river</p>${paragraphs}`).lines.length, story.length + 1);
  });
  it('should read a byline with its date and a comment link, on its own line or on the first line of a block', () => {
    const line = 'by Jane Roe / January 19, 2017 / <a href="#respond">Leave a comment</a>';
    assert.deepEqual(run(`<p>${line}</p>${paragraphs}`), { authors: ['Jane Roe'], lines: story });
    assert.deepEqual(run(`<p>${line}<br>Published in the February 2017 issue</p>${paragraphs}`), { authors: ['Jane Roe'], lines: ['Published in the February 2017 issue', ...story] });
    assert.deepEqual(run(`<p>By Jane Roe | 3 Comments</p>${paragraphs}`).authors, ['Jane Roe']);
    // The first line of a paragraph of the story stays.
    assert.deepEqual(run(`<p>By the river, 2017 / the floods came<br>and went.</p>${paragraphs}`).authors, []);
  });
  it("should take a wire's dateline without a reporter off the story's first paragraph", () => {
    assert.deepEqual(run(`<p>(연천=연합뉴스) 경기도 연천군은 20일 군청 상황실에서 업무협약을 체결했다고 밝혔다.</p>${paragraphs}`).lines[0], '경기도 연천군은 20일 군청 상황실에서 업무협약을 체결했다고 밝혔다.');
    assert.deepEqual(run(`<p>[세종=뉴시스] 정부가 내년 예산안을 확정했다.</p>${paragraphs}`).lines[0], '정부가 내년 예산안을 확정했다.');
    // Not a bracket that names no agency, nor one inside the story.
    assert.deepEqual(run(`<p>(서울=시민) 시민들이 모였다.</p>${paragraphs}`).lines[0], '(서울=시민) 시민들이 모였다.');
    assert.equal(run(`${paragraphs}${paragraphs}<p>(연천=연합뉴스) 끝.</p>`).lines.at(-1), '(연천=연합뉴스) 끝.');
  });
  it('should give the date lines read beside a byline', () => {
    const dates = (html: string) => {
      const document = parseHtmlDocument(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
      return removeReporterLines(document.getElementById('c') as unknown as Element).dates;
    };
    assert.deepEqual(dates(`<p>by Jane Roe / January 19, 2017 / <a href="#respond">Leave a comment</a><br>Published in the February 2017 issue</p>${paragraphs}`), ['January 19, 2017']);
    assert.deepEqual(dates(`<p>By Jane Roe | Updated Nov. 15, 2025 at 8:47 a.m.</p>${paragraphs}`), ['Updated Nov. 15, 2025 at 8:47 a.m.']);
    assert.deepEqual(dates(`<p>By Jane Roe</p>${paragraphs}`), []);
  });
  it('should take an address alone on the last line, but leave one inside a sentence', () => {
    const alone = run(`${paragraphs}<p>dilba@example.com</p>`);
    assert.deepEqual(alone.lines, story);
    const inSentence = `<p>Denis Dilba schreibt über Technik. Schreiben Sie ihm an <a href="mailto:dilba@example.com"><span>dilba@example.com</span></a></p>`;
    assert.deepEqual(run(`${paragraphs}${inSentence}`).lines, [...story, 'Denis Dilba schreibt über Technik. Schreiben Sie ihm an dilba@example.com']);
  });
  it('should take a bold byline off the head of the first paragraph with its separator', () => {
    assert.deepEqual(run(`<p><strong><em>By Jane Roe</em></strong>: ${story[0]}</p>${story.slice(1).map((s) => `<p>${s}</p>`).join('')}`), { authors: ['Jane Roe'], lines: story });
  });
  it('should leave a label followed by anything but full names', () => {
    // A date, one word (a menu's next entry), a sentence.
    for (const next of ['Le 05/02/2020', 'Bild', 'die Firma hat die Akkus optimiert.']) {
      const html = `<p>Par</p><p>${next}</p>${paragraphs}`;
      assert.deepEqual(run(html), { authors: [], lines: ['Par', next, ...story] }, next);
    }
  });
});
