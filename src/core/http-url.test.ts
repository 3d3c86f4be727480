import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpUrl } from './http-url.ts';

describe('httpUrl', () => {
  it('should keep http(s) URLs and drop every other scheme', () => {
    assert.equal(httpUrl(' https://news.example/a b '), 'https://news.example/a%20b');
    assert.equal(httpUrl('http://news.example'), 'http://news.example/');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.c', '/relative', '', undefined, null, 'java\nscript:alert(1)']) {
      assert.equal(httpUrl(bad), undefined, String(bad));
    }
  });
});
