// The pipeline's pure helpers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textForSummary } from './process-item.ts';

describe('textForSummary', () => {
  it('should drop paragraphs that are photo captions, keeping the story', () => {
    const value = textForSummary({
      text: 'Lead sentence.\n\nThe mayor speaks at City Hall. Photo: Gazette\n\nSecond paragraph.',
      images: [{ url: 'https://x.example/p.png', caption: 'The mayor speaks at City Hall.', credit: 'Gazette' }],
    });
    assert.equal(value, 'Lead sentence.\n\nSecond paragraph.');
  });
  it('should leave the text alone when there are no captions', () => {
    const text = 'One.\n\nTwo.';
    assert.equal(textForSummary({ text, images: [{ url: 'https://x.example/p.png' }] }), text);
  });
});

describe('articleFromDocument', () => {
  it('should detect the language when the page declares none or one its text is not written in, and summarize in it', async () => {
    const { extractArticle } = await import('../extract/extract-article.ts');
    const { createArticleSummarizer } = await import('../summarize/summarize-article.ts');
    const { articleFromDocument } = await import('./process-item.ts');
    const paragraphs = [
      '한국은행 금융통화위원회가 24일 기준금리를 연 2.50%로 동결했다. 지난 7월 이후 네 차례 연속 동결이다.',
      '금통위는 이날 서울 중구 한국은행 본부에서 통화정책방향 회의를 열고 이같이 결정했다. 위원 6명 가운데 5명이 동결에 찬성했다.',
      '동결 배경으로는 원·달러 환율과 수도권 집값이 꼽힌다. 원·달러 환율은 이달 들어 1,410원 안팎에서 움직이고 있다.',
      '한은은 내년 국내총생산 성장률 전망치를 1.9%에서 1.8%로 0.1%포인트 낮췄다. 소비자물가 상승률 전망치는 2.0%로 유지했다.',
    ];
    // No declaration, and a template's lang="en" on a Korean story: both are Korean.
    for (const open of ['<html>', '<html lang="en">']) {
      const html = `${open}<head><title>기준금리 동결</title></head><body><article><h1>기준금리 동결</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
      const value = await articleFromDocument({ html, url: 'https://news.example/a/1' }, { extract: extractArticle, summarize: createArticleSummarizer() });
      assert.equal(value.lang, 'ko', open);
      assert.equal(value.summary.length, 3);
      for (const bullet of value.summary) assert.match(bullet, /[가-힣]/);
      assert.deepEqual(value.summaryMethod, { kind: 'extractive' });
    }
  });
});
