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
