import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeLanguageTag } from '../core/language-tag.ts';
import { detectLanguage } from './detect-language.ts';

describe('detectLanguage', () => {
  const cases: [string, string | undefined][] = [
    ['The city council approved a plan to build new bike lanes over the next three years.', 'en'],
    ['반도체 수출이 인공지능 서버 수요 확대에 힘입어 6개월 연속 증가세를 이어갔다.', 'ko'],
    ['大韓民國 政府는 1日 新政策을 發表했다.', 'ko'],
    ['気象台は20日、東京都内で桜が開花したと発表した。', 'ja'],
    ['hi', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`should detect ${expected} for ${JSON.stringify(value.slice(0, 20))}`, () => assert.equal(detectLanguage(value), expected));
  }
  it('should normalise markup tags', () => {
    assert.equal(normalizeLanguageTag('en_us'), 'en-US');
    assert.equal(normalizeLanguageTag('KO-kr'), 'ko-KR');
    assert.equal(normalizeLanguageTag('not a tag!'), undefined);
  });
});
