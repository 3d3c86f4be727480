import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanTitle, headlineAmongHeadings, headlineInTitle, titleFromDocumentTitle } from './title-clean.ts';

describe('titleFromDocumentTitle', () => {
  const cases: [string, string, string[], string][] = [
    ['should drop the site after an en dash', 'Lorem ipsum dolor sit amet – My website', [], 'Lorem ipsum dolor sit amet'],
    ['should keep a short title whole', 'Evolve: Shared Mutable History — evolve extension for Mercurial', ['evolve extension for Mercurial', 'Evolve: Shared Mutable History'], 'Evolve: Shared Mutable History — evolve extension for Mercurial'],
    ['should drop a section before a colon', 'News: The council votes to close the old harbour bridge', [], 'The council votes to close the old harbour bridge'],
    ['should keep a colon title a heading repeats', 'Brexit: what happens next', ['Brexit: what happens next'], 'Brexit: what happens next'],
    ['should take the only h1 for a very short title', 'Home', ['The council votes to close the bridge'], 'The council votes to close the bridge'],
  ];
  for (const [title, value, h1s, expected] of cases) {
    it(title, () => assert.equal(titleFromDocumentTitle(value, h1s, []), expected));
  }
});

describe('cleanTitle', () => {
  it('should drop the site name at the end', () => assert.equal(cleanTitle('Story of the day | Example Times', 'Example Times'), 'Story of the day'));
  it("should drop a photo's credit in brackets closing the title", () => {
    assert.equal(cleanTitle('米朝首脳直通電話　習氏に挑むトランプ戦術の成否（写真＝ロイター）', undefined), '米朝首脳直通電話 習氏に挑むトランプ戦術の成否');
    assert.equal(cleanTitle('한강 다리 보수 공사 시작 (사진=연합뉴스)', undefined), '한강 다리 보수 공사 시작');
    assert.equal(cleanTitle('Harbour bridge to close (Photo: Reuters) | Example Times', 'Example Times'), 'Harbour bridge to close');
    assert.equal(cleanTitle('Harbour bridge to close (photos)', undefined), 'Harbour bridge to close (photos)');
  });
  it('should drop the site name after a full-width colon, and keep one inside the headline', () => {
    assert.equal(cleanTitle('メディア芸術祭賞、「番組」が受賞：朝日新聞デジタル', '朝日新聞デジタル'), 'メディア芸術祭賞、「番組」が受賞');
    assert.equal(cleanTitle('特集：メディア芸術祭賞の受賞作', '朝日新聞デジタル'), '特集：メディア芸術祭賞の受賞作');
  });
  it('should drop the site name written with or without its leading article', () => {
    assert.equal(cleanTitle('Floods close schools in Assam - Times of India', 'The Times of India'), 'Floods close schools in Assam');
    assert.equal(cleanTitle('The Guardian view on rail fares | The Guardian', 'Guardian'), 'The Guardian view on rail fares');
  });
  it('should keep a title without the site name', () => assert.equal(cleanTitle('Story of the day | Part 2', 'Example Times'), 'Story of the day | Part 2'));
  it("should drop a Korean news CMS's trail of sections and 기사본문, with or without the site's name declared", () => {
    assert.equal(cleanTitle('서울시, 대중교통 예산 12% 증액 < 정치 < 기사본문 - 한빛일보', '한빛일보'), '서울시, 대중교통 예산 12% 증액');
    assert.equal(cleanTitle('서울시, 대중교통 예산 12% 증액 < 정치 < 기사본문 - 한빛일보', undefined), '서울시, 대중교통 예산 12% 증액');
    assert.equal(cleanTitle('서울시, 대중교통 예산 12% 증액 > 뉴스 | 한빛TV', '한빛TV'), '서울시, 대중교통 예산 12% 증액');
  });
  it('should keep a "<" or ">" that is part of the headline', () => {
    assert.equal(cleanTitle('Why 2 < 3 matters', undefined), 'Why 2 < 3 matters');
    assert.equal(cleanTitle('Apple > Google? What the numbers say', undefined), 'Apple > Google? What the numbers say');
  });
});

describe('headlineInTitle', () => {
  it('should take the headline out of a title that carries a site or section name', () => {
    assert.equal(headlineInTitle('Harbour bridge to close to cars | The Harbour Times', ['The Harbour Times', 'Harbour bridge to close to cars']), 'Harbour bridge to close to cars');
    assert.equal(headlineInTitle('Harbour Blog » Archive » Harbour bridge to close to cars', ['Harbour bridge to close to cars']), 'Harbour bridge to close to cars');
    assert.equal(headlineInTitle('Harbour bridge to close to cars : 06.11.2023, 11.41 Uhr', ['Harbour bridge to close to cars']), 'Harbour bridge to close to cars');
  });
  it('should take a short Korean headline out of its title, counting characters for what they say', () => {
    assert.equal(headlineInTitle('방파제 예산 통과 - 한빛일보', ['방파제 예산 통과']), '방파제 예산 통과');
    assert.equal(headlineInTitle('방파제 예산 통과 | 사회', ['한빛일보', '방파제 예산 통과']), '방파제 예산 통과');
    // A Korean section's name of one word is still no headline.
    assert.equal(headlineInTitle('사회 | 방파제 예산 통과', ['사회']), '사회 | 방파제 예산 통과');
  });
  it('should keep the title without such a heading, or when the heading names the site', () => {
    assert.equal(headlineInTitle('Harbour bridge to close to cars | The Harbour Times', ['Other story of the day']), 'Harbour bridge to close to cars | The Harbour Times');
    assert.equal(headlineInTitle('Tragwerksplanung | RS Ingenieure', ['RS Ingenieure'], 'https://www.rs-ingenieure.de/tragwerksplanung/'), 'Tragwerksplanung | RS Ingenieure');
    // A heading of one word is a section's name, not a headline.
    assert.equal(headlineInTitle('Politics - Harbour bridge to close to cars', ['Politics']), 'Politics - Harbour bridge to close to cars');
    assert.equal(headlineInTitle('Harbour bridge to close to cars', ['Harbour bridge to close to cars']), 'Harbour bridge to close to cars');
  });
});

describe('headlineAmongHeadings', () => {
  it('should take a lesser heading inside the title only when it is longer than any other part of it', () => {
    assert.equal(headlineAmongHeadings('Bridge to close to cars for two years » Local » News » Harbour Times', [], ['Bridge to close to cars for two years']), 'Bridge to close to cars for two years');
    assert.equal(headlineAmongHeadings('Column: Harbour Notes – Why the old bridge had to close to cars', [], ['Column: Harbour Notes']), 'Column: Harbour Notes – Why the old bridge had to close to cars');
    assert.equal(headlineAmongHeadings('Bridge to close » Harbour Times', ['Bridge to close'], []), 'Bridge to close');
  });
});
