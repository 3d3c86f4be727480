import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FeedParseError } from '../core/errors.ts';
import { parseFeed } from './parse-feed.ts';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>Daily &amp; Weekly &lt;b&gt;News&lt;/b&gt;</title>
    <link>https://news.example/</link>
    <description><![CDATA[<p>All the <em>news</em></p>]]></description>
    <language>ko-KR</language>
    <lastBuildDate>Tue, 10 Jun 2003 04:00:00 GMT</lastBuildDate>
    <managingEditor>editor@news.example (Jane Editor)</managingEditor>
    <itunes:image href="https://news.example/cover.png"/>
    <item>
      <title>First &hellip; story</title>
      <link>/2003/06/first</link>
      <guid isPermaLink="false">urn:news:1</guid>
      <description>&lt;p onclick="x()"&gt;Short &lt;script&gt;alert(1)&lt;/script&gt;summary&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Body <a href="/more" onmouseover="evil()">more</a> <img src="pic.jpg"></p><iframe src="https://evil.example/"></iframe>]]></content:encoded>
      <author>reporter@news.example (Kim Reporter)</author>
      <dc:creator>Lee Writer</dc:creator>
      <category>Politics</category>
      <category domain="https://news.example/tags">Seoul</category>
      <pubDate>Mon, 09 Jun 2003 18:30:00 +0900</pubDate>
      <media:content url="https://img.news.example/first-large.jpg" medium="image" width="1200"/>
      <media:thumbnail url="https://img.news.example/first-thumb.jpg"/>
      <enclosure url="https://cdn.news.example/first.mp3" type="audio/mpeg" length="12345"/>
    </item>
    <item>
      <title>Thumbnail only</title>
      <guid>https://news.example/2003/06/second</guid>
      <media:thumbnail url="/thumbs/second.jpg"/>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/" xml:lang="en">
  <title type="html">A &lt;em&gt;blog&lt;/em&gt;</title>
  <subtitle>Plain &lt;text&gt; subtitle</subtitle>
  <link rel="self" href="/feed.atom"/>
  <link rel="alternate" type="text/html" href="/"/>
  <id>tag:blog.example,2024:feed</id>
  <updated>2024-03-01T12:00:00+01:00</updated>
  <logo>images/logo.png</logo>
  <author><name>Ann Author</name><email>ann@blog.example</email><uri>/about</uri></author>
  <entry xml:base="posts/2024/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>world</b></div></title>
    <link rel="alternate" href="hello.html"/>
    <link rel="enclosure" type="image/jpeg" href="hello.jpg" length="2048"/>
    <id>tag:blog.example,2024:1</id>
    <published>2024-02-29T23:30:00-05:00</published>
    <updated>2024-03-01T08:00:00Z</updated>
    <category term="tech" label="Technology"/>
    <summary type="text">1 &lt; 2</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="../other.html">other</a>.</p></div></content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF Site</title>
    <link>https://rdf.example/</link>
    <description>An RSS 1.0 feed</description>
    <dc:language>de</dc:language>
    <dc:date>2002-09-01T10:00:00+02:00</dc:date>
  </channel>
  <item rdf:about="https://rdf.example/a">
    <title>Item A</title>
    <link>https://rdf.example/a</link>
    <description>About A</description>
    <dc:creator>Max Muster</dc:creator>
    <dc:subject>Science</dc:subject>
    <dc:date>2002-08-31T09:00:00Z</dc:date>
  </item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON <News>',
  home_page_url: 'https://json.example/',
  feed_url: 'https://json.example/feed.json',
  language: 'fr',
  icon: '/icon.png',
  authors: [{ name: 'Jo', url: 'https://json.example/jo' }],
  items: [
    {
      id: '42',
      url: '/posts/42',
      title: 'Answer',
      content_html: '<p>Deep <script>x()</script>thought</p>',
      summary: 'A < B',
      image: 'https://json.example/42.png',
      date_published: '2024-05-01T10:00:00+02:00',
      tags: ['life', 'universe'],
      attachments: [{ url: 'https://json.example/42.mp3', mime_type: 'audio/mpeg', size_in_bytes: 99 }],
    },
  ],
});

describe('parseFeed', () => {
  it('should adapt RSS 2.0 with Media RSS, enclosures, people and categories', async () => {
    const feed = await parseFeed(RSS, { url: 'https://news.example/rss.xml' });
    assert.equal(feed.format, 'rss');
    assert.equal(feed.title, 'Daily & Weekly News');
    assert.equal(feed.description, 'All the news');
    assert.equal(feed.language, 'ko-KR');
    assert.equal(feed.updatedAt, '2003-06-10T04:00:00.000Z');
    assert.equal(feed.imageUrl, 'https://news.example/cover.png');
    assert.deepEqual(feed.authors, [{ name: 'Jane Editor', email: 'editor@news.example' }]);
    const [first, second] = feed.entries;
    assert.ok(first && second);
    assert.equal(first.id, 'urn:news:1');
    assert.equal(first.title, 'First … story');
    assert.equal(first.link, 'https://news.example/2003/06/first');
    assert.equal(first.publishedAt, '2003-06-09T09:30:00.000Z');
    assert.deepEqual(first.authors, [{ name: 'Kim Reporter', email: 'reporter@news.example' }, { name: 'Lee Writer' }]);
    assert.deepEqual(first.categories, ['Politics', 'Seoul']);
    assert.deepEqual(first.enclosures, [
      { url: 'https://cdn.news.example/first.mp3', type: 'audio/mpeg', length: 12345 },
      { url: 'https://img.news.example/first-large.jpg' }, // media:content is Media RSS's enclosure
    ]);
    assert.equal(first.imageUrl, 'https://img.news.example/first-large.jpg');
    assert.equal(first.summary, '<p>Short summary</p>');
    assert.ok(first.contentHtml);
    assert.doesNotMatch(first.contentHtml, /onmouseover|iframe|<script/);
    assert.match(first.contentHtml, /href="https:\/\/news\.example\/more"/);
    assert.match(first.contentHtml, /src="https:\/\/news\.example\/2003\/06\/pic\.jpg"|src="https:\/\/news\.example\/pic\.jpg"/);
    assert.equal(second.link, 'https://news.example/2003/06/second', 'a permalink guid serves as link');
    assert.equal(second.imageUrl, 'https://news.example/thumbs/second.jpg');
  });

  it('should adapt Atom, resolving relative links against nested xml:base', async () => {
    const feed = await parseFeed(ATOM, { url: 'https://elsewhere.example/feed' });
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'A blog');
    assert.equal(feed.description, 'Plain <text> subtitle');
    assert.equal(feed.link, 'https://blog.example/');
    assert.equal(feed.language, 'en');
    assert.equal(feed.imageUrl, 'https://blog.example/images/logo.png');
    assert.equal(feed.updatedAt, '2024-03-01T11:00:00.000Z');
    assert.deepEqual(feed.authors, [{ name: 'Ann Author', email: 'ann@blog.example', url: 'https://blog.example/about' }]);
    const entry = feed.entries[0];
    assert.ok(entry);
    assert.equal(entry.title, 'Hello world');
    assert.equal(entry.link, 'https://blog.example/posts/2024/hello.html');
    assert.equal(entry.publishedAt, '2024-03-01T04:30:00.000Z');
    assert.equal(entry.updatedAt, '2024-03-01T08:00:00.000Z');
    assert.deepEqual(entry.categories, ['tech']);
    assert.deepEqual(entry.enclosures, [{ url: 'https://blog.example/posts/2024/hello.jpg', type: 'image/jpeg', length: 2048 }]);
    assert.equal(entry.imageUrl, 'https://blog.example/posts/2024/hello.jpg');
    assert.equal(entry.summary, '1 &lt; 2');
    assert.match(entry.contentHtml ?? '', /href="https:\/\/blog\.example\/posts\/other\.html"/);
  });

  it('should adapt RDF (RSS 1.0)', async () => {
    const feed = await parseFeed(RDF);
    assert.equal(feed.format, 'rdf');
    assert.equal(feed.title, 'RDF Site');
    assert.equal(feed.language, 'de');
    assert.equal(feed.updatedAt, '2002-09-01T08:00:00.000Z');
    const item = feed.entries[0];
    assert.ok(item);
    assert.equal(item.id, 'https://rdf.example/a');
    assert.equal(item.link, 'https://rdf.example/a');
    assert.equal(item.summary, 'About A');
    assert.deepEqual(item.authors, [{ name: 'Max Muster' }]);
    assert.deepEqual(item.categories, ['Science']);
    assert.equal(item.publishedAt, '2002-08-31T09:00:00.000Z');
  });

  it('should adapt JSON Feed 1.1', async () => {
    const feed = await parseFeed(new TextEncoder().encode(JSON_FEED));
    assert.equal(feed.format, 'json');
    assert.equal(feed.title, 'JSON <News>', 'JSON Feed titles are plain text');
    assert.equal(feed.link, 'https://json.example/');
    assert.equal(feed.imageUrl, 'https://json.example/icon.png');
    assert.deepEqual(feed.authors, [{ name: 'Jo', url: 'https://json.example/jo' }]);
    const item = feed.entries[0];
    assert.ok(item);
    assert.equal(item.id, '42');
    assert.equal(item.link, 'https://json.example/posts/42');
    assert.equal(item.contentHtml, '<p>Deep thought</p>');
    assert.equal(item.summary, 'A &lt; B');
    assert.equal(item.publishedAt, '2024-05-01T08:00:00.000Z');
    assert.deepEqual(item.categories, ['life', 'universe']);
    assert.deepEqual(item.enclosures, [{ url: 'https://json.example/42.mp3', type: 'audio/mpeg', length: 99 }]);
    assert.equal(item.imageUrl, 'https://json.example/42.png');
  });

  it('should decode an EUC-KR feed given as bytes from its XML declaration', async () => {
    // "한국어" in EUC-KR.
    const hangul = [0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee];
    const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
    const bytes = Uint8Array.from([
      ...ascii('<?xml version="1.0" encoding="euc-kr"?><rss version="2.0"><channel><title>'),
      ...hangul,
      ...ascii('</title><item><title>'),
      ...hangul,
      ...ascii(' 1</title></item></channel></rss>'),
    ]);
    const feed = await parseFeed(bytes);
    assert.equal(feed.title, '한국어');
    assert.equal(feed.entries[0]?.title, '한국어 1');
    // The Content-Type charset, when given, decides.
    const viaHeader = await parseFeed(
      Uint8Array.from([...ascii('<rss version="2.0"><channel><title>'), ...hangul, ...ascii('</title></channel></rss>')]),
      { contentType: 'application/rss+xml; charset=cp949' },
    );
    assert.equal(viaHeader.title, '한국어');
  });

  it('should throw FeedParseError for input that is not a feed', async () => {
    for (const value of ['<!doctype html><html><body><p>Hi</p></body></html>', 'just text', '', '{"a":1}', '<root><x/></root>']) {
      await assert.rejects(parseFeed(value), (e: unknown) => {
        assert.ok(e instanceof FeedParseError, `${JSON.stringify(value)}: ${String(e)}`);
        assert.match(e.message, /^feed: not a feed \(/);
        assert.equal(e.code, 'feed-invalid');
        return true;
      });
    }
  });

  it('should still parse a feed with a stray & and undeclared entities', async () => {
    const xml = '<rss version="2.0"><channel><title>Tom & Jerry &eacute;t&eacute;</title><item><title>A & B</title><link>https://x.example/?a=1&b=2</link></item></channel></rss>';
    const feed = await parseFeed(xml);
    assert.equal(feed.title, 'Tom & Jerry été');
    assert.equal(feed.entries[0]?.title, 'A & B');
    assert.equal(feed.entries[0]?.link, 'https://x.example/?a=1&b=2');
  });

  it('should expand small internal entities but not entity bombs or external entities', async () => {
    const small = '<!DOCTYPE rss [<!ENTITY site "tag:example.com,">]><rss version="2.0"><channel><title>t</title><item><guid>&site;2006:/a</guid></item></channel></rss>';
    assert.equal((await parseFeed(small)).entries[0]?.id, 'tag:example.com,2006:/a');
    const lol = '<!ENTITY a "aaaaaaaaaa">' + Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('');
    const bomb = `<!DOCTYPE rss [${lol}]><rss version="2.0"><channel><title>&bbbbbbbb;</title></channel></rss>`;
    const quadratic = `<!DOCTYPE rss [<!ENTITY q "${'x'.repeat(1000)}">]><rss version="2.0"><channel><title>${'&q;'.repeat(100_000)}</title></channel></rss>`;
    const external = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>';
    for (const xml of [bomb, quadratic, external]) {
      const started = performance.now();
      const feed = await parseFeed(xml).catch((e: unknown) => e);
      assert.ok(performance.now() - started < 2000, 'bounded time');
      if (!(feed instanceof FeedParseError)) {
        const size = JSON.stringify(feed).length;
        assert.ok(size < xml.length + 300_000, `output grew to ${size} from ${xml.length}`);
        assert.doesNotMatch(JSON.stringify(feed), /root:/, 'no local file content');
      }
    }
  });
});
