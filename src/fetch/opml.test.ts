// OPML subscription lists: lenient reading of what feed readers export, refusal of what is not
// OPML (or is cut off), entity bombs kept harmless, and a lossless export → import round trip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LedeError } from '../core/errors.ts';
import { generateOpml, parseOpml, type OpmlEntry } from './opml.ts';

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News" title="News">
      <outline text="Harbor &amp; Co" title="Harbor" type="rss" xmlUrl="https://harbor.example/feed.xml?a=1&amp;b=2" htmlUrl="https://harbor.example/" language="en-US" description="Ferries &lt;daily&gt;"/>
      <outline text="Korea">
        <outline text="한빛일보" type="rss" xmlUrl="https://hanbit.example/rss" language="ko"/>
      </outline>
    </outline>
    <outline title="Only a title" xmlUrl="feed://blog.example/atom.xml"/>
    <outline text="A bookmark" type="link" url="https://bookmark.example/"/>
    <outline text="Broken" xmlUrl="javascript:alert(1)"/>
    <outline text="Again" xmlUrl="https://hanbit.example/rss"/>
    <outline text="Old" isComment="true" xmlUrl="https://old.example/rss"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('should flatten nested folders and keep each feed with its details', () => {
    const doc = parseOpml(NESTED);
    assert.equal(doc.title, 'My feeds');
    assert.deepEqual(doc.feeds, [
      {
        feedUrl: 'https://harbor.example/feed.xml?a=1&b=2',
        title: 'Harbor & Co',
        homepageUrl: 'https://harbor.example/',
        description: 'Ferries <daily>',
        language: 'en-US',
        categories: ['News'],
      },
      { feedUrl: 'https://hanbit.example/rss', title: '한빛일보', language: 'ko', categories: ['News', 'Korea'] },
      { feedUrl: 'http://blog.example/atom.xml', title: 'Only a title', categories: [] },
    ]);
  });

  it('should skip and count outlines without a usable xmlUrl', () => {
    const value = parseOpml(NESTED).skipped;
    const expected = [
      { reason: 'no-xml-url', label: 'A bookmark' },
      { reason: 'invalid-xml-url', label: 'javascript:alert(1)' },
      { reason: 'duplicate', label: 'https://hanbit.example/rss' },
      { reason: 'comment', label: 'Old' },
    ];
    assert.deepEqual(value, expected);
  });

  it('should read attributes in any case and OPML 1.0 files', () => {
    const doc = parseOpml('<OPML version="1.0"><BODY><OUTLINE TEXT="A" XMLURL="https://a.example/rss" HTMLURL="https://a.example/"/></BODY></OPML>');
    assert.deepEqual(doc.feeds, [{ feedUrl: 'https://a.example/rss', title: 'A', homepageUrl: 'https://a.example/', categories: [] }]);
  });

  it('should decode bytes in the charset the XML declaration names', () => {
    const head = Buffer.from('<?xml version="1.0" encoding="euc-kr"?><opml version="2.0"><body><outline text="');
    const tail = Buffer.from('" xmlUrl="https://hanbit.example/rss"/></body></opml>');
    const korea = Buffer.from([0xc7, 0xd1, 0xb1, 0xb9]); // "한국" in EUC-KR
    assert.equal(parseOpml(new Uint8Array(Buffer.concat([head, korea, tail]))).feeds[0]?.title, '한국');
  });

  it('should read an empty subscription list as no feeds', () => {
    assert.deepEqual(parseOpml('<opml version="2.0"><head><title>x</title></head><body/></opml>').feeds, []);
  });

  const notOpml: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['an HTML page', '<!doctype html><html><body>hi</body></html>', /HTML page/],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', /is a feed/],
    ['plain text', 'https://a.example/rss\nhttps://b.example/rss', /not XML/],
    ['a cut-off file', '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/>', /cut off/],
  ];
  for (const [name, input, message] of notOpml) {
    it(`should refuse ${name} with one clear line`, () => {
      assert.throws(
        () => parseOpml(input),
        (e: unknown) => e instanceof LedeError && e.code === 'invalid-input' && /^opml: /.test(e.message) && message.test(e.message) && !e.message.includes('\n'),
      );
    });
  }

  it('should keep an entity bomb harmless', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY l0 "ha">${levels}]><opml version="2.0"><body><outline text="&l10;" xmlUrl="https://a.example/rss"/></body></opml>`;
    const started = Date.now();
    const doc = parseOpml(bomb);
    assert.ok(Date.now() - started < 1000, 'no exponential expansion');
    assert.equal(doc.feeds.length, 1);
    assert.ok((doc.feeds[0]!.title ?? '').length < 100, 'the nested entity is not expanded');
  });

  it('should expand simple internal entities once and never read external ones', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY site "Harbor"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><opml version="2.0"><body><outline text="&site; &xxe;" xmlUrl="https://a.example/rss"/></body></opml>`;
    const title = parseOpml(xml).feeds[0]!.title ?? '';
    assert.match(title, /^Harbor /);
    assert.ok(!title.includes('root:'));
  });

  it('should refuse absurd nesting with an error, not a crash', () => {
    const depth = 200_000;
    const xml = `<opml version="2.0"><body>${'<outline text="f">'.repeat(depth)}${'</outline>'.repeat(depth)}</body></opml>`;
    assert.throws(() => parseOpml(xml), (e: unknown) => e instanceof LedeError && e.code === 'invalid-input' && /nested/i.test(e.message));
  });
});

describe('generateOpml', () => {
  const entries: OpmlEntry[] = [
    { name: 'Harbor & Co "Daily"', feedUrl: 'https://harbor.example/feed.xml?a=1&b=2', homepageUrl: 'https://harbor.example/', lang: 'en', description: 'Ferries <daily>' },
    { name: '한빛일보', feedUrl: 'https://hanbit.example/rss', lang: 'ko-KR' },
  ];

  it('should write OPML 2.0 that reads back to the same sources', () => {
    const xml = generateOpml(entries, { title: 'Lede', dateCreated: new Date('2025-01-02T03:04:05Z') });
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
    assert.match(xml, /<dateCreated>Thu, 02 Jan 2025 03:04:05 GMT<\/dateCreated>/);
    const back = parseOpml(xml);
    assert.equal(back.title, 'Lede');
    assert.deepEqual(back.skipped, []);
    const value = back.feeds.map((f) => ({ name: f.title, feedUrl: f.feedUrl, homepageUrl: f.homepageUrl, lang: f.language, description: f.description }));
    const expected = entries.map((e) => ({ name: e.name, feedUrl: e.feedUrl, homepageUrl: e.homepageUrl, lang: e.lang, description: e.description }));
    assert.deepEqual(value, expected);
  });

  it('should write a valid empty list', () => {
    const xml = generateOpml([], { title: 'A & B' });
    assert.match(xml, /<title>A &amp; B<\/title>/);
    assert.deepEqual(parseOpml(xml), { title: 'A & B', feeds: [], skipped: [] });
  });
});
