import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './parse-feed.ts';
import { FeedParseError } from '../core/errors.ts';
import { closeTruncatedDocument } from './feed-truncated.ts';
import { scanProlog } from './feed-prolog.ts';

describe('closeTruncatedDocument', () => {
  const table: { value: string; expected: string }[] = [
    { value: '<rss><channel><title>x</title></channel></rss>', expected: '<rss><channel><title>x</title></channel></rss>' },
    { value: '<rss><channel><title>x</title></channel></rss', expected: '<rss><channel><title>x</title></channel></rss>' },
    { value: '<rss><channel><item><title>a &am', expected: '<rss><channel><item><title>a </title></item></channel></rss>' },
    { value: '<rss><channel><item/><item><title><![CDATA[x', expected: '<rss><channel><item/><item><title></title></item></channel></rss>' },
    { value: '<rss><channel><!-- note', expected: '<rss><channel></channel></rss>' },
  ];
  for (const { value, expected } of table) {
    it(`should close ${JSON.stringify(value)}`, () => assert.equal(closeTruncatedDocument(value), expected));
  }

  it('should keep every complete item of a truncated feed', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>T</title><item><title>One</title></item><item><title>Tw');
    assert.equal(feed.title, 'T');
    assert.deepEqual(feed.entries.map((e) => e.title), ['One', 'Tw']);
  });
});

describe('DOCTYPE handling', () => {
  it('should find the DOCTYPE only in the prolog', () => {
    assert.equal(scanProlog('<?xml version="1.0"?><!-- c --><!DOCTYPE rss [<!ENTITY a "b">]><rss/>').doctype?.subset, '<!ENTITY a "b">');
    assert.equal(scanProlog('<rss><description><![CDATA[<!DOCTYPE x [ ]>]]></description></rss>').doctype, undefined);
    assert.equal(scanProlog('<?xml version="1.0"?>\n<r:rss xmlns:r="x"/>').rootName, 'r:rss');
  });

  it('should parse a feed whose DOCTYPE holds parameter entities, and keep "<!DOCTYPE" text in content', async () => {
    const pe = '<!DOCTYPE rss [<!ENTITY % lat1 PUBLIC "-//W3C//ENTITIES Latin 1//EN" "http://x.example/lat1.ent"> %lat1; ]><rss version="2.0"><channel><title>ok</title></channel></rss>';
    assert.equal((await parseFeed(pe)).title, 'ok');
    const cdata = '<rss version="2.0"><channel><item><title>i</title><description><![CDATA[ <!DOCTYPE ]]></description></item></channel></rss>';
    assert.equal((await parseFeed(cdata)).entries[0]?.summary, '&lt;!DOCTYPE');
  });
});

describe('hostile input', () => {
  it('should answer in bounded time, throwing nothing but FeedParseError', async () => {
    const inputs = [
      `<rss version="2.0"><channel><title>${'<a '.repeat(200_000)}`,
      `<rss version="2.0"><channel>${'<![CDATA['.repeat(100_000)}`,
      `${'<?a?>'.repeat(50_000)}<?x`,
      `<rss version="2.0"><channel>${'<author>x'.repeat(100_000)}`,
      `<rss version="2.0"><channel><item><body>${'<!--'.repeat(100_000)}`,
      `<feed xmlns="http://www.w3.org/2005/Atom" mode="base64">${'<title a="b" '.repeat(100_000)}`,
      `<!DOCTYPE rss [${'<!ENTITY a "'.repeat(5000)}]><rss version="2.0"><channel/></rss>`,
      `<rss version="2.0"><channel>${'<x>'.repeat(500_000)}`,
    ];
    for (const xml of inputs) {
      const started = performance.now();
      const out = await parseFeed(xml).catch((e: unknown) => e);
      assert.ok(!(out instanceof Error) || out instanceof FeedParseError, String(out));
      assert.ok(performance.now() - started < 1000, `took ${performance.now() - started} ms on ${xml.slice(0, 40)}`);
    }
  });

  it('should wrap anything unexpected in FeedParseError', async () => {
    await assert.rejects(parseFeed(null as unknown as string), FeedParseError);
  });
});
