import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCreditOnly, splitCaption, splitCredit } from './photo-credit.ts';

describe('splitCredit', () => {
  const cases: [string, unknown][] = [
    ['Protesters march in Seoul. photo=Hankyung DB', { caption: 'Protesters march in Seoul.', credit: 'Hankyung DB' }],
    ['A new electric bus at a depot in Denver.Credit...Rachel Lee for The Daily Example', { caption: 'A new electric bus at a depot in Denver.', credit: 'Rachel Lee for The Daily Example' }],
    ['Credit…Rich Pedroncelli/Associated Press', { credit: 'Rich Pedroncelli/Associated Press' }],
    ['A house for sale in Toronto is shown. (Evan Mitsui/Example Broadcasting)', { caption: 'A house for sale in Toronto is shown.', credit: 'Evan Mitsui/Example Broadcasting' }],
    ['The vote was close (Yes/No) after a long debate.', { caption: 'The vote was close (Yes/No) after a long debate.' }],
    // A closing full stop goes, an abbreviation's stays.
    ["The Herald's old office on Main Street. Photo by the author.", { caption: "The Herald's old office on Main Street.", credit: 'the author' }],
    ['The mill site in 1950. Photo: Jane Doe Jr.', { caption: 'The mill site in 1950.', credit: 'Jane Doe Jr.' }],
    ['시민들이 광장에 모여 있다. 사진=연합뉴스', { caption: '시민들이 광장에 모여 있다.', credit: '연합뉴스' }],
    ['A man walks. Photo: Reuters', { caption: 'A man walks.', credit: 'Reuters' }],
    ['Buses wait at a depot. (Wire Photo/Mary Major)', { caption: 'Buses wait at a depot.', credit: 'Wire Photo/Mary Major' }],
    ['Buses wait. (Photo/Mary Major)', { caption: 'Buses wait.', credit: 'Photo/Mary Major' }],
    ['A vote (in the Photo/Video category) was held', { caption: 'A vote (in the Photo/Video category) was held' }],
    ['A man walks (Getty Images)', { caption: 'A man walks', credit: 'Getty Images' }],
    ['서울 시내 전경 ⓒ 뉴스1', { caption: '서울 시내 전경', credit: '뉴스1' }],
    ['President speaks in Washington. /AP Photo', { caption: 'President speaks in Washington.', credit: 'AP Photo' }],
    ['사진=연합뉴스', { credit: '연합뉴스' }],
    ['Just a caption with no credit.', { caption: 'Just a caption with no credit.' }],
    ['The seawall under construction. Getty Images', { caption: 'The seawall under construction.', credit: 'Getty Images' }],
    ['Protesters outside the party headquarters on Friday. Ezra Acayan/Getty Images', { caption: 'Protesters outside the party headquarters on Friday.', credit: 'Ezra Acayan/Getty Images' }],
    ['Fans cheer in Doha. AFP via Getty Images', { caption: 'Fans cheer in Doha.', credit: 'AFP via Getty Images' }],
    ['The minister spoke to reporters. The talks went on with AP', { caption: 'The minister spoke to reporters. The talks went on with AP' }],
    ['The photo: a long exposure of the bridge at night', { caption: 'The photo: a long exposure of the bridge at night' }],
    ['서울 시내 아파트 단지 [연합뉴스 자료사진]', { caption: '서울 시내 아파트 단지', credit: '연합뉴스 자료사진' }],
    ['[뉴스1 DB]', { credit: '뉴스1 DB' }],
    ['금 시세 그래픽. [게티이미지뱅크]', { caption: '금 시세 그래픽.', credit: '게티이미지뱅크' }],
    ['시위대가 행진하고 있다. (AP=연합뉴스)', { caption: '시위대가 행진하고 있다.', credit: 'AP=연합뉴스' }],
    ["난민구조 NGO가 구조한 리비아 난민들 [EPA=연합뉴스 자료사진]", { caption: '난민구조 NGO가 구조한 리비아 난민들', credit: 'EPA=연합뉴스 자료사진' }],
    ['서울 시내 전경 [서울시 제공]', { caption: '서울 시내 전경', credit: '서울시' }],
    ['신제품을 소개하고 있다. (사진 한빛전자 제공)', { caption: '신제품을 소개하고 있다.', credit: '한빛전자' }],
    ['서울 시내 전경. 서울시 제공', { caption: '서울 시내 전경.', credit: '서울시' }],
    ['서울 시내 전경 / 국토교통부 제공', { caption: '서울 시내 전경', credit: '국토교통부' }],
    ['[그래픽] 가계대출 추이', { caption: '[그래픽] 가계대출 추이' }],
    ['정부가 지원금을 제공', { caption: '정부가 지원금을 제공' }],
    ['시민들이 기자회견을 하고 있다. 김혜윤 기자 unique@hanbit.example', { caption: '시민들이 기자회견을 하고 있다.', credit: '김혜윤 기자' }],
    ['15일 서울에서 열린 행사. 박준호 사진기자', { caption: '15일 서울에서 열린 행사.', credit: '박준호 사진기자' }],
    ['기자들이 질문하고 있다', { caption: '기자들이 질문하고 있다' }],
    ['Getty Images', { credit: 'Getty Images' }],
    ['AP Photo/Jane Doe', { credit: 'AP Photo/Jane Doe' }],
    ['Reuters reported the deal on Monday.', { caption: 'Reuters reported the deal on Monday.' }],
    ['반도체 공장에서 직원이 웨이퍼를 살펴보고 있다. /한빛일보 DB', { caption: '반도체 공장에서 직원이 웨이퍼를 살펴보고 있다.', credit: '한빛일보 DB' }],
    ['서울 송파구 아파트 단지 모습. /한경DB', { caption: '서울 송파구 아파트 단지 모습.', credit: '한경DB' }],
    ['시민들이 기자회견을 하고 있다. /김혜윤 기자', { caption: '시민들이 기자회견을 하고 있다.', credit: '김혜윤 기자' }],
    ['서울 송파구 아파트 단지 모습. /한빛일보', { caption: '서울 송파구 아파트 단지 모습.', credit: '한빛일보' }],
    ['수출입 비중 (단위: %/년)', { caption: '수출입 비중 (단위: %/년)' }],
    ['2024/2025 시즌 개막전', { caption: '2024/2025 시즌 개막전' }],
    // A label for screen readers before a sentence about the photo; a credit after the label stays one.
    ['Image: Jose Mourinho, left, has replaced Mauricio Pochettino as manager of Tottenham', { caption: 'Jose Mourinho, left, has replaced Mauricio Pochettino as manager of Tottenham' }],
    ['Photo: Courtesy of the family of the late mayor and the city archive', { credit: 'Courtesy of the family of the late mayor and the city archive' }],
    ['Foto: Getty Images / Photographer is my life', { credit: 'Getty Images / Photographer is my life' }],
    ['Hal and Fran Finney. Photo courtesy Fran Finney', { caption: 'Hal and Fran Finney.', credit: 'Photo courtesy Fran Finney' }],
    ['Courtesy of the artist', { credit: 'Courtesy of the artist' }],
    ['The mayor thanked the crew as a courtesy to the town', { caption: 'The mayor thanked the crew as a courtesy to the town' }],
  ];
  for (const [value, expected] of cases) {
    it(`should split ${JSON.stringify(value)}`, () => assert.deepEqual(splitCredit(value), expected));
  }
});

describe('splitCaption', () => {
  const cases: [string, unknown][] = [
    ['(서울=연합뉴스) 김도훈 기자 = 15일 오전 서울 송파구 아파트 단지 모습. 2025.11.15 superdoo82@yna.example', { caption: '15일 오전 서울 송파구 아파트 단지 모습.', credit: '연합뉴스 김도훈 기자' }],
    ['서울 송파구 아파트 단지 모습. 2025.11.15/뉴스1 ⓒ News1 김명섭 기자', { caption: '서울 송파구 아파트 단지 모습.', credit: 'News1 김명섭 기자' }],
    ['▲ 서울 송파구 아파트 단지 모습. (사진=연합뉴스)', { caption: '서울 송파구 아파트 단지 모습.', credit: '연합뉴스' }],
    ['Protesters march in Seoul. photo=Hankyung DB', { caption: 'Protesters march in Seoul.', credit: 'Hankyung DB' }],
    ['1of4Shoppers look at extension cords at a hardware store. (Jane Doe/The Union via AP)', { caption: 'Shoppers look at extension cords at a hardware store.', credit: 'Jane Doe/The Union via AP' }],
    ['2 of 3 people in the town voted.', { caption: '2 of 3 people in the town voted.' }],
    ['A new electric bus at a depot in Denver.Credit...Rachel Lee for The Daily Example', { caption: 'A new electric bus at a depot in Denver.', credit: 'Rachel Lee for The Daily Example' }],
    ['Credit…Rich Pedroncelli/Associated Press', { credit: 'Rich Pedroncelli/Associated Press' }],
    ['A house for sale in Toronto is shown. (Evan Mitsui/Example Broadcasting)', { caption: 'A house for sale in Toronto is shown.', credit: 'Evan Mitsui/Example Broadcasting' }],
    ['The vote was close (Yes/No) after a long debate.', { caption: 'The vote was close (Yes/No) after a long debate.' }],
    // A closing full stop goes, an abbreviation's stays.
    ["The Herald's old office on Main Street. Photo by the author.", { caption: "The Herald's old office on Main Street.", credit: 'the author' }],
    ['The mill site in 1950. Photo: Jane Doe Jr.', { caption: 'The mill site in 1950.', credit: 'Jane Doe Jr.' }],
    ['The 2024 final was played on 2024.05.01.', { caption: 'The 2024 final was played on 2024.05.01.' }],
    // A wire photo's title before its dateline stays, set apart from the sentence.
    ['국무회의 주재하는 총리 (서울=연합뉴스) 김철수 기자 = 총리가 15일 국무회의를 주재하고 있다. 2025.11.15 kcs@yna.example', { caption: '국무회의 주재하는 총리 — 총리가 15일 국무회의를 주재하고 있다.', credit: '연합뉴스 김철수 기자' }],
    // Words in brackets that are no wire dateline leave the caption whole.
    ['Seoul city hall (file photo) seen from the plaza.', { caption: 'Seoul city hall (file photo) seen from the plaza.' }],
    ['[서울=뉴시스] 김민수 기자 = 15일 서울 한강 옛 다리 위로 차량이 지나고 있다.', { caption: '15일 서울 한강 옛 다리 위로 차량이 지나고 있다.', credit: '뉴시스 김민수 기자' }],
    ['다리 지나는 차량들 [서울=뉴시스] 김민수 기자 = 15일 서울 한강 옛 다리 위로 차량이 지나고 있다.', { caption: '다리 지나는 차량들 — 15일 서울 한강 옛 다리 위로 차량이 지나고 있다.', credit: '뉴시스 김민수 기자' }],
    ['【서울=뉴시스】홍효식 기자 = 바른미래당 후보가 16일 오후 국회에서 모두발언하고 있다.', { caption: '바른미래당 후보가 16일 오후 국회에서 모두발언하고 있다.', credit: '뉴시스 홍효식 기자' }],
    ['모두발언 【서울=뉴시스】홍효식 기자 = 후보가 모두발언하고 있다.', { caption: '모두발언 — 후보가 모두발언하고 있다.', credit: '뉴시스 홍효식 기자' }],
    ['15일 서울 한강 옛 다리. [사진 한빛일보]', { caption: '15일 서울 한강 옛 다리.', credit: '한빛일보' }],
    ['15일 서울 한강 옛 다리 위로 차량이 지나고 있다. 사진 서울시', { caption: '15일 서울 한강 옛 다리 위로 차량이 지나고 있다.', credit: '서울시' }],
    ['15일 서울 한강 옛 다리 위로 차량이 지나고 있다. AFP=연합뉴스', { caption: '15일 서울 한강 옛 다리 위로 차량이 지나고 있다.', credit: 'AFP=연합뉴스' }],
    ['Cars cross the old bridge on Sunday. REUTERS/Jane Doe', { caption: 'Cars cross the old bridge on Sunday.', credit: 'REUTERS/Jane Doe' }],
    ['사진 속 인물은 누구일까. 사진을 보면 알 수 있다.', { caption: '사진 속 인물은 누구일까. 사진을 보면 알 수 있다.' }],
  ];
  for (const [value, expected] of cases) {
    it(`should split ${JSON.stringify(value)}`, () => assert.deepEqual(splitCaption(value), expected));
  }
  it('should leave a wire dateline opening a line of the body to splitCredit', () => {
    assert.equal(splitCredit('(서울=연합뉴스) 홍길동 기자 = 정부가 15일 대책을 내놨다.').credit, undefined);
  });
});

describe('isCreditOnly (labelled lines)', () => {
  it('should read "Image copyright Getty Images" as a credit', () => assert.equal(isCreditOnly('Image copyright Getty Images'), true));
  it("should read the credit of a post's main photo as a credit", () => {
    for (const line of ['Main image credit: Getty', 'Beitragsbild: Stefan Mang', 'Featured image by Alberto Riva/The Example Guy.', 'Top photo by Joan Roe']) assert.equal(isCreditOnly(line), true, line);
    assert.equal(isCreditOnly('Top photographers gathered in Arles for the festival.'), false);
  });
});
