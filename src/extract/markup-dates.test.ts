import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { bylineDate, dateFromUrl, labelledDates, readMarkupDates, type DateEl } from './markup-dates.ts';
import { readLayout } from './page-parts.ts';

/** Reads the markup dates of a small page body. */
function datesOf(body: string) {
  const document = parseHtmlDocument(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  return readMarkupDates(document.documentElement as unknown as DateEl);
}

describe('readMarkupDates', () => {
  it('should read a date written without Hangul in KST on a page declared Korean', () => {
    const page = (lang: string) => parseHtmlDocument(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body><h1>제목</h1><span class="date">2025. 11. 15. 08:47</span></body></html>`);
    assert.equal(readMarkupDates(page('ko').documentElement as unknown as DateEl).published, '2025-11-15T08:47:00.000+09:00');
    assert.equal(readMarkupDates(page('ko-KR').documentElement as unknown as DateEl).published, '2025-11-15T08:47:00.000+09:00');
    assert.equal(readMarkupDates(page('de').documentElement as unknown as DateEl).published, '2025-11-15T08:47:00.000Z');
  });
  const cases: [string, string, string | undefined][] = [
    ['should read itemprop="datePublished" from its text', '<h1>T</h1><div class="date" itemprop="datePublished">20.06.2019 11:43</div>', '2019-06-20T11:43:00.000Z'],
    ['should read the title of abbr.published', "<h1>T</h1><abbr class='published' title='2018-06-05T08:00:00-07:00'>08:00</abbr>", '2018-06-05T08:00:00.000-07:00'],
    ['should read a German label', '<h1>T</h1><div class="entry-meta">Veröffentlicht am <a href="/x">5. April 2017</a></div>', '2017-04-05T00:00:00.000Z'],
    ['should read a Korean label in KST', '<h1>제목</h1><span class="info">입력 2025.11.15 08:47</span>', '2025-11-15T08:47:00.000+09:00'],
    ['should read a bare date in a date-classed element', '<h1>T</h1><p class="postmeta">3. August 2015 · Filed under x</p>', '2015-08-03T00:00:00.000Z'],
    ['should read a bare date set just above the headline, even in a teaser-classed header', '<div class="header"><h3 class="teaser-meta">02.01.2022</h3><h1>T</h1></div><p>Text.</p>', '2022-01-02T00:00:00.000Z'],
    ['should read a date opening a date-classed line above the headline, share icons between', '<div class="news-single-timedata">05.02.2020 <span>- Redaktion: Jane Roe (Sprecherin)</span></div><div class="sharing">' + '<a href="#"><span class="icon"></span></a>'.repeat(8) + '</div><h1>T</h1><p>Text.</p>', '2020-02-05T00:00:00.000Z'],
    ['should not take a logo <h1> without words for the headline', '<h1><a href="/"><img src="/logo.png" alt="Site"></a></h1><ul>' + '<li><a href="/s">Section</a></li>'.repeat(40) + '</ul><h1>T</h1><div class="date">25. Januar 2022 (DJV) Berlin und Umgebung</div><p>Text.</p>', '2022-01-25T00:00:00.000Z'],
    ['should read the date of a meta line whose name and date touch', '<h1>T</h1><div class="article-meta"><span class="name">Jane Doe</span><span class="date">November 15, 2025</span></div><p>Text.</p>', '2025-11-15T00:00:00.000Z'],
    ['should not take the AM of a clock after a byline for the German "am" of a dated byline', '<h1>T</h1><div class="byline">By JANE DOE and JOHN ROE Updated 8:47 AM EST, November 15, 2025</div><p>Text.</p>', undefined],
    ['should read a dated byline whose name ends in a digit', '<h1>T</h1><span class="autor">von <a href="/u/m">Marianne1</a><br> am 20.09.2020</span><p>Text.</p>', '2020-09-20T00:00:00.000Z'],
    ['should read the date a <details> summary shows over the modification its body tells', '<h1>T</h1><div class="meta"><details><summary>Sat 15 Nov 2025 08.47 GMT</summary><div>Last modified on Sat 15 Nov 2025 10.02 GMT</div></details></div><p>Text.</p>', '2025-11-15T08:47:00.000Z'],
    ['should read the datetime of a <time> that shows only its clock', '<h1>T</h1><div class="meta"><time datetime="2025-11-15T10:05:00Z">10:05</time></div><p>Text.</p>', '2025-11-15T10:05:00.000Z'],
    ['should not read a bare date far above the headline', '<div class="x"><p>02.01.2022</p></div>' + '<p>a</p>'.repeat(10) + '<h1>T</h1><p>Text.</p>', undefined],
    ['should read a date opening a header line under the headline', '<h1>T<br><small><span class="icon"></span> 02.02.2022 • <span class="category">Verband, Presse, Allgemein, Nachrichten aus der Region und dem ganzen Land, Berichte und Meldungen aller Art aus Sport und Verein</span></small></h1><p>Text.</p>', '2022-02-02T00:00:00.000Z'],
    ['should read a numeric date opening the first paragraph', '<h1>T</h1><h3>Sub</h3><p><strong>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet“, sagte die Chefin der Behörde am Dienstag in der Hauptstadt vor der Presse.</strong></p>', '2022-02-01T00:00:00.000Z'],
    ['should read a month-name date opening a date-classed line', '<h1>T</h1><div class="date">25. Januar 2022 (DJV/FWR) Berlin/Ratingen und Umgebung</div><p>Text.</p>', '2022-01-25T00:00:00.000Z'],
    ['should read "Pressemitteilung vom" opening a long teaser under the headline', '<h1>T</h1><div class="teaser-text"><p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit mit dem Programm wird ausgebaut, sagte die Ministerin am Dienstag bei ihrem Besuch in der Zentrale des Programms in Rom.</p></div>', '2022-01-25T00:00:00.000Z'],
    ['should read the date in the block right under the headline, whatever its class says', '<h1>T</h1><div class="teaser-small__metadata"><p class="byline__author">VON <a href="/a">MORITZ G.</a> am 21. April 2020</p></div><p>Text.</p>', '2020-04-21T00:00:00.000Z'],
    ['should not read a teaser-classed block further down', '<h1>T</h1><p>Lead.</p><div class="teaser-small__metadata"><p>VON <a href="/a">ANNA B.</a> am 3. März 2020</p></div>', undefined],
    ['should read a labelled date written straight into a long container', '<div class="newsContent"><dl class="newsTitle"><dt>제목</dt></dl> 기사입력 :[ 2018-08-25 15:24 ] <div class="newsArticle">' + '본문 문장이 이어진다. '.repeat(20) + '</div></div>', '2018-08-25T15:24:00.000+09:00'],
    ['should not read an unlabelled date in the own text of a long container', '<div><h1>T</h1> Since 3 May 2020 the desk has covered the story. <p>' + 'Body text goes on. '.repeat(20) + '</p></div>', undefined],
    ['should skip dates of comments', '<h1>T</h1><p>Text</p><div class="comments-area"><time datetime="2019-10-19T14:37:24+02:00">19. Oktober 2019</time></div>', undefined],
    ['should skip dates of sidebars and related lists', '<h1>T</h1><aside><span class="date">01.02.2020</span></aside><ul class="related-posts"><li class="date">02.02.2020</li></ul>', undefined],
    ['should keep the story wrapper whose class mentions a sidebar', '<div class="page page--wsidebar"><article><h1>T</h1><time class="entry-date published" datetime="2021-11-19T10:13:50+01:00">19.11.2021</time></article></div>', '2021-11-19T10:13:50.000+01:00'],
    ['should prefer marked-up dates to labelled text', '<h1>T</h1><p class="meta">Posted on 1 May 2020</p><time pubdate datetime="2020-05-02T00:00:00Z">x</time>', '2020-05-02T00:00:00.000Z'],
    ['should read the date among the parts of a meta line under the headline', '<h1 class="post_name">T</h1><div class="post_meta"><span class="dot">⋅</span> November 22, 2011 <span class="dot">⋅</span> <a href="/e">Email this post</a> <span class="dot">⋅</span> <a href="#c">Kommentieren</a></div><p>Text.</p>', '2011-11-22T00:00:00.000Z'],
    ['should read the date of a press release\'s dateline among the parts of a line under the headline', '<h1>T</h1><p class="lead"><span>Hofheim | Wiesbaden, 11. November 2021</span> <a href="/m">Bankmagazin</a></p><p>Text.</p>', '2021-11-11T00:00:00.000Z'],
    ['should not read a date that is only part of a meta line part', '<h1>T</h1><div class="x">Jane Roe / Seit dem 22.04.2020 im Amt / Berlin</div><p>Text.</p>', undefined],
    ['should read a bare date right after the headline', '<h1>T</h1><p>January 22, 2014</p><p>A generally accepted myth.</p>', '2014-01-22T00:00:00.000Z'],
    ['should read the date a first paragraph opens with', `<h1>T</h1><p>29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt. ${'Lorem ipsum dolor sit amet. '.repeat(8)}</p>`, '2022-11-29T00:00:00.000Z'],
    ['should not read a bare date far from the headline without a date class', `<h1>T</h1>${'<p>Text.</p>'.repeat(40)}<p>January 22, 2014</p>`, undefined],
    ['should read a date marked up in the footer of an article', '<article><h3 class="post-title">T</h3><div class="post-body">x</div><div class="post-footer"><abbr class="published" itemprop="datePublished" title="2019-10-16T14:33:00-07:00">2:33 PM</abbr></div></article>', '2019-10-16T14:33:00.000-07:00'],
    ['should not read the date of the page footer', '<h1>T</h1><p>x</p><footer><span class="date">19.12.2019</span></footer>', undefined],
    ['should read a parenthesised date opening the first paragraph', `<h1>T</h1><h5>Von Erika Muster</h5><p>(21. November 2022) Die Preise steigen weiter. ${'Lorem ipsum dolor sit amet. '.repeat(8)}</p>`, '2022-11-21T00:00:00.000Z'],
    ['should read the title of an hAtom "published" element of any tag', '<h1>T</h1><span class="published" title="2013-04-04T18:52:11+00:00"></span><p>Text.</p>', '2013-04-04T18:52:11.000Z'],
    ['should read the date of a "von … am" byline', '<h1>T</h1><p>Text.</p><span class="user">von <a href="/u/k">kestrel7</a><br> am 20.09.2020</span>', '2020-09-20T00:00:00.000Z'],
    ['should read the date of an "Author: … on" byline', '<h1>T</h1><p>Text.</p><div class="left">Author: <b>jdoe</b> on May 2, 2020</div>', '2020-05-02T00:00:00.000Z'],
    ['should not read a number as a date', '<h1>T</h1><p class="info">Stand 2000 Besucher</p>', undefined],
    ['should read the date opening a byline line ("… PST by Jane Roe")', '<h1>T</h1><div class="byline">Wednesday January 18, 2017 11:44 am PST by <a href="/author/jane-roe/">Jane Roe</a></div><p>Text.</p>', '2017-01-18T11:44:00.000-08:00'],
    ['should not read a date inside a sentence that names someone "by" name', '<h1>T</h1><div class="x">Elected in 2017 by Jane Roe and her party</div><p>Text.</p>', undefined],
  ];
  for (const [title, value, expected] of cases) {
    it(title, () => assert.equal(datesOf(value).published, expected));
  }
  it('should tell the modification date from the publication date', () => {
    const value = datesOf('<h1>T</h1><p class="date">Written: 2023-11-07 15:03:30 / Updated: 2023-11-08 10:00</p>');
    assert.deepEqual(value, { published: '2023-11-07T15:03:30.000Z', modified: '2023-11-08T10:00:00.000Z', publishedZoned: false });
  });
  it('should read a <time> classed "updated" as the modification date, unless its itemprop says otherwise or a marked one follows', () => {
    const wp = '<h1>T</h1><div class="entry-meta"><time class="entry-date published" datetime="2025-11-15T09:05:22-05:00">November 15, 2025</time><time class="updated" datetime="2025-11-16T10:00:00-05:00">November 16, 2025</time></div>';
    assert.deepEqual(datesOf(wp), { published: '2025-11-15T09:05:22.000-05:00', modified: '2025-11-16T10:00:00.000-05:00', publishedZoned: true });
    // A theme that classes the creation date "entry-date updated" too.
    const theme = '<h1>T</h1><time itemprop="dateCreated" class="entry-date updated" datetime="2019-11-20T01:22:37-05:00">11/20/19</time><time itemprop="dateModified" class="entry-date updated" datetime="2019-11-20T06:38:32-05:00">11/20/19 6:38 AM</time>';
    assert.equal(datesOf(theme).modified, '2019-11-20T06:38:32.000-05:00');
    // A date-only "updated" shown under the headline gives way to the marked value further down.
    const both = '<h1>T</h1><span class="meta"><time class="updated">October 15, 2018</time></span><p>Story text.</p><span itemprop="datePublished" content="2018-10-15T10:33:49+00:00"></span><span itemprop="dateModified">2018-10-15 10:33:49</span>';
    assert.equal(datesOf(both).modified, '2018-10-15T10:33:49.000Z');
  });
  it('should tell whether the published date was written with its zone', () => {
    assert.equal(datesOf('<h1>T</h1><p class="meta">Posted on 30 April 2019 13:10 GMT</p>').publishedZoned, true);
    assert.equal(datesOf('<h1>T</h1><div class="time">PUBLISHED: <time datetime="2023-11-08 23:30:59">November 8, 2023 at 11:30 p.m.</time></div>').publishedZoned, false);
  });
});

describe('readMarkupDates (slashed dates)', () => {
  it('should read an hAtom "updated" element with an empty text as the modification date', () => {
    const dates = datesOf('<h1>T</h1><div class="meta"><span class="updated" title="2013-04-04T18:52:11+00:00"></span></div><p>Text.</p>');
    assert.deepEqual(dates, { modified: '2013-04-04T18:52:11.000Z' });
  });
  it('should read a slashed date day first on a German page', () => {
    const document = parseHtmlDocument('<!doctype html><html lang="de"><body><h1>T</h1><span class="date">02/04/2022</span></body></html>');
    assert.equal(readMarkupDates(document.documentElement as unknown as DateEl).published, '2022-04-02T00:00:00.000Z');
  });
  it('should read a slashed date month first on an English page', () => {
    const document = parseHtmlDocument('<!doctype html><html lang="en-US"><body><h1>T</h1><span class="date">02/04/2022</span></body></html>');
    assert.equal(readMarkupDates(document.documentElement as unknown as DateEl).published, '2022-02-04T00:00:00.000Z');
  });
  it('should read a slashed date day first on a British page that declares its language in xml:lang', () => {
    const document = parseHtmlDocument('<!doctype html><html xml:lang="en-GB"><body><h1>T</h1><span class="time">02/10/2020</span></body></html>');
    assert.equal(readMarkupDates(document.documentElement as unknown as DateEl).published, '2020-10-02T00:00:00.000Z');
  });
});

describe('labelledDates', () => {
  it('should read 승인 (the time an editor released the story) as the publication date', () => {
    assert.deepEqual(labelledDates('기사승인 2024.05.01 10:20'), { published: '2024-05-01T10:20:00.000+09:00' });
  });
  it('should read 입력 and 수정 on one line', () => {
    assert.deepEqual(labelledDates('입력 2024.05.01 10:20 수정 2024.05.02 09:00'), { published: '2024-05-01T10:20:00.000+09:00', modified: '2024-05-02T09:00:00.000+09:00' });
  });
  it('should read labels written after their dates, each naming the date before it', () => {
    assert.deepEqual(labelledDates('2025-11-15 08:47 입력 · 2025-11-15 09:12 수정'), { published: '2025-11-15T08:47:00.000+09:00', modified: '2025-11-15T09:12:00.000+09:00' });
    // A sentence holding a date before a label is no such line.
    assert.deepEqual(labelledDates('Die Cookie-Erklärung wurde das letzte Mal am 02.12.2022 aktualisiert'), {});
  });
  it('should read 발행 and labels with 일 or 일자 written onto them', () => {
    assert.deepEqual(labelledDates('발행일 2025.11.15'), { published: '2025-11-15T00:00:00.000+09:00' });
    assert.deepEqual(labelledDates('입력일시 2025.11.15 08:47'), { published: '2025-11-15T08:47:00.000+09:00' });
    assert.deepEqual(labelledDates('게재 일자 : 2025년 11월 15일(토)'), { published: '2025-11-15T00:00:00.000+09:00' });
  });
});

describe('dateFromUrl', () => {
  const cases: [string, string | undefined][] = [
    ['https://example.org/2019/10/21/some-story/', '2019-10-21T00:00:00.000Z'],
    ['https://example.org/news/2020-02-19/c_11.htm', '2020-02-19T00:00:00.000Z'],
    ['https://example.org/view/20240827/story', '2024-08-27T00:00:00.000Z'],
    ['https://example.org/education/2020/oct/02/some-story', '2020-10-02T00:00:00.000Z'],
    ['https://example.org/2019/10/some-story/', undefined],
    ['https://example.org/item/12345678901', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`should read ${value}`, () => assert.equal(dateFromUrl(value), expected));
  }
});

describe('readMarkupDates with the page title', () => {
  it('should take the <h1> that repeats the title as the headline when an earlier <h1> does not', () => {
    const document = parseHtmlDocument(`<!doctype html><html><head><title>Coach cancels the spring camp | Example Sport</title></head><body>
      <div class="cookie-notice"><h1>Dear readers, we use cookies</h1></div>
      <figure class="teaser"><div class="info"><span class="date">02.02.2022</span></div><h1>Coach cancels the spring camp</h1></figure>
      <p>Story text.</p></body></html>`);
    const root = document.documentElement as unknown as DateEl;
    assert.equal(readMarkupDates(root, readLayout(root as never, 'Coach cancels the spring camp | Example Sport')).published, '2022-02-02T00:00:00.000Z');
    // Without the title the first <h1> leads, and the teaser's date counts as another story's.
    assert.equal(readMarkupDates(root).published, undefined);
  });
});

describe('bylineDate', () => {
  it("should read the publication date a byline's date line gives, in the page's way of writing dates", () => {
    assert.equal(bylineDate(['January 19, 2017'], 'en-US'), '2017-01-19T00:00:00.000Z');
    assert.match(bylineDate(['Published Nov. 15, 2025 at 8:47 a.m.'], 'en') ?? '', /^2025-11-15T08:47/);
    assert.equal(bylineDate(['02/04/2022'], 'en-US')?.slice(0, 10), '2022-02-04');
    assert.equal(bylineDate(['02/04/2022'], 'de')?.slice(0, 10), '2022-04-02');
    assert.equal(bylineDate(['2025.11.15 08:47'], 'ko'), '2025-11-15T08:47:00.000+09:00');
  });
  it('should not take a line that only says when the story was updated', () => {
    assert.equal(bylineDate(['Updated Nov. 15, 2025 at 8:47 a.m.'], 'en'), undefined);
    assert.equal(bylineDate([], 'en'), undefined);
  });
});

