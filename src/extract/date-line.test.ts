import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDateLine } from './date-line.ts';

describe('isDateLine', () => {
  const cases: [string, boolean][] = [
    ['입력 2026.11.24 09:31 수정 2026.11.24 10:05', true],
    ['입력 2026.11.25 14:02', true],
    ['기사승인 2026.11.25 14:02', true],
    ['입력 2025년 11월 15일 08시 47분', true],
    ['segunda-feira, 22 de janeiro de 2018 às 0:13', true],
    ['Today 12:01 AM', true],
    ['Sat 15 Nov 2025 08.47 GMT', true],
    ['발행일 2025.11.15', true],
    ['게재 일자 : 2025년 11월 15일(토)', true],
    ['Sat 15 Nov 2025 08.47 Uhr Treffen', false],
    ['heute, 10:20 Uhr', true],
    ['Today we go', false],
    ['입력 2025년 11월 15일 08시 47분 12초', true],
    ['기사입력 2024-05-01 오후 3:20', true],
    ['Published 10:20 AM, Updated 11:05 AM', true],
    ['Updated: 9.45pm', true],
    ['Doors open at 9.45 and close at 11.30', false],
    ['Nov. 24, 2026, 6:45 a.m. ET | Updated 9:10 a.m. ET', true],
    ['Monday, May 1, 2024', true],
    ['Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM', true],
    ['Publikacja: 04.05.2021', true],
    ['Veröffentlichung: 2. Februar 2022', true],
    ['Aktualisiert am 17.01.2021.', true],
    ['Veröffentlicht am Mittwoch, 27. November 2019 um 15:21 Uhr', true],
    ['7. oktober 2020', true],
    ['Publikacja: 4 października 2021', true],
    ['Posted on Maret 30, 2015', true],
    ['Publié le 12 mars 2021 à 10:15', true],
    ['Publicado el 4 de mayo de 2021', true],
    ['News date : 04/21/2022', true],
    ['12.16.14', true],
    ['JAKARTA Tue Dec 30, 2014 9:21am IST', true],
    ['NEW YORK — Nov. 24, 2026', true],
    ['NASA Updated 10:20', false],
    ['NATO summit on May 1, 2024', false],
    ['16/12/14', true],
    ['4.40.14', false],
    ['13.13.14', false],
    ['Version 2.10.14', false],
    ['Der Rat tagte am 2. Februar 2022 im Rathaus.', false],
    ['Le conseil a voté le 12 mars 2021.', false],
    ['Nov 19', false],
    ['10:20', false],
    ['The council met on May 1, 2024 to vote.', false],
    ['서울 아파트 전세가율이 2026.11.24 기준 52.1%로 떨어졌다.', false],
    ['', false],
  ];
  for (const [value, expected] of cases) {
    it(`should say ${expected} for ${JSON.stringify(value)}`, () => assert.equal(isDateLine(value), expected));
  }
});
