import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReporterLine, parseTrailingReporter } from './reporter-line.ts';

describe('parseReporterLine', () => {
  const cases: [string, unknown][] = [
    ['Jane Doe, Example Times reporter jane@example.com', { authors: [{ name: 'Jane Doe', email: 'jane@example.com', outlet: 'Example Times' }] }],
    ['By Jane Doe', { authors: [{ name: 'Jane Doe' }] }],
    ['Write to Jane Doe at jane.doe@example.com', { authors: [{ name: 'Jane Doe', email: 'jane.doe@example.com' }] }],
    ['Write to Jane Doe at jane@example.com and John Roe at john@example.com', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }, { name: 'John Roe', email: 'john@example.com' }] }],
    ['Write to us at letters@example.com', undefined],
    ['By Jane Doe and John Smith', { authors: [{ name: 'Jane Doe' }, { name: 'John Smith' }] }],
    ['Written by: Jane Doe', { authors: [{ name: 'Jane Doe' }] }],
    ['Contact Jane Doe at jane@example.com.', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    ['— Jane Doe, jane@example.com', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    ['Jane Doe can be reached at jane@example.com or 555-0100.', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    // The phone first, or the line asking the reader to reach the reporter.
    ['Jane Doe can be reached at 555-0100 or jane@example.com.', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    ['Contact Jane Doe at 555-555-0100 or jane@example.com.', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    ['Reach Jane Doe at jane@example.com.', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    ['Contact us at desk@example.com.', undefined],
    ['By Jane Doe, Staff Writer', { authors: [{ name: 'Jane Doe' }] }],
    ['Story by Jane Doe', { authors: [{ name: 'Jane Doe' }] }],
    ['By Jane Doe, Correspondent', { authors: [{ name: 'Jane Doe' }] }],
    ['By Jane Doe, CNN Business', { authors: [{ name: 'Jane Doe', outlet: 'CNN Business' }] }],
    ['By Jane Doe, The Example Times', { authors: [{ name: 'Jane Doe', outlet: 'The Example Times' }] }],
    ['By Jane Doe, Senior Reporter, The Example Times', { authors: [{ name: 'Jane Doe', outlet: 'The Example Times' }] }],
    ['Written by Jane Doe and John Smith', { authors: [{ name: 'Jane Doe' }, { name: 'John Smith' }] }],
    ['안혜원 한경닷컴 기자 anhw@hankyung.com', { authors: [{ name: '안혜원', email: 'anhw@hankyung.com', outlet: '한경닷컴' }] }],
    ['홍길동 기자 (hong@yna.co.kr)', { authors: [{ name: '홍길동', email: 'hong@yna.co.kr' }] }],
    ['[서울=뉴시스] 김철수 기자 = 정부는 1일 발표했다.', { authors: [{ name: '김철수', outlet: '뉴시스' }], rest: '정부는 1일 발표했다.' }],
    ['김철수·이영희 기자', { authors: [{ name: '김철수' }, { name: '이영희' }] }],
    ['글=홍길동 기자', { authors: [{ name: '홍길동' }] }],
    ['세종=홍길동 기자 hong@example.kr', { authors: [{ name: '홍길동', email: 'hong@example.kr' }] }],
    ['기자명 홍길동 기자', { authors: [{ name: '홍길동' }] }],
    ['워싱턴=홍길동 특파원', { authors: [{ name: '홍길동' }] }],
    ['사진=홍길동 기자', undefined],
    ['홍길동 수습기자 hong@example.kr', { authors: [{ name: '홍길동', email: 'hong@example.kr' }] }],
    ['홍길동 기자·김철수 PD', { authors: [{ name: '홍길동' }, { name: '김철수' }] }],
    ['홍길동 기자 사진=김철수 기자', { authors: [{ name: '홍길동' }] }],
    ['홍길동 경제부 기자', { authors: [{ name: '홍길동' }] }],
    ['한빛일보 경제부 홍길동 기자', { authors: [{ name: '홍길동', outlet: '한빛일보' }] }],
    ['Jane Doe | jane@example.com', { authors: [{ name: 'Jane Doe', email: 'jane@example.com' }] }],
    ['Reporting by Jane Doe in London; Editing by John Roe', { authors: [{ name: 'Jane Doe' }] }],
    ['(Reporting by Jane Doe and John Roe; Editing by Mary Major)', { authors: [{ name: 'Jane Doe' }, { name: 'John Roe' }] }],
    // Each reporter with the place they wrote from.
    ['(Reporting by Jane Doe in London and John Roe in Singapore; Editing by Mary Major)', { authors: [{ name: 'Jane Doe' }, { name: 'John Roe' }] }],
    ['(Reporting by Ana Silva in Rio de Janeiro; Editing by Mary Major)', { authors: [{ name: 'Ana Silva' }] }],
    ['Writing by Jane Doe; Additional reporting by Tom Poe in Paris; Editing by Mary Major', { authors: [{ name: 'Jane Doe' }] }],
    ['Editing by John Roe', undefined],
    ['【워싱턴=홍길동 특파원】', { authors: [{ name: '홍길동' }] }],
    ['[세종=홍길동 기자] 정부는 1일 발표했다.', { authors: [{ name: '홍길동' }], rest: '정부는 1일 발표했다.' }],
    ['[한빛일보=홍길동 기자] 정부는 1일 발표했다.', { authors: [{ name: '홍길동', outlet: '한빛일보' }], rest: '정부는 1일 발표했다.' }],
    ['글·사진 홍길동 기자', { authors: [{ name: '홍길동' }] }],
    ['사진=홍길동 기자', undefined],
    ['한빛일보 홍길동 기자 hong@example.com', { authors: [{ name: '홍길동', email: 'hong@example.com', outlet: '한빛일보' }] }],
    ['뉴스1 홍길동 기자', { authors: [{ name: '홍길동', outlet: '뉴스1' }] }],
    ['한빛방송 홍길동입니다.', { authors: [{ name: '홍길동', outlet: '한빛방송' }] }],
    ['KBS 뉴스 홍길동입니다.', { authors: [{ name: '홍길동', outlet: 'KBS 뉴스' }] }],
    ['여기는 서울 광화문입니다.', undefined],
    ['【서울=한빛통신】 홍길동 기자 = 서울시는 15일 예산을 승인했다.', { authors: [{ name: '홍길동', outlet: '한빛통신' }], rest: '서울시는 15일 예산을 승인했다.' }],
    ['머니투데이 홍길동 기자', { authors: [{ name: '홍길동', outlet: '머니투데이' }] }],
    ['정덕현 칼럼니스트 thekian@example.co.kr', { authors: [{ name: '정덕현', email: 'thekian@example.co.kr' }] }],
    ['칼럼니스트 박생강 pillgoo@example.com', { authors: [{ name: '박생강', email: 'pillgoo@example.com' }] }],
    ['엔터미디어 칼럼니스트 정덕현', { authors: [{ name: '정덕현', outlet: '엔터미디어' }] }],
    ['대중문화평론가 김하늘', { authors: [{ name: '김하늘' }] }],
    ['평론가들은 이 영화를 높이 평가했다.', undefined],
    ['박준호·이서연 한빛경제 기자 jh@hanbit.example, sy@hanbit.example', { authors: [{ name: '박준호', email: 'jh@hanbit.example', outlet: '한빛경제' }, { name: '이서연', email: 'sy@hanbit.example', outlet: '한빛경제' }] }],
    ['Marcus Webb and Priya Nair, Harbor Gazette reporters mw@hg.example, pn@hg.example', { authors: [{ name: 'Marcus Webb', email: 'mw@hg.example', outlet: 'Harbor Gazette' }, { name: 'Priya Nair', email: 'pn@hg.example', outlet: 'Harbor Gazette' }] }],
    ['The government said on Monday it would act.', undefined],
    ['By the way, this is prose that happens to begin with by.', undefined],
    ['정부는 정책을 발표했다.', undefined],
    ['[한빛경제 김은비 기자] 가계대출이 1조원 늘었다.', { authors: [{ name: '김은비', outlet: '한빛경제' }], rest: '가계대출이 1조원 늘었다.' }],
    ['[한빛경제=김은비 기자] 가계대출이 늘었다.', { authors: [{ name: '김은비', outlet: '한빛경제' }], rest: '가계대출이 늘었다.' }],
    ['[한빛경제 박준호 기자, 이서연 기자] 본문이다.', { authors: [{ name: '박준호', outlet: '한빛경제' }, { name: '이서연', outlet: '한빛경제' }], rest: '본문이다.' }],
    ['[한빛경제 박준호·이서연 기자]', { authors: [{ name: '박준호', outlet: '한빛경제' }, { name: '이서연', outlet: '한빛경제' }] }],
    ['[단독] 정부, 가계대출 규제 강화', undefined],
    ['[한빛경제] 정부는 정책을 발표했다.', undefined],
    ['김은비 (silver@hanbit.example)', { authors: [{ name: '김은비', email: 'silver@hanbit.example' }] }],
    ['문의는 (help@hanbit.example)', undefined],
    ['BY LEE JAE-LIM [lee.jaelim@hanbit.example]', { authors: [{ name: 'LEE JAE-LIM', email: 'lee.jaelim@hanbit.example' }] }],
    ['By Kim Da-sol (dasol@hanbit.example)', { authors: [{ name: 'Kim Da-sol', email: 'dasol@hanbit.example' }] }],
    // The address after a comma is whole, not cut into an outlet and the rest.
    ['By Jane Doe, jdoe@harbor.example', { authors: [{ name: 'Jane Doe', email: 'jdoe@harbor.example' }] }],
    ['By Jane Doe, Harbor Gazette, jdoe@harbor.example', { authors: [{ name: 'Jane Doe', email: 'jdoe@harbor.example', outlet: 'Harbor Gazette' }] }],
    // A date and time after the name is no outlet.
    ['By Jane Doe - 11/18/19 11:04 PM EST', { authors: [{ name: 'Jane Doe' }] }],
  ];
  for (const [value, expected] of cases) {
    it(`should parse ${JSON.stringify(value)}`, () => assert.deepEqual(parseReporterLine(value), expected));
  }
  it('should find a byline glued to the last paragraph', () => {
    assert.deepEqual(parseTrailingReporter('정부는 정책을 발표했다. 홍길동 기자 hong@yna.co.kr'), {
      authors: [{ name: '홍길동', email: 'hong@yna.co.kr' }],
      rest: '정부는 정책을 발표했다.',
    });
  });
});
