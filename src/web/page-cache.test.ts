// The page cache on its own: versions, the byte bound, least recently used eviction, shared misses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from './page-cache.ts';

const page = (text: string) => ({ text, bytes: text.length });

describe('PageCache', () => {
  it('should return a kept value only for the version it was kept under', () => {
    const cache = new PageCache<ReturnType<typeof page>>(1000);
    cache.set('a', 'v1', page('one'));
    assert.equal(cache.get('a', 'v1')?.text, 'one');
    assert.equal(cache.get('a', 'v2'), undefined, 'another version is a miss');
    assert.equal(cache.get('a', 'v1'), undefined, 'and the stale entry is gone');
    assert.deepEqual(cache.stats().bytes, 0);
  });

  it('should stay within its byte bound, evicting the least recently used first', () => {
    const cache = new PageCache<ReturnType<typeof page>>(10);
    cache.set('a', 'v', page('aaaa'));
    cache.set('b', 'v', page('bbbb'));
    assert.ok(cache.get('a', 'v'), 'a is now the most recently used');
    cache.set('c', 'v', page('cccc'));
    assert.equal(cache.get('b', 'v'), undefined, 'b was least recently used');
    assert.ok(cache.get('a', 'v'));
    assert.ok(cache.get('c', 'v'));
    assert.ok(cache.stats().bytes <= 10);
    cache.set('big', 'v', page('x'.repeat(11)));
    assert.equal(cache.get('big', 'v'), undefined, 'a value over the bound is never kept');
    assert.equal(cache.stats().entries, 2);
  });

  it('should replace a key\'s entry and count its bytes once', () => {
    const cache = new PageCache<ReturnType<typeof page>>(100);
    cache.set('a', 'v1', page('12345'));
    cache.set('a', 'v2', page('123'));
    assert.deepEqual(cache.stats(), { entries: 1, bytes: 3, hits: 0, misses: 0 });
  });

  it('should make a missing value once for concurrent requests, and again for a new version', async () => {
    const cache = new PageCache<ReturnType<typeof page>>(100);
    let made = 0;
    const make = async () => {
      made++;
      await new Promise((r) => setTimeout(r, 5));
      return page(`made ${made}`);
    };
    const results = await Promise.all([1, 2, 3].map(() => cache.getOrMake('a', 'v1', make)));
    assert.equal(made, 1);
    assert.deepEqual(results.map((r) => r.text), ['made 1', 'made 1', 'made 1']);
    assert.equal((await cache.getOrMake('a', 'v1', make)).text, 'made 1');
    assert.equal((await cache.getOrMake('a', 'v2', make)).text, 'made 2');
    assert.deepEqual(cache.stats(), { entries: 1, bytes: 6, hits: 1, misses: 4 });
  });

  it('should not keep a failed make', async () => {
    const cache = new PageCache<ReturnType<typeof page>>(100);
    await assert.rejects(cache.getOrMake('a', 'v', async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal((await cache.getOrMake('a', 'v', async () => page('ok'))).text, 'ok');
  });
});
