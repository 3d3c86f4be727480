// The golden pages written in EUC-KR and Shift_JIS (src/extract/testdata/*, expected.json names the
// charset), read from disk as `lede extract <file>` and a fetch read them: bytes decoded by the
// charset the page declares, then extracted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../extract/extract-article.ts';
import { readHtmlFile } from './read-document.ts';

const dir = join(import.meta.dirname, '..', 'extract', 'testdata');
const cases = readdirSync(dir)
  .map((slug) => ({ slug, expected: JSON.parse(readFileSync(join(dir, slug, 'expected.json'), 'utf8')) as { url: string; charset?: string; title: string; authors: unknown; textIncludes: string[] } }))
  .filter((c) => c.expected.charset !== undefined);

describe('golden pages in legacy charsets', () => {
  it('should include an EUC-KR page and a Shift_JIS page', () => {
    assert.deepEqual(cases.map((c) => c.expected.charset).sort(), ['euc-kr', 'shift_jis']);
  });
  for (const { slug, expected } of cases) {
    it(`should decode and extract ${slug} (${expected.charset})`, async () => {
      const path = join(dir, slug, 'source.html');
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)), 'the bytes are not UTF-8');
      const doc = await readHtmlFile(path);
      const a = await extractArticle(doc.html, { url: expected.url });
      assert.equal(a.title, expected.title);
      assert.deepEqual(a.authors, expected.authors);
      for (const s of expected.textIncludes) assert.ok(a.text.includes(s), `${slug}: ${s}\n---\n${a.text}`);
    });
  }
});
