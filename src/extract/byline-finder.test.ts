import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { findBylineNames, type BylineEl } from './byline-finder.ts';
import { readLayout } from './page-parts.ts';

/** The byline names of a small page body. */
function namesOf(body: string): string[] {
  const document = parseHtmlDocument(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  return findBylineNames(document.documentElement as unknown as BylineEl);
}

describe('findBylineNames', () => {
  const cases: [string, string, string[]][] = [
    ['should read itemprop="author" with a name inside', '<h1>T</h1><p><span itemprop="author" itemscope><span itemprop="name">Nicolas Perriault</span> —</span></p>', ['Nicolas Perriault']],
    ['should read a rel="author" link', '<h1>T</h1><p>Posted by <a rel="author" href="/u/oz">oz</a></p>', ['oz']],
    ['should read the names of a byline block that sets them apart from its date and affiliation', '<h1>T</h1><div data-component="byline-block"><div><time datetime="2025-11-15">15 November 2025</time></div><div><span>Jane Smith</span><span>Example News, Cardiff</span></div></div>', ['Jane Smith']],
    ['should read two names set apart from an outlet in capitals', '<h1>T</h1><div class="byline-section"><span>Kevin Johnson and Kevin McCoy</span><span>USA TODAY</span><div>Published 7:07 PM EST Nov 19, 2019</div></div>', ['Kevin Johnson', 'Kevin McCoy']],
    ['should read the "By" line a byline block opens with, apart from the outlet and date after it', '<h1>T</h1><div class="article_byline"><div>By <span>Jane Doe</span></div><div class="flex"><div>EXAMPLE DAILY NEWS</div><time>Dec 16, 2016 at 1:38 pm</time></div></div>', ['Jane Doe']],
    ['should read the names of a byline block that sets each apart', '<h1>T</h1><div class="byline"><div class="author">By Jane Doe</div><div class="author">John Roe</div><div class="author">Mary Major</div></div>', ['Jane Doe', 'John Roe', 'Mary Major']],
    ['should read names set apart behind a "By" label and between joiners', '<h1>T</h1><p class="byline"><span>By</span><a href="/a/jd">Jane Doe</a><span>and</span><a href="/a/jr">John Roe</a></p>', ['Jane Doe', 'John Roe']],
    ['should leave out the outlet set apart after names in capitals', '<h1>T</h1><div class="byline"><span>By JANE DOE and JOHN ROE</span><span>Associated Press</span></div>', ['JANE DOE', 'JOHN ROE']],
    ['should read byline elements of one kind set side by side', '<h1>T</h1><div class="meta"><a class="author-link" href="/a/jd">Jane Doe</a>, <a class="author-link" href="/a/jr">John Roe</a></div>', ['Jane Doe', 'John Roe']],
    ['should read marked-up authors set side by side', '<h1>T</h1><p><span itemprop="author">Jane Doe</span> and <span itemprop="author">John Roe</span></p>', ['Jane Doe', 'John Roe']],
    ['should read authors linked from items of a list', '<h1>T</h1><ul class="authors-list"><li><a rel="author" href="/a/jd">Jane Doe</a></li><li><a rel="author" href="/a/jr">John Roe</a></li></ul>', ['Jane Doe', 'John Roe']],
    ['should read the authors opening the items of a list, past hover cards and modifier classes', '<h1>T</h1><ul class="meta-list"><li><div class="author has-bio"><span class="by-text">By</span> Jane Doe</div><div class="author-overlay"><a href="#">Close</a><a href="/author/jane">More from Jane</a></div></li><li><div class="author">JOHN ROE</div></li></ul>', ['Jane Doe', 'JOHN ROE']],
    ['should not read the authors of other items beside the first', '<h1>T</h1><div itemprop="review" itemscope><span itemprop="author">Jane Doe</span><span itemprop="reviewBody">Good.</span></div><div itemprop="review" itemscope><span itemprop="author">John Roe</span></div>', ['Jane Doe']],
    ['should read a list classed as the authors item by item', '<h1>T</h1><ul class="authors"><li><div class="author has-bio"><span>By</span> Jane Doe</div><div class="author-overlay"><a href="#">Close</a><a href="/a/jane">More from Jane</a></div></li><li><div class="author">JOHN ROE</div></li></ul>', ['Jane Doe', 'JOHN ROE']],
    ['should read two Korean reporters set apart', '<h1>T</h1><div class="byline"><span class="name">홍길동 기자</span><span class="name">김철수 기자</span></div>', ['홍길동', '김철수']],
    ['should not read an element of the same kind past the text after the byline', '<h1>T</h1><div><span class="author">Jane Doe</span><p>The storm made landfall early on Tuesday.</p><span class="author">Other Person</span></div>', ['Jane Doe']],
    ['should read a name and the role set apart after it as one author', '<h1>T</h1><div class="byline"><span>Ben Silverman</span><span>Games Editor</span></div>', ['Ben Silverman']],
    ['should read a byline block whole when a later part names someone', '<h1>T</h1><div class="article_byline"><div>By <span>Jane Doe</span></div><div>and John Roe</div></div>', ['Jane Doe', 'John Roe']],
    ['should read a byline whose modifier class names what it has ("has-bio"), not the hover card beside it', '<h1>T</h1><ul class="meta-list"><li><div class="author has-bio"><span class="by-text">By</span> Jane Doe</div><div class="author-overlay"><a class="close" href="#">Close</a><a class="author-info" href="/author/jane">More from Jane</a></div></li></ul>', ['Jane Doe']],
    ['should leave a social handle beside the name out of it', '<h1>T</h1><div class="entry-meta-author"><a class="herald-author-name" href="/author/matthias/">Matthias</a> <a class="herald-author-twitter" href="https://twitter.com/herrpfleger">herrpfleger</a></div>', ['Matthias']],
    ['should keep a name linked to its social profile', '<h1>T</h1><div class="byline">By <a href="https://x.com/janedoe">Jane Doe</a></div>', ['Jane Doe']],
    ['should leave an unclassed handle link out of the name', '<h1>T</h1><div class="byline">Jane Doe <a href="https://x.com/janedoe">@janedoe</a></div>', ['Jane Doe']],
    ['should read a classed byline and drop its prefix', '<h1>T</h1><div class="byline">Von Roland Brockmann und Sebastian Drescher</div>', ['Roland Brockmann', 'Sebastian Drescher']],
    ['should read a vcard name in the post footer', '<div class="widget Blog"><h3 class="post-title">T</h3><div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">T. V. Raman</span></span></div></div>', ['T. V. Raman']],
    ['should prefer marked-up names to classed ones', '<h1>T</h1><span class="author">Staff</span><a rel="author" href="/a">Jane Doe</a>', ['Jane Doe']],
    ['should read the name element of an author link that holds more', '<h1>T</h1><a rel="author" href="/author/jane"><div><img alt="" src="a.jpg"><p class="author-name">von Jane Roe</p></div><div class="bio">Über Autorenseite von</div></a>', ['Jane Roe']],
    ['should read the user of a Drupal "submitted" line', '<h1>T</h1><div class="node"><div class="submitted">Gespeichert von <span class="username">rasos</span> am 24. Juli 2017 - 18:55</div><p>Text.</p></div>', ['rasos']],
    ['should not read a username outside a "submitted" line', '<h1>T</h1><div class="user-menu"><span class="username">visitor42</span></div><p>Text.</p>', []],
    ['should read the name heading an author box under the story', '<h1>T</h1><p>Text.</p><div class="author-bio footer"><h3>Martin Junker</h3><p>Writes about cars.</p></div>', ['Martin Junker']],
    ['should not read a heading of an author box that is not a name', '<h1>T</h1><p>Text.</p><div class="author-box"><h3>Über den Autor</h3><p>Writes.</p></div>', []],
    ['should skip names in comments and sidebars', '<h1>T</h1><p>x</p><div class="comments"><span class="comment-author">Troll</span></div><aside><span class="author">Other</span></aside>', []],
    ['should keep names in an aside of the article', '<article><h1>T</h1><aside><p><span class="article-author" itemprop="author">Jane Doe</span></p></aside></article>', ['Jane Doe']],
    ['should skip page-builder blocks classed as widgets only when the class stands alone', '<div class="builder-widget"><h1>T</h1><a class="author-name" href="/a">Tatyana Turner</a></div>', ['Tatyana Turner']],
    ['should read a "By" line under the headline', '<h2 class="title-block">T</h2><h1>T</h1><time datetime="2020-10-12" pubdate><h4>By Giovanni Gaggero | 12/10/2020</h4></time>', ['Giovanni Gaggero']],
    ['should read a "Written by:" line under the headline', '<h1>T</h1><p><em>Courtesy of Forests News</em></p><p><em>Written by: <a href="/x">Julie Mollins</a></em></p>', ['Julie Mollins']],
    ['should read a "Story by" line under the headline', '<h1>T</h1><p>Story by <a href="/x">Jane Doe</a></p><p>Text.</p>', ['Jane Doe']],
    ['should read a German "von" line under the headline', '<h1>T</h1><h4>Ein Musikfilm</h4><p> von <em>Klaus Stanjek</em></p>', ['Klaus Stanjek']],
    ['should read a byline marked by a test id', '<h1>T</h1><div data-testid="prism-byline"><span>By</span><span><a href="/team/jr">J.R. Stone</a></span></div>', ['J.R. Stone']],
    ['should not read a "By" line far from the headline', `<h1>T</h1>${'<p>Text.</p>'.repeat(50)}<p>By the way, this is text.</p>`, []],
    ['should not take an organisation card for a byline', '<h1>T</h1><table class="infobox vcard"><caption class="fn org">Mozilla</caption></table>', []],
    ['should not take a view counter for a name', '<h1>T</h1><p class="author"><span class="author-views">人氣( 23925 )</span></p>', []],
    ['should read the name after an "Autor:" label', '<h1>T</h1><p>Text.</p><p><strong>Autor:</strong> <a href="/p/1">Erika Mustermann</a> <br/><strong>Tags:</strong> <a href="/t/x">x</a></p>', ['Erika Mustermann']],
    ['should read the name in the element after an "Author" heading', '<h1>T</h1><section><h4>Author</h4><p><a href="/p/2">Jane Q. Public</a></p></section>', ['Jane Q. Public']],
    ['should read the name after a "By" label and line breaks, one level up', '<h1>T</h1><div><p class="label"><b>By</b></p></div><div><br><p class="full-name">Max Power</p></div>', ['Max Power']],
    ['should not read a one-word value after a label', '<h1>T</h1><p><b>Redaktion:</b> Bild</p>', []],
    ['should not read a comment form label', '<h1>T</h1><form><label for="author">Author</label><input id="author"></form>', []],
    ['should leave the affiliation under a "By" line', '<h1>T</h1><div class="author_fmt"> By <a href="/j">Jane  Doe</a><br/>Example Health News</div>', ['Jane Doe']],
    ['should leave an editor credited under the author', '<h1>T</h1><p class="byline author">Written by Jane Doe<br />Edited by John Roe</p>', ['Jane Doe']],
    ['should keep authors written one per line', '<h1>T</h1><p class="byline">Jane Doe<br>John Roe</p>', ['Jane Doe', 'John Roe']],
    ['should read "Ein Artikel von" and "Text von" lines', '<h1>T</h1><div class="meta"><div>Ein Artikel von <strong>Erika Mustermann</strong> | 27.01.2022 - 12:45</div></div>', ['Erika Mustermann']],
    ['should read a "von" line that opens with its date', '<h1>T</h1><h2>Stars <span>06.11.2023 13:30 von Erika</span></h2>', ['Erika']],
    ['should read a "By" line near the top of a page without a headline', '<div class="page"><p><em>Text von Max Mustermann Illustration von Erika Muster</em></p><p>Story.</p></div>', ['Max Mustermann']],
    ['should not read a one-word "von" value on a page without a headline', '<div class="page"><p>von Ostern</p></div>', []],
    ['should not read "By the way" on a page without a headline', '<div class="page"><p>By the way, this is text.</p></div>', []],
    ['should read a name after a screen-reader "By" label between meta items', `<h1>T</h1>${'<p>Text.</p>'.repeat(50)}<div class="meta"><span class="screen-reader-text">| By </span><span>Mara Lindqvist</span> | <time>May 2, 2021</time></div>`, ['Mara Lindqvist']],
    ['should read the name credited for an interview', '<h1>T</h1><p>Text.</p><div class="credits"><div>Interview</div><div>OLE BERG</div></div>', ['OLE BERG']],
    ['should read a label indented by its template', `<h1>T</h1><p>Text.</p><div class="credits"><div>\n                Text            </div>\n<div>\n   Ole Berg   </div></div>`, ['Ole Berg']],
    ['should read a full name set after the date under the headline', '<h1>T</h1><p class="text-muted">11.12.2019 - Mara Lindqvist</p><p>Story.</p>', ['Mara Lindqvist']],
    ['should not read a one-word category after the date under the headline', '<h1>T</h1><p>11.12.2019 - Pressemitteilung</p><p>Story.</p>', []],
    ['should not read a heading that opens with "Von" as a byline', '<h1>T</h1><p>Text.</p><h3>Von Atemschutzmaske über Exit-Strategie und Kontaktverbot bis Zoonose</h3>', []],
    ['should read a name with its particles', '<h1>T</h1><div class="byline">Von Ursula von der Leyen</div>', ['Ursula von der Leyen']],
    ['should read the byline part of a meta line', '<h1>T</h1><div class="meta">Published 3 hours ago · By <a href="/a/jd">Jane Doe</a>, Political Correspondent</div><p>Story.</p>', ['Jane Doe']],
    ['should read an unclassed Korean reporter line under the headline', '<h1>제목</h1><div class="info"><span>홍길동 기자</span><span>입력 2025.11.15 08:47</span><span>조회수 1,234</span></div><p>본문.</p>', ['홍길동']],
    ['should not read a sentence about a reporter under the headline as a byline', '<h1>제목</h1><p>홍길동 기자가 현장을 찾았다.</p><p>본문.</p>', []],
    ['should read the names of a Korean reporter line in a byline box', '<h1>제목</h1><div class="byline"><em>[한빛일보 홍길동 기자]</em></div><p>본문.</p>', ['홍길동']],
    ['should skip author biographies', `<h1>T</h1><div class="author-bio">${'Jane writes about things. '.repeat(3)}</div>`, []],
  ];
  for (const [title, value, expected] of cases) {
    it(title, () => assert.deepEqual(namesOf(value), expected));
  }
});

describe('findBylineNames: parts set apart', () => {
  it('should not take a label of an author box for a name set apart', () => {
    assert.ok(!namesOf('<h1>T</h1><div class="post-author"><span>Zur Person</span><a href="/all">Alle Beiträge</a><h4>PETA-Team</h4></div>').includes('Zur Person'));
  });
});

describe('findBylineNames with the page title', () => {
  it('should take the <h2> that repeats the title as the headline when the <h1> is the site logo', () => {
    const document = parseHtmlDocument(`<!doctype html><html><head><title>Remembering the first stones laid in the old town</title></head><body>
      <header><h1>Example Mag</h1></header>${'<div><p>Menu item</p></div>'.repeat(50)}
      <h2>Remembering the first stones laid in the old town</h2><p class="bodytext">Von Erika Mustermann</p><p>Story text.</p></body></html>`);
    const root = document.documentElement as unknown as BylineEl;
    assert.deepEqual(findBylineNames(root, readLayout(root as never, 'Remembering the first stones laid in the old town')), ['Erika Mustermann']);
  });
  it('should take the <h2> that repeats a short Korean title as the headline', () => {
    const document = parseHtmlDocument(`<!doctype html><html lang="ko"><head><title>방파제 예산 통과 - 한빛일보</title></head><body>
      <header><h1>한빛일보</h1></header>${'<div><p>메뉴</p></div>'.repeat(50)}
      <h2>방파제 예산 통과</h2><p>글=홍길동 기자</p><p>본문.</p></body></html>`);
    const root = document.documentElement as unknown as BylineEl;
    assert.equal(readLayout(root as never, '방파제 예산 통과 - 한빛일보').headline?.tagName, 'H2');
  });
  it('should not take a one-word section heading that the title contains for the headline', () => {
    const document = parseHtmlDocument(`<!doctype html><html><head><title>Heat pumps in old houses - when they pay off</title></head><body>
      <nav><h3>Pumps</h3></nav><h1>Do heat pumps suit old houses?</h1><div class="byline">By Jane Roe</div><p>Story.</p></body></html>`);
    const root = document.documentElement as unknown as BylineEl;
    assert.equal(readLayout(root as never, 'Heat pumps in old houses - when they pay off').headline?.tagName, 'H1');
  });
});
