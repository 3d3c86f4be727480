// The isolated extractor: same result as in-thread, a hostile page bounded in time, recovery.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LedeError } from '../core/errors.ts';
import { extractArticle } from './extract-article.ts';
import { createIsolatedExtractor } from './extract-isolated.ts';

const ARTICLE = `<html lang="en"><head><title>Harbor ferry fares frozen</title></head><body><article><h1>Harbor ferry fares frozen</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: the city council voted on Monday to keep ferry fares at $3.25 through 2028, citing a rise in ridership and the cost of living for commuters.</p>`).join('\n')}
</article></body></html>`;

describe('createIsolatedExtractor', () => {
  const extractor = createIsolatedExtractor({ timeoutMs: 4000 });
  after(() => extractor.close());

  it('should give the same article as extractArticle in the main thread', async () => {
    const opts = { url: 'https://news.example/a' };
    assert.deepEqual(await extractor.extract(ARTICLE, opts), await extractArticle(ARTICLE, opts));
  });

  it('should pass on no-article as a LedeError', async () => {
    await assert.rejects(extractor.extract('<html><body><nav><a href="/">Home</a></nav></body></html>', { url: 'https://news.example/' }), (e: unknown) => e instanceof LedeError && e.code === 'no-article');
  });

  it('should give up on a hostile page within its budget, then work again', async () => {
    const para = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8) + '</p>';
    const hostile = '<html><body>' + '<div>'.repeat(3000) + '<article>' + para.repeat(20000) + '</article>' + '</div>'.repeat(3000) + '</body></html>';
    const started = Date.now();
    await assert.rejects(extractor.extract(hostile, { url: 'https://evil.example/a' }), (e: unknown) => e instanceof LedeError && /gave up .* after 4 s/.test(e.message));
    assert.ok(Date.now() - started < 8000, 'bounded by the budget');
    const again = await extractor.extract(ARTICLE, { url: 'https://news.example/b' });
    assert.equal(again.title, 'Harbor ferry fares frozen');
  });
});
