// The shared hostile-XML corpus (../shared/corpora/security/hostile-xml: defusedxml's test files
// and PayloadsAllTheThings' XXE payloads) through the feed parser as the poller runs it: in its
// worker with a 1 s budget and a 50 MB heap. Every file, as it is and wrapped into an RSS feed
// (its DOCTYPE kept, its root's content as the channel title, so the entities are really
// reached), must parse or be refused as not a feed — never hit the budget or the heap limit,
// expand a bomb, read a local file or make a request (its http:// entities point at a loopback
// server that counts requests). Skipped without ../shared.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FeedParseError } from '../core/errors.ts';
import type { Feed } from '../core/records.ts';
import { createIsolatedFeedParser, type FeedParser } from './parse-feed-isolated.ts';

const DIR = fileURLToPath(new URL('../../../shared/corpora/security/hostile-xml/', import.meta.url));

/** The corpus's documents: whole files, and one per line of the fuzz lists. */
function documents(): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  for (const folder of ['defusedxml', 'payloadsallthethings']) {
    for (const file of readdirSync(join(DIR, folder)).sort()) {
      if (/^(LICENSE|README)/.test(file)) continue;
      const text = readFileSync(join(DIR, folder, file), 'utf8');
      if (file.endsWith('.txt')) text.split('\n').forEach((line, i) => line.includes('<') && out.push({ name: `${folder}/${file}:${i + 1}`, xml: line }));
      else out.push({ name: `${folder}/${file}`, xml: text });
    }
  }
  return out;
}

/** The document as an RSS feed: prolog and DOCTYPE kept, the root element's content as the channel title. */
function asFeed(xml: string): string | undefined {
  const doctype = /<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/i.exec(xml);
  if (!doctype) return undefined;
  const rest = xml.slice(doctype.index + doctype[0].length);
  const root = /<([A-Za-z][\w:.-]*)[^>]*>([\s\S]*)<\/\1>/.exec(rest);
  const content = root ? root[2]! : rest.replace(/<[^>]*>/g, '');
  return `${xml.slice(0, doctype.index + doctype[0].length)}\n<rss version="2.0"><channel><title>${content}</title><link>https://feed.example/</link><item><title>${content}</title><guid>a</guid></item></channel></rss>`;
}

describe('hostile XML corpus through the feed parser (1 s, 50 MB)', { skip: existsSync(DIR) ? false : `shared hostile-XML corpus not found at ${DIR}` }, () => {
  let parser: FeedParser;
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/xml' }).end('<!ENTITY leaked "FETCHED">');
  });
  let origin = '';
  before(async () => {
    parser = createIsolatedFeedParser({ timeoutMs: 1000, maxHeapMb: 50, maxInFlight: 1 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await parser.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  /** Parses, and checks the outcome is a feed or a plain refusal (not the budget, the heap or a crash). */
  async function outcome(xml: string, name: string): Promise<Feed | FeedParseError> {
    const got = await parser.parse(xml, { url: 'https://feed.example/feed.xml' }).catch((e: unknown) => e);
    if (got instanceof FeedParseError) {
      assert.doesNotMatch(got.message, /gave up parsing|parser stopped|parser failed/, `${name}: ${got.message}`);
      return got;
    }
    assert.ok(got && typeof got === 'object' && 'entries' in got, `${name}: ${String(got)}`);
    return got as Feed;
  }

  it('should parse or refuse every document, as it is and as a feed, without expanding, reading or fetching', async () => {
    const docs = documents();
    assert.ok(docs.length >= 100, `corpus read (${docs.length} documents)`);
    let wrapped = 0;
    for (const { name, xml } of docs) {
      // External entities and DTDs point at the counting server instead of the Internet.
      const local = xml.replace(/https?:\/\/[^"'\s>]+/g, (u) => `${origin}/${encodeURIComponent(u)}`);
      const feedXml = asFeed(local);
      if (feedXml) wrapped++;
      for (const doc of feedXml ? [local, feedXml] : [local]) {
        const got = await outcome(doc, name);
        if (got instanceof FeedParseError) continue;
        const text = JSON.stringify(got);
        assert.ok(text.length < doc.length * 2 + 2000, `${name}: output of ${text.length} chars from ${doc.length}: expanded`);
        assert.doesNotMatch(text, /root:x?:0|FETCHED/, `${name}: a local file or a fetched entity was read`);
      }
    }
    assert.ok(wrapped >= 20, `documents with a DOCTYPE wrapped as feeds (${wrapped})`);
    assert.equal(requests, 0, 'no request for an external entity or DTD');
  });

  it('should expand a small internal entity, and keep bombs and cycles from expanding (defusedxml expectations)', async () => {
    const read = (file: string) => readFileSync(join(DIR, 'defusedxml', file), 'utf8');
    const title = async (file: string) => {
      const got = await outcome(asFeed(read(file))!, file);
      return got instanceof FeedParseError ? undefined : (got.title ?? '');
    };
    assert.match((await title('xmlbomb2.xml')) ?? '', /text\s*1234567890/, 'a small internal entity is expanded');
    for (const bomb of ['xmlbomb.xml', 'quadratic.xml', 'cyclic.xml']) {
      const t = await title(bomb);
      assert.ok(t === undefined || t.length < 10_000, `${bomb}: title of ${t?.length} chars`);
    }
    const dtd = await outcome(asFeed(read('dtd.xml'))!, 'dtd.xml');
    assert.ok(!(dtd instanceof FeedParseError), 'an external DTD in the DOCTYPE does not stop the parse');
    assert.equal(requests, 0);
  });
});
