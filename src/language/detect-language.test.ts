import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeLanguageTag } from '../core/language-tag.ts';
import { articleLanguage, detectLanguage } from './detect-language.ts';

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

describe('articleLanguage', () => {
  const ko = '서울시의회가 대중교통 예산을 지난해보다 12% 늘리는 내용의 새해 예산안을 화요일 의결했다.';
  const en = 'The city council voted on Tuesday to approve a new budget that raises spending on public transit.';
  it('should keep what the page declares when the text agrees', () => {
    assert.equal(articleLanguage('ko-KR', ko), 'ko-KR');
    assert.equal(articleLanguage('en-GB', en), 'en-GB');
    // Latin-script text is not second-guessed against a Latin-script declaration.
    assert.equal(articleLanguage('de', en), 'de');
  });
  it('should take the language of the text when its script contradicts the declaration', () => {
    assert.equal(articleLanguage('en', ko), 'ko');
    assert.equal(articleLanguage('en-US', '気象台は20日、東京都内で桜が開花したと発表した。'), 'ja');
    assert.equal(articleLanguage('ko', en), 'en');
    assert.equal(articleLanguage('ko', '気象台は20日、東京都内で桜が開花したと発表した。'), 'ja');
    assert.equal(articleLanguage('zh', '気象台は20日、東京都内で桜が開花したと発表した。'), 'ja');
    // Han alone may be either: the page's word stands.
    assert.equal(articleLanguage('ja', '大韓民國政府新政策發表國務會議決定事項'), 'ja');
  });
  it('should detect the language when the page declares none', () => {
    assert.equal(articleLanguage(undefined, ko), 'ko');
    assert.equal(articleLanguage(undefined, 'hi'), undefined);
  });
});
