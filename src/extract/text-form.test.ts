import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from './extract-article.ts';

// Decomposed forms, as some pages write them: "ö" as o + U+0308, "한국" as conjoining jamo, "য়" as U+09DF.
const O_UMLAUT = 'o\u0308';
const HANGUK = '\u1112\u1161\u11ab\u1100\u116e\u11a8';
const BENGALI_YA = '\u09df';

const PARA = `Der Hafen von G${O_UMLAUT}teborg wird um zwei Liegepl${'a\u0308'}tze erweitert, beschloss der Stadtrat am Dienstag nach langer Debatte. `;
const page = `<!doctype html><html lang="de"><head><title>G${O_UMLAUT}teborg erweitert den Hafen</title></head><body>
<article><h1>G${O_UMLAUT}teborg erweitert den Hafen</h1>
<p>${PARA.repeat(3)}</p><p>${HANGUK} ${BENGALI_YA} ${PARA.repeat(2)}</p>
<figure><img src="/h.jpg" alt="Hafen"><figcaption>Der Hafen von G${O_UMLAUT}teborg. Foto: Jane Roe</figcaption></figure>
<p>${PARA.repeat(2)}</p></article></body></html>`;

describe('extractArticle text form', () => {
  it('should hand on every text in Unicode NFC, however the page wrote it', async () => {
    const a = await extractArticle(page, { url: 'https://hafen.example/news/1' });
    assert.equal(a.title, 'Göteborg erweitert den Hafen'.normalize('NFC'));
    assert.match(a.text, /Göteborg/);
    assert.ok(a.text.includes('한국'), 'conjoining jamo become syllables');
    assert.ok(a.text.includes('\u09af\u09bc') && !a.text.includes(BENGALI_YA), 'U+09DF is written as its NFC form, U+09AF U+09BC');
    assert.equal(a.text, a.text.normalize('NFC'));
    assert.equal(a.contentHtml, a.contentHtml.normalize('NFC'));
    assert.ok(a.images.length > 0 && a.images.every((i) => (i.caption ?? '') === (i.caption ?? '').normalize('NFC')));
    assert.match(a.images[0]!.caption ?? '', /Göteborg/);
  });
});
