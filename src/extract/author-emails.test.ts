import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { withSignatureEmails, type EmailEl } from './author-emails.ts';

/** The authors after withSignatureEmails on a small page body. */
function run(body: string, names: string[]) {
  const doc = parseHtmlDocument(`<!doctype html><html><body>${body}</body></html>`);
  return withSignatureEmails(doc.documentElement as unknown as EmailEl, names.map((name) => ({ name })));
}

describe('withSignatureEmails', () => {
  it("should give a Hangul-named reporter the address of the signature set apart from the story", () => {
    assert.deepEqual(run('<div class="byline"><p><span>정해민 기자 hmj@hanbit.example</span></p></div>', ['정해민']), [{ name: '정해민', email: 'hmj@hanbit.example' }]);
  });

  it('should read an address alone in its element with the line it stands in', () => {
    assert.deepEqual(run('<div class="reporter"><span class="name">김철수 기자</span><span class="email">cskim@hbs.example</span></div>', ['김철수']), [{ name: '김철수', email: 'cskim@hbs.example' }]);
    // Not beside someone else's name, nor inside a long block.
    assert.deepEqual(run('<div><span>박지훈 기자</span><span>jihoon@hbs.example</span></div>', ['김철수']), [{ name: '김철수' }]);
    assert.deepEqual(run(`<div><span>김철수 기자</span> ${'긴 문단입니다. '.repeat(20)}<span>cskim@hbs.example</span></div>`, ['김철수']), [{ name: '김철수' }]);
  });

  it('should read each reporter of a shared byline, and leave one the page gives no address', () => {
    const got = run('<p><span>김민수 기자 minsu@hanbit.example</span></p><p><span>이서연 기자</span></p>', ['김민수', '이서연']);
    assert.deepEqual(got, [{ name: '김민수', email: 'minsu@hanbit.example' }, { name: '이서연' }]);
  });

  it('should not give an address signed by someone else, or written in a long paragraph', () => {
    assert.deepEqual(run('<p>박지훈 기자 jihoon@hanbit.example</p>', ['정해민']), [{ name: '정해민' }]);
    assert.deepEqual(run(`<p>${'긴 문단입니다. '.repeat(20)}정해민 기자 hmj@hanbit.example</p>`, ['정해민']), [{ name: '정해민' }]);
  });

  it('should keep an address an author has, and leave names in other scripts alone', () => {
    const doc = parseHtmlDocument('<html><body><p>정해민 기자 other@hanbit.example</p><p>Jane Roe jane@example.com</p></body></html>');
    assert.deepEqual(withSignatureEmails(doc.documentElement as unknown as EmailEl, [{ name: '정해민', email: 'hmj@hanbit.example' }, { name: 'Jane Roe' }]), [
      { name: '정해민', email: 'hmj@hanbit.example' },
      { name: 'Jane Roe' },
    ]);
  });
});
