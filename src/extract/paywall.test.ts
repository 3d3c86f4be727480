import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { extractArticle } from './extract-article.ts';
import { isPaywallPrompt, paywalledPartsMissing, PARTIAL_MAX_CHARS } from './paywall.ts';

describe('isPaywallPrompt', () => {
  it('should read prompts to subscribe or sign in to read on, in several languages', () => {
    for (const line of [
      'Subscribe to continue reading',
      'To view the full story, please subscribe to The Example Times.',
      'Log in or register to read the rest of this article.',
      'This article is only available to subscribers.',
      'Already a subscriber? Log in',
      "You've reached your free article limit.",
      'You have now reached your allowance of 3 free articles in the last 30 days.',
      'Weiterlesen mit Plus: jetzt 4 Wochen testen',
      'Dieser Artikel ist nur für Abonnenten verfügbar.',
      'Bereits Abonnent? Einloggen',
      'Il vous reste 72 % de cet article à lire.',
      'Para seguir leyendo, suscríbete.',
      'Para continuar lendo, assine.',
      '이 기사는 유료 회원 전용입니다.',
      '로그인 후 전문을 보실 수 있습니다.',
      '전체 기사를 보시려면 로그인이 필요합니다.',
      '기사 전문을 읽으려면 구독하세요.',
      '프리미엄 콘텐츠입니다. 구독 후 이용해 주세요.',
      '로그인하신 후 열람하실 수 있습니다.',
      'この記事は有料会員限定です。',
      'Subscribe now to our e-edition for the full story.',
      "If you're seeing this message but you're already a subscriber, you can log in for immediate access to this story.",
    ]) {
      assert.ok(isPaywallPrompt(line), line);
    }
  });
  it('should not read story text, labels or long paragraphs as prompts', () => {
    for (const line of [
      'SUBSCRIBER ONLY',
      'The newspaper lost 4,000 subscribers last year, the publisher said.',
      'Members of the council voted to continue the study.',
      '전체 내용을 보시려면 아래 표를 참고하세요.',
      '이 서비스는 회원 가입 후 이용할 수 있다.',
      'Sign up for our newsletter',
      'Readers can subscribe to the print edition for the full range of local listings.',
      `Subscribe to continue reading. ${'The council met again on Tuesday and the debate went on. '.repeat(8)}`,
    ]) {
      assert.ok(!isPaywallPrompt(line), line);
    }
  });
});

describe('paywalledPartsMissing', () => {
  const doc = parseHtmlDocument(`<html><body><div class="free"><p>Opening.</p></div><div class="premium">${'Served text. '.repeat(30)}</div><div class="empty"></div></body></html>`);
  it('should be true only when no declared part holds text', () => {
    assert.equal(paywalledPartsMissing(doc, ['.missing']), true);
    assert.equal(paywalledPartsMissing(doc, ['.empty']), true);
    assert.equal(paywalledPartsMissing(doc, ['.premium']), false);
    assert.equal(paywalledPartsMissing(doc, ['.missing', '.premium']), false);
    assert.equal(paywalledPartsMissing(doc, []), false);
    assert.equal(paywalledPartsMissing(doc, ['div[[']), false);
  });
});

describe('extractArticle: partial', () => {
  const page = (body: string, ld = '') =>
    `<!doctype html><html lang="en"><head><title>Port fees rise</title>${ld}</head><body><article><h1>Port fees rise</h1><div class="story">${body}</div></article></body></html>`;
  const para = (i: number) => `<p>Paragraph ${i} of the story says what the harbour board decided about the fees for cruise ships and why operators objected to it.</p>`;
  const declared = (selector: string) =>
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Port fees rise","isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":"${selector}"}}</script>`;

  it('should mark a short body that ends with a prompt, and leave the prompt out', async () => {
    const a = await extractArticle(page(`${para(1)}${para(2)}${para(3)}<p>Subscribe to continue reading.</p>`), { url: 'https://news.example/a' });
    assert.equal(a.partial, true);
    assert.ok(!a.text.includes('Subscribe'), a.text);
  });
  it("should mark a page whose metered overlay box closes the story, and leave the box's text out", async () => {
    const overlay = '<div class="subscribe_overlay"><div class="subscribe_overlay_inner"><div class="text3">It is great to see that you are enjoying the Example website.</div><div class="text5"><p>You have now reached your allowance of 3 free articles in the last 30 days.<br>To get another 7 articles free, enter your email address below.</p><p>When you register, we will also send you our free e-book and our weekly newsletter. You can unsubscribe at any time, and we never share your address with any third party whatsoever.</p></div></div></div>';
    const a = await extractArticle(page(`${para(1)}${para(2)}${para(3)}${overlay}`), { url: 'https://news.example/a' });
    assert.equal(a.partial, true);
    for (const words of ['enjoying the Example website', 'allowance', 'e-book']) assert.ok(!a.text.includes(words), words);
    assert.ok(a.text.includes('Paragraph 3 of the story'), a.text);
  });
  it('should find the prompt behind a list of related stories', async () => {
    const related = `<h3>Related</h3><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/s${i}">Another story about the harbour, number ${i}</a></li>`).join('')}</ul>`;
    const a = await extractArticle(page(`${para(1)}${para(2)}${para(3)}<p>If you are seeing this message but you are already a subscriber, you can <a href="/login">log in</a> for access to this story.</p>${related}`), { url: 'https://news.example/a' });
    assert.equal(a.partial, true);
    assert.ok(!/subscriber|Another story/.test(a.text), a.text);
  });
  it('should not mark a whole article that ends with a prompt, but still leave the prompt out', async () => {
    const body = Array.from({ length: Math.ceil(PARTIAL_MAX_CHARS / 120) + 2 }, (_, i) => para(i)).join('');
    const a = await extractArticle(page(`${body}<p>Subscribe to continue reading.</p>`), { url: 'https://news.example/a' });
    assert.equal(a.partial, undefined);
    assert.ok(!a.text.includes('Subscribe'));
  });
  it('should mark a page whose declared paywalled part is missing, not one that serves it', async () => {
    const cut = await extractArticle(page(`${para(1)}${para(2)}${para(3)}`, declared('.paywalled')), { url: 'https://news.example/a' });
    assert.equal(cut.partial, true);
    const served = await extractArticle(page(`${para(1)}<div class="paywalled">${para(2)}${para(3)}</div>`, declared('.paywalled')), { url: 'https://news.example/a' });
    assert.equal(served.partial, undefined);
  });
  it('should not mark a short article with no word of a paywall', async () => {
    const a = await extractArticle(page(`${para(1)}${para(2)}${para(3)}`), { url: 'https://news.example/a' });
    assert.equal(a.partial, undefined);
  });
});
