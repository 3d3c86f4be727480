import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LedeError } from '../core/errors.ts';
import { expectedDemoArticles } from '../demo/demo-expectations.ts';
import { startFixtureSite, type FixtureSite } from '../demo/fixture-site.ts';
import { extractArticle } from './extract-article.ts';

/** Fetches a fixture page and decodes it with the charset of its Content-Type, else of its <meta>. */
async function fetchPage(url: string): Promise<string> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = /charset=["']?([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(bytes);
}

describe('extractArticle on the demo fixture site', () => {
  let site: FixtureSite;
  before(async () => {
    site = await startFixtureSite();
  });
  after(async () => {
    await site.close();
  });

  for (const expected of expectedDemoArticles) {
    it(`should extract ${expected.path} as the demo expects`, async () => {
      const url = site.url + expected.path;
      const value = await extractArticle(await fetchPage(url), { url });
      assert.equal(value.title, expected.title);
      assert.deepEqual(value.deck, expected.deck);
      assert.deepEqual(value.authors, expected.authors);
      // The same instants (the page's own offset is kept, the expectations are written in UTC).
      const instant = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
      assert.equal(instant(value.publishedAt), instant(expected.publishedAt));
      assert.equal(instant(value.modifiedAt), instant(expected.modifiedAt));
      assert.equal(value.siteName, expected.siteName);
      assert.equal(value.lang?.split('-')[0], expected.lang);
      assert.equal(value.excerpt, expected.excerpt);
      assert.deepEqual(
        value.images.map((i) => ({ path: new URL(i.url).pathname, caption: i.caption, credit: i.credit })),
        expected.images.map((i) => ({ path: i.path, caption: i.caption, credit: i.credit })),
      );
      assert.equal(value.leadImage?.url, site.url + expected.images[0]!.path);
      const paragraphs = value.text.split('\n\n');
      assert.ok(paragraphs.includes(expected.firstParagraph), `first paragraph\n---\n${value.text}`);
      assert.equal(paragraphs.at(-1), expected.lastParagraph, `last paragraph\n---\n${value.text}`);
      for (const s of expected.textExcludes) assert.ok(!value.text.includes(s), `text should not include ${JSON.stringify(s)}\n---\n${value.text}`);
      // Date lines and reporter lines live in their own fields, not in the text.
      assert.ok(!/입력 \d{4}|Updated \d/.test(value.text), `date line in text\n---\n${value.text}`);
      for (const a of expected.authors) assert.ok(!value.text.includes(a.email!), `reporter email in text\n---\n${value.text}`);
      // Each photo once, as one figure.
      assert.equal(value.contentHtml.split('<figure>').length - 1, expected.images.length);
    });
  }

  it('should throw no-article for the section front', async () => {
    const url = `${site.url}/bad/no-article`;
    await assert.rejects(extractArticle(await fetchPage(url), { url }), (e: unknown) => e instanceof LedeError && e.code === 'no-article');
  });
});
