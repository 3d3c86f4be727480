import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './parse-feed.ts';
import { decodeBase64Constructs } from './xml-repair.ts';
import { mapFeedAliases } from './feed-aliases.ts';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('feed repairs before parsing', () => {
  it('should decode Atom 0.3 mode="base64" content as its declared type', async () => {
    const xml = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>t</title>
      <content type="text/html" mode="base64">${b64('ok<script>alert(1)</script> <a href="/x">here</a>')}</content></entry></feed>`;
    const entry = (await parseFeed(xml, { url: 'https://blog.example/feed' })).entries[0];
    assert.equal(entry?.contentHtml, 'ok <a href="https://blog.example/x">here</a>');
  });

  it('should decode Atom 1.0 content with a binary MIME type as text', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="application/octet-stream">${b64('A <b>bold</b> title')}</title></feed>`;
    assert.equal((await parseFeed(xml)).title, 'A <b>bold</b> title');
  });

  it('should leave non-base64 and XML-typed content alone', () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><content type="application/xhtml+xml">QUJD</content><content mode="base64">not base64!</content></feed>';
    assert.equal(decodeBase64Constructs(xml), xml);
  });

  it('should read RSS author aliases (channel <author>, dc:author)', async () => {
    const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
      <author>me@example.com (Example editor)</author>
      <item><title>i</title><dc:author>Jane Doe</dc:author></item></channel></rss>`;
    const feed = await parseFeed(xml);
    assert.deepEqual(feed.authors, [{ name: 'Example editor', email: 'me@example.com' }]);
    assert.deepEqual(feed.entries[0]?.authors, [{ name: 'Jane Doe' }]);
  });

  it('should read iTunes image and item category aliases', async () => {
    const xml = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>p</title>
      <itunes:image url="https://pod.example/logo.png"/>
      <item><title>e</title><itunes:image url="/e.png" href="https://pod.example/e.png"/>
        <itunes:category text="Technology"><itunes:category text="Gadgets &amp; Gear"/></itunes:category>
        <itunes:category text="Children's"></itunes:category><itunes:category></itunes:category></item></channel></rss>`;
    const feed = await parseFeed(xml);
    assert.equal(feed.imageUrl, 'https://pod.example/logo.png');
    assert.equal(feed.entries[0]?.imageUrl, 'https://pod.example/e.png', 'href wins; no duplicate attribute');
    assert.deepEqual(feed.entries[0]?.categories, ['Technology', 'Gadgets & Gear', "Children's"]);
  });

  it('should read prefixed RSS and RSS without a channel', async () => {
    const prefixed = '<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>T</r:title><r:item><r:title>I</r:title></r:item></r:channel></r:rss>';
    const p = await parseFeed(prefixed);
    assert.equal(p.title, 'T');
    assert.equal(p.entries[0]?.title, 'I');
    const bare = '<rss><item><title>Loose</title></item></rss>';
    assert.equal((await parseFeed(bare)).entries[0]?.title, 'Loose');
  });

  it('should read an Atom 0.3 person homepage as its URL', async () => {
    const xml = '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><author><name>A</name><homepage>http://a.example/</homepage></author></feed>';
    assert.deepEqual((await parseFeed(xml)).authors, [{ name: 'A', url: 'http://a.example/' }]);
  });

  it('should leave documents without aliases unchanged', () => {
    const xml = '<?xml version="1.0"?><!-- c --><rss version="2.0"><channel><title>t</title><item><author>a@b.c</author></item></channel></rss>';
    assert.equal(mapFeedAliases(xml), xml);
  });
});

describe('empty text after sanitizing', () => {
  it("should keep a title made only of markup as '' (present, no text) and never keep its script", async () => {
    const xml = `<rss version="2.0"><channel><title>&lt;img src="x.png" onerror="alert(1)"&gt;</title>
      <item><title>Real</title><description>&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
      <item><description>&lt;script&gt;x()&lt;/script&gt;</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">Body</content:encoded></item>
    </channel></rss>`;
    const feed = await parseFeed(xml);
    assert.equal(feed.title, '');
    assert.equal(feed.entries[0]?.summary, '');
    assert.equal(feed.entries[1]?.summary, undefined, "an empty summary is dropped when there is content");
    assert.equal(feed.entries[1]?.contentHtml, 'Body');
  });

  it('should prefer a non-empty fallback over an empty title', async () => {
    const xml = '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>&lt;br&gt;</title><dc:title>Named</dc:title></channel></rss>';
    assert.equal((await parseFeed(xml)).title, 'Named');
  });
});

describe('unterminated declarations in HTML fields', () => {
  it('should keep a trailing <!DOCTYPE as text, but keep truncated tags and comments hidden', async () => {
    const { escapeUnclosedTail } = await import('./feed-html.ts');
    assert.equal(escapeUnclosedTail('<b>x</b> <!DOCTYPE ~'), '<b>x</b> &lt;!DOCTYPE ~');
    assert.equal(escapeUnclosedTail('read <a href="http://exa'), 'read <a href="http://exa');
    assert.equal(escapeUnclosedTail('x <!-- hidden'), 'x <!-- hidden');
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;!DOCTYPE ~</title></feed>';
    assert.equal((await parseFeed(xml)).title, '<!DOCTYPE ~');
  });
});
