import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate } from './date-parse.ts';

describe('parseDate', () => {
  const cases: [string, string | undefined][] = [
    ['2024-05-01T10:20:00+09:00', '2024-05-01T10:20:00.000+09:00'],
    ['2024-05-01T10:20:00Z', '2024-05-01T10:20:00.000Z'],
    ['4.\u2009 2.\u2009 2022.', '2022-02-04T00:00:00.000Z'],
    ['입력 2024.05.01 10:20', '2024-05-01T10:20:00.000+09:00'],
    ['2024-05-01 오전 10:20', '2024-05-01T10:20:00.000+09:00'],
    ['2024-05-01 오후 12:05', '2024-05-01T12:05:00.000+09:00'],
    ['2024년 5월 1일 오후 3:20', '2024-05-01T15:20:00.000+09:00'],
    ['Wed, 01 May 2024 10:20:00 GMT', '2024-05-01T10:20:00.000Z'],
    ['May 1, 2024', '2024-05-01T00:00:00.000Z'],
    ['3. August 2015', '2015-08-03T00:00:00.000Z'],
    ['Samstag, 9. September 2017', '2017-09-09T00:00:00.000Z'],
    ['23 mai 2019', '2019-05-23T00:00:00.000Z'],
    ['4 de mayo de 2022', '2022-05-04T00:00:00.000Z'],
    ['07 Dezember, 2022', '2022-12-07T00:00:00.000Z'],
    ['28. Jan. 2022', '2022-01-28T00:00:00.000Z'],
    ['December 29th 2019', '2019-12-29T00:00:00.000Z'],
    ['Published On May 10, 2022 01:52 PM', '2022-05-10T13:52:00.000Z'],
    ['20.06.2019 11:43', '2019-06-20T11:43:00.000Z'],
    ['Di, 27.1.2022 - 14:45 Uhr', '2022-01-27T14:45:00.000Z'],
    ['04/13/2020', '2020-04-13T00:00:00.000Z'],
    ['13/04/2020', '2020-04-13T00:00:00.000Z'],
    ['Apr 16, 2015 8:02 pm UTC', '2015-04-16T20:02:00.000Z'],
    ['2000 Besucher', undefined],
    ['Version 1.2.2020b', undefined],
    ['garbage', undefined],
    ['', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`should parse ${JSON.stringify(value)}`, () => assert.equal(parseDate(value), expected));
  }
  it('should read slashed dates day first when asked (pages not in English)', () => {
    assert.equal(parseDate('02/04/2022', { dayFirst: true }), '2022-04-02T00:00:00.000Z');
    assert.equal(parseDate('02/04/2022'), '2022-02-04T00:00:00.000Z');
    assert.equal(parseDate('04/13/2020', { dayFirst: true }), '2020-04-13T00:00:00.000Z');
  });
  it('should read zone-less values in the given offset', () => {
    assert.equal(parseDate('2024-05-01 10:20', { defaultOffset: '+09:00' }), '2024-05-01T10:20:00.000+09:00');
  });
});
