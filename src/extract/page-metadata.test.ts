import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { cleanAuthorName, readPageMetadata, type MetaDocument } from './page-metadata.ts';

describe('cleanAuthorName', () => {
  const cases: [string, string][] = [
    ['Dan Goodin - Apr 16, 2015 8:02 pm UTC', 'Dan Goodin'],
    ['Steven Musil January 18, 2017 11:00 PM PST @stevenmusil', 'Steven Musil'],
    ['por César Salza', 'César Salza'],
    ['By Jane Doe', 'Jane Doe'],
    ['안혜원 기자', '안혜원'],
    ['Jane Doe and Kiran C Nair - Safe Browsing team', 'Jane Doe and Kiran C Nair'],
    ['Jean-Luc Roe', 'Jean-Luc Roe'],
    ['Jane Doe - John Roe', 'Jane Doe - John Roe'],
    ['산책자 2025. 11. 15. 9:30', '산책자'],
    ['Jane Doe 2025. 11. 15.', 'Jane Doe'],
    ['Sage Lazzaro • 12/16/16 12:21pm', 'Sage Lazzaro'],
    ['Jane Doe | 4/5/2020', 'Jane Doe'],
    ['Jane Doe 24/7', 'Jane Doe 24/7'],
    ['by Duncan Bell / January 19, 2017 / Leave a comment', 'Duncan Bell'],
    ['Jane Doe /', 'Jane Doe'],
    ['AC/DC', 'AC/DC'],
    ['👤 by BWW News Desk', 'BWW News Desk'],
    ['✍ Jane Doe', 'Jane Doe'],
  ];
  for (const [value, expected] of cases) {
    it(`should clean ${JSON.stringify(value)}`, () => assert.equal(cleanAuthorName(value), expected));
  }
});

describe('readPageMetadata', () => {
  it('should rank Dublin Core and property values first, and decode double-encoded entities', () => {
    const document = parseHtmlDocument(`<html><head><title>Title Element</title>
      <meta name="og:title" content="Open Graph name title"><meta name="DC.title" content="DC name title">
      <meta property="dc:title" content="DC property title"><meta property="og:description" content="It&amp;#039;s here">
      </head><body></body></html>`);
    const value = readPageMetadata(document as unknown as MetaDocument, []);
    assert.equal(value.title, 'DC property title');
    assert.equal(value.documentTitle, 'Title Element');
    assert.equal(value.excerpt, "It's here");
  });
  it('should take a fuller description the page declares over a share line of a few words', () => {
    const full = 'I tried the new headset, and just like the first smartphone over a decade ago, there is no going back from here.';
    const page = (og: string) => parseHtmlDocument(`<html><head><title>T</title><meta property="og:description" content="${og}"><meta name="description" content="${full}"></head><body></body></html>`);
    assert.equal(readPageMetadata(page('No going back from here.') as unknown as MetaDocument, []).excerpt, full);
    // A share line as full as the other stays first.
    const og = 'The first hands-on with the headset shows a device that is ready for people to use every day.';
    assert.equal(readPageMetadata(page(og) as unknown as MetaDocument, []).excerpt, og);
  });
  it('should name every author a repeated meta tag names, Dublin Core creators surname first', () => {
    const page = (metas: string) => parseHtmlDocument(`<html><head><title>T</title>${metas}</head><body></body></html>`) as unknown as MetaDocument;
    const names = (metas: string) => readPageMetadata(page(metas), []).authors.map((a) => a.name);
    assert.deepEqual(names('<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">'), ['F. Kooman', 'Michiel de Jong']);
    assert.deepEqual(names('<meta property="article:author" content="Jane Roe"><meta property="article:author" content="Max Mustermann">'), ['Jane Roe', 'Max Mustermann']);
    // Two people listed in one creator tag are not one name written surname first.
    assert.deepEqual(names('<meta name="DC.Creator" content="Jane Roe, Max Mustermann">'), ['Jane Roe', 'Max Mustermann']);
  });
  it('should prefer the JSON-LD name when the headline is a description and the name matches <title>', () => {
    const document = parseHtmlDocument('<html><head><title>New Zealand - Wikipedia</title></head><body></body></html>');
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', name: 'New Zealand', headline: 'constitutional monarchy in Oceania' });
    assert.equal(readPageMetadata(document as unknown as MetaDocument, [ld]).title, 'New Zealand');
  });
  it('should date the page from a JSON-LD WebPage node when no article node dates it', () => {
    const document = parseHtmlDocument('<html><head><title>T</title></head><body></body></html>');
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'S' }, { '@type': 'WebPage', datePublished: '2014-03-17T01:44:37+00:00' }] });
    assert.equal(readPageMetadata(document as unknown as MetaDocument, [ld]).publishedAt, '2014-03-17T01:44:37.000Z');
  });
  it('should follow JSON-LD @id references to the author and publisher nodes of an @graph', () => {
    const document = parseHtmlDocument('<html><head><title>T</title></head><body></body></html>');
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://example.org/#org', name: 'Example Daily' },
        { '@type': 'NewsArticle', headline: 'H', author: [{ '@id': 'https://example.org/#/person/1' }], publisher: { '@id': 'https://example.org/#org' } },
        { '@type': 'Person', '@id': 'https://example.org/#/person/1', name: 'Jane Roe' },
      ],
    });
    const value = readPageMetadata(document as unknown as MetaDocument, [ld]);
    assert.deepEqual(value.authors, [{ name: 'Jane Roe' }]);
    assert.equal(value.siteName, 'Example Daily');
  });
  it('should read the article a JSON-LD WebPage names as its main entity', () => {
    const document = parseHtmlDocument('<html><head><title>T</title></head><body></body></html>');
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebPage', mainEntity: { '@type': 'NewsArticle', headline: 'H', author: { '@type': 'Person', name: 'Jane Roe' }, datePublished: '2025-11-15T08:47:00+09:00' } });
    const value = readPageMetadata(document as unknown as MetaDocument, [ld]);
    assert.deepEqual(value.authors, [{ name: 'Jane Roe' }]);
    assert.equal(value.publishedAt, '2025-11-15T08:47:00.000+09:00');
  });
  it('should take the author of a page that is one recipe, how-to or video', () => {
    const document = parseHtmlDocument('<html><head><title>T</title></head><body></body></html>');
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Recipe', name: 'Mandarin cake', author: { '@type': 'Person', name: 'Jane Roe' }, datePublished: '2020-01-02' });
    assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, [ld]).authors, [{ name: 'Jane Roe' }]);
    const person = JSON.stringify({ '@type': 'Person', name: 'Not An Author' });
    assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, [person]).authors, [], 'a Person node is not a page with an author');
  });
  it("should take the full name a JSON-LD Person's biography opens with when its name is a first name only", () => {
    const document = parseHtmlDocument('<html><head><title>T</title></head><body></body></html>');
    const person = (name: string, description: string) =>
      JSON.stringify({ '@graph': [{ '@type': 'BlogPosting', headline: 'H', author: { '@id': '#p' } }, { '@type': 'Person', '@id': '#p', name, description }] });
    const authors = (name: string, description: string) => readPageMetadata(document as unknown as MetaDocument, [person(name, description)]).authors;
    assert.deepEqual(authors('Mara', 'Mara Lindqvist writes about city planning.'), [{ name: 'Mara Lindqvist' }]);
    assert.deepEqual(authors('Tom', 'Tom van Halen - Ingenieur und Radfahrer'), [{ name: 'Tom' }]);
    assert.deepEqual(authors('Ole', 'Ole Berg - Ingenieur, Radfahrer'), [{ name: 'Ole Berg' }]);
    // Three capitalised words could be a name and a title: not guessed.
    assert.deepEqual(authors('Anna', 'Anna Schmidt Freie Autorin'), [{ name: 'Anna' }]);
    assert.deepEqual(authors('Jane Roe', 'Jane Roe Smith is a reporter.'), [{ name: 'Jane Roe' }]);
  });
  it('should rank og:site_name before a publisher the JSON-LD names by reference', () => {
    const document = parseHtmlDocument('<html><head><title>T</title><meta property="og:site_name" content="The Site"></head><body></body></html>');
    const ld = JSON.stringify({ '@graph': [{ '@type': 'Organization', '@id': '#org', name: 'Web Agency Ltd' }, { '@type': 'Article', headline: 'H', publisher: { '@id': '#org' } }] });
    assert.equal(readPageMetadata(document as unknown as MetaDocument, [ld]).siteName, 'The Site');
  });
  it('should read the author of a JSON-LD WebPage node when the graph has no article node', () => {
    const document = parseHtmlDocument('<html><head><title>T</title></head><body></body></html>');
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', '@id': 'https://example.org/a/#webpage', author: { '@id': 'https://example.org/#/person/2' } }, { '@type': ['Person'], '@id': 'https://example.org/#/person/2', name: 'John Doe' }] });
    assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, [ld]).authors, [{ name: 'John Doe' }]);
  });
  it('should replace a login or a first name in the metadata by the full name the page writes', () => {
    for (const [meta, byline] of [['jane_roe', 'Jane Roe'], ['박준호', '박준호'], ['janeroe', 'Jane Roe'], ['Jane', 'Jane Roe'], ['gabor_munier', 'Gàbor Muniér']]) {
      const document = parseHtmlDocument(`<html><head><title>T</title><meta name="author" content="${meta}"></head><body><h1>T</h1><div class="byline">By ${byline}</div></body></html>`);
      assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, []).authors, [{ name: byline }]);
    }
  });
  it('should replace a login by the name the page writes in a link to its profile', () => {
    const page = (link: string) => `<html><head><title>T</title></head><body><h1>T</h1><div class="meta">${link}</div></body></html>`;
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', headline: 'T', author: 'CC7567' });
    const read = (html: string) => readPageMetadata(parseHtmlDocument(html) as unknown as MetaDocument, [ld]).authors;
    assert.deepEqual(read(page('<a href="https://fandom.example/u/CC7567">James Akinaka</a>')), [{ name: 'James Akinaka' }]);
    assert.deepEqual(read(page('<a href="/@cc7567/">James Akinaka</a>')), [{ name: 'James Akinaka' }]);
    // Links to other profiles, and link words that are no name, leave the login as it is.
    assert.deepEqual(read(page('<a href="/u/CC7568">James Akinaka</a>')), [{ name: 'CC7567' }]);
    assert.deepEqual(read(page('<a href="/u/CC7567">View Profile</a>')), [{ name: 'CC7567' }]);
    assert.deepEqual(read(page('<a href="/u/CC7567">james akinaka</a>')), [{ name: 'CC7567' }]);
    // A capitalized word is a name or a desk, not a login: a link to a page of that name is no profile.
    const desk = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', headline: 'T', author: 'Redaktion' });
    const html = page('<a href="/redaktion">Unser Team</a>');
    assert.deepEqual(readPageMetadata(parseHtmlDocument(html) as unknown as MetaDocument, [desk]).authors, [{ name: 'Redaktion' }]);
  });
  it('should keep a one-word metadata author when the page names nobody fuller', () => {
    const document = parseHtmlDocument('<html><head><title>T</title><meta name="author" content="jane_roe"></head><body><h1>T</h1><div class="byline">By John Doe</div></body></html>');
    assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, []).authors, [{ name: 'jane_roe' }]);
  });
  it('should add the co-authors the meta tags list beside the JSON-LD author they also name', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'T', author: { '@type': 'Person', name: 'Jane Roe', url: 'https://example.org/jane' } });
    const read = (meta: string, byline = '') =>
      readPageMetadata(parseHtmlDocument(`<html><head><title>T</title><meta name="author" content="${meta}"></head><body><h1>T</h1>${byline}</body></html>`) as unknown as MetaDocument, [ld]).authors.map((a) => a.name);
    assert.deepEqual(read('Jane Roe, John O&#x27;Doe'), ['Jane Roe', "John O'Doe"]);
    assert.deepEqual(read('John O&#x27;Doe, Jane Roe'), ['Jane Roe', "John O'Doe"], 'the JSON-LD author stays first');
    assert.deepEqual(read('Mary Major, John Doe'), ['Jane Roe'], 'a list that leaves the JSON-LD author out is another reading');
    assert.deepEqual(read('Jane Roe,JR'), ['Jane Roe'], 'initials are no second author');
    assert.deepEqual(read('Jane Roe', '<div class="byline">By Jane Roe and Max Mustermann, Senior Staff Writer</div>'), ['Jane Roe'], 'a byline in the page adds nobody');
  });
  it('should take the markup a page engine leaves out of declared descriptions, and keep headlines as written', () => {
    const ld = (fields: object) => JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...fields });
    const read = (head: string, fields: object) => readPageMetadata(parseHtmlDocument(`<html><head><title>T</title>${head}</head><body></body></html>`) as unknown as MetaDocument, [ld(fields)]);
    const blurb = read('', { headline: 'How <script> tags run', description: 'An overnight crash closed two lanes and<a class="excerpt-read-more" href="https://example.org/a">Read More</a>' });
    assert.equal(blurb.excerpt, 'An overnight crash closed two lanes and');
    // A headline's "<" may be the story's own words: it is escaped where it is shown, not rewritten.
    assert.equal(blurb.title, 'How <script> tags run');
    assert.equal(read('<meta property="og:title" content="Why &lt;b&gt; is bold">', {}).title, 'Why <b> is bold');
    assert.equal(read('<meta property="og:description" content="&lt;p&gt;Die Lage ist &lt;b&gt;ernst&lt;/b&gt;.&lt;/p&gt;">', {}).excerpt, 'Die Lage ist ernst.');
    assert.equal(read('<meta name="description" content="Line one<br/>line two">', {}).excerpt, 'Line one line two');
    // Titles of works in angle brackets are text.
    assert.equal(read('<meta property="og:description" content="&lt;The Palace: Tale of Jang Noksu&gt; returns to the stage.">', {}).excerpt, '<The Palace: Tale of Jang Noksu> returns to the stage.');
    assert.equal(read('', { description: '영화 <기생충> 흑백판 개봉, x < y and y > z' }).excerpt, '영화 <기생충> 흑백판 개봉, x < y and y > z');
  });
  it('should decode accented letters written as named entities in metadata', () => {
    const document = parseHtmlDocument('<html><head><title>T</title><meta name="author" content="Redacci&amp;oacute;n Gro&amp;szlig;"></head><body></body></html>');
    assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, []).authors, [{ name: 'Redacción Groß' }]);
  });
  it('should read publication dates under vendor meta names', () => {
    const cases: [string, string][] = [
      ['<meta name="shareaholic:article_published_time" content="2014-03-17T01:44:37+01:00">', '2014-03-17T01:44:37.000+01:00'],
      ["<meta name='sw-pubdate' content='2021-11-19'>", '2021-11-19T00:00:00.000Z'],
      ['<meta name="publication_date" content="2022-02-08T14:00:00">', '2022-02-08T14:00:00.000Z'],
      ['<meta itemprop="uploadDate" content="2019-10-16T18:15:00Z">', '2019-10-16T18:15:00.000Z'],
    ];
    for (const [value, expected] of cases) {
      const document = parseHtmlDocument(`<html><head><title>T</title>${value}</head><body></body></html>`);
      assert.equal(readPageMetadata(document as unknown as MetaDocument, []).publishedAt, expected, value);
    }
  });
  it("should not take the author or date of a photo's ImageObject for the page's", () => {
    const document = parseHtmlDocument(`<html><head><title>T</title><meta name="author" content="Jane Doe"></head><body>
      <div itemscope itemtype="http://schema.org/ImageObject"><img src="/p.jpg"><meta itemprop="author" content="Jim Roe | The Post | Getty Images"><meta itemprop="datePublished" content="2016-12-19T14:25:04-05:00"></div>
      <div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2016-12-20T10:32:57-05:00"></div></body></html>`);
    const value = readPageMetadata(document as unknown as MetaDocument, []);
    assert.deepEqual(value.authors, [{ name: 'Jane Doe' }]);
    assert.equal(value.publishedAt, '2016-12-20T10:32:57.000-05:00');
  });
  it('should take the date a page shows over a bare <meta name="date"> a day or more later (the page\'s last change), not otherwise', () => {
    const page = (meta: string, shown: string) =>
      readPageMetadata(parseHtmlDocument(`<html lang="de"><head><title>T</title><meta name="date" content="${meta}"></head><body><h1>T</h1><p class="date">${shown}</p><p>Text.</p></body></html>`) as unknown as MetaDocument, []).publishedAt;
    assert.equal(page('2020-02-12', '05.02.2020'), '2020-02-05T00:00:00.000Z');
    assert.equal(page('2020-02-12T10:00:00Z', '12.02.2020'), '2020-02-12T10:00:00.000Z');
    assert.equal(page('2020-02-12', '19.02.2020'), '2020-02-12T00:00:00.000Z');
    // A date the page declares as its publication date stays whatever the page shows.
    const declared = parseHtmlDocument('<html><head><meta property="article:published_time" content="2020-02-12T00:00:00Z"></head><body><h1>T</h1><p class="date">05.02.2020</p></body></html>');
    assert.equal(readPageMetadata(declared as unknown as MetaDocument, []).publishedAt?.slice(0, 10), '2020-02-12');
  });
  it("should read a Korean page's declared time without a zone as KST, and one with a zone as written", () => {
    const page = (lang: string, value: string) => readPageMetadata(parseHtmlDocument(`<html lang="${lang}"><head><meta property="article:published_time" content="${value}"></head><body></body></html>`) as unknown as MetaDocument, []).publishedAt;
    assert.equal(page('ko', '2025-11-15T08:47:00'), '2025-11-15T08:47:00.000+09:00');
    assert.equal(page('ko-KR', '2025-11-15 08:47:00'), '2025-11-15T08:47:00.000+09:00');
    assert.equal(page('ko', '2025-11-14T23:47:00Z'), '2025-11-14T23:47:00.000Z');
    assert.equal(page('en', '2025-11-15T08:47:00'), '2025-11-15T08:47:00.000Z');
    // Japanese and Chinese pages keep one zone too.
    assert.equal(page('ja', '2025-11-15T08:47:00'), '2025-11-15T08:47:00.000+09:00');
    assert.equal(page('zh-CN', '2025-11-15 08:47'), '2025-11-15T08:47:00.000+08:00');
  });
  it('should read an author value that is a Korean reporter line as its reporters, outlet and address', () => {
    const authorsOf = (value: string) => readPageMetadata(parseHtmlDocument(`<html lang="ko"><head><meta name="author" content="${value}"></head><body></body></html>`) as unknown as MetaDocument, []).authors;
    assert.deepEqual(authorsOf('홍길동 기자 hong@hanbit.example'), [{ name: '홍길동', email: 'hong@hanbit.example' }]);
    assert.deepEqual(authorsOf('한빛일보 홍길동 기자'), [{ name: '홍길동', outlet: '한빛일보' }]);
    assert.deepEqual(authorsOf('홍길동,김철수 기자'), [{ name: '홍길동' }, { name: '김철수' }]);
    assert.deepEqual(authorsOf('홍길동 기자, 김철수 기자'), [{ name: '홍길동' }, { name: '김철수' }]);
  });
  it('should not take a modification meta name for a publication date', () => {
    const document = parseHtmlDocument('<html><head><meta property="og:updated_time" content="2022-01-26T14:35:56+01:00"></head><body></body></html>');
    const value = readPageMetadata(document as unknown as MetaDocument, []);
    assert.equal(value.publishedAt, undefined);
    assert.equal(value.modifiedAt, '2022-01-26T14:35:56.000+01:00');
  });
  it('should read the author of a "Written by" Twitter card label', () => {
    const document = parseHtmlDocument('<html><head><meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr"></head><body></body></html>');
    assert.deepEqual(readPageMetadata(document as unknown as MetaDocument, []).authors, [{ name: 'Karoline Herr' }]);
  });
  it('should keep an outlet named as the author aside when the page names a person', () => {
    const document = parseHtmlDocument('<html><head><meta property="og:site_name" content="Example Times"><meta name="author" content="Example Times"></head><body><h1>T</h1><p class="byline">By Jane Doe</p></body></html>');
    const value = readPageMetadata(document as unknown as MetaDocument, [], 'https://www.example.com/a');
    assert.deepEqual(value.authors, [{ name: 'Jane Doe' }]);
    assert.deepEqual(value.outletAuthors, [{ name: 'Example Times' }]);
  });
});
