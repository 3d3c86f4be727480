import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksBinary, whyNotArticle } from './article-gate.ts';

describe('whyNotArticle', () => {
  const cases: [string, Parameters<typeof whyNotArticle>[0], string | undefined][] = [
    ['a one-line brief', { text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.', linkChars: 0, declaresNonArticle: false }, undefined],
    ['a single word', { text: 'Test', linkChars: 0, declaresNonArticle: false }, undefined],
    ['punctuation only', { text: '<<<>>>', linkChars: 0, declaresNonArticle: false }, 'empty'],
    ['a list of headlines', { text: 'Storm knocks out power\n\nSchool board elects chair\n\nNew bakery opens', linkChars: 60, declaresNonArticle: false }, 'link-list'],
    ['a sign-in prompt', { text: 'Sign in to continue reading\n\nSubscribe for unlimited access.', linkChars: 9, declaresNonArticle: false }, 'login-wall'],
    ['a sign-in form', { text: 'Log in to your account\n\nEmail\n\nPassword\n\nForgot your password?', linkChars: 0, declaresNonArticle: false }, 'login-wall'],
    ["a story's opening above a sign-in prompt", { text: '서울시는 15일 새 방파제 예산을 승인했다고 밝혔다. 시의회는 긴 논의 끝에 예산안을 통과시켰다.\n\n로그인 해주세요.', linkChars: 0, declaresNonArticle: false }, undefined],
    ['a blurb on a page that says it is a website', { text: 'Waterfront news from the Harbor Gazette.', linkChars: 0, declaresNonArticle: true }, 'index-page'],
  ];
  for (const [name, value, expected] of cases) {
    it(`should say ${String(expected)} for ${name}`, () => assert.equal(whyNotArticle(value), expected));
  }
  it('should recognise binary input', () => {
    assert.equal(looksBinary('\u0000\u0001binary'), true);
    assert.equal(looksBinary('<p>Plain text\twith a tab.</p>'), false);
  });
});
