import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FeedParseError } from '../core/errors.ts';
import { createIsolatedFeedParser } from './parse-feed-isolated.ts';

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://x.example/</link>${items}</channel></rss>`;

describe('createIsolatedFeedParser', () => {
  it("should count a feed's budget from when the worker can parse, not while a fresh worker loads", async () => {
    // A fresh worker takes far longer than 30 ms to load its code; the small feed takes far less to parse.
    const parser = createIsolatedFeedParser({ timeoutMs: 30 });
    try {
      const feed = await parser.parse(rss('<item><title>One</title><link>http://x.example/1</link></item>'), { url: 'http://x.example/feed.xml' });
      assert.equal(feed.entries.length, 1);
    } finally {
      await parser.close();
    }
  });

  it('should still give up on a feed that outlasts its budget, and parse the next one', async () => {
    const parser = createIsolatedFeedParser({ timeoutMs: 30 });
    try {
      await parser.parse(rss(''), {}); // the worker is up
      const big = rss(Array.from({ length: 100_000 }, (_, i) => `<item><title>Story ${i}</title><link>http://x.example/${i}</link></item>`).join(''));
      await assert.rejects(parser.parse(big, { url: 'http://x.example/big.xml' }), (e: unknown) => e instanceof FeedParseError && /gave up parsing http:\/\/x\.example\/big\.xml/.test(e.message));
      assert.equal((await parser.parse(rss('<item><link>http://x.example/2</link></item>'), {})).entries.length, 1);
    } finally {
      await parser.close();
    }
  });
});
