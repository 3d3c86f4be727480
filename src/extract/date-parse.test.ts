import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atShownClock, offsetOfLanguage, parseDate, writesZone } from './date-parse.ts';

describe('parseDate', () => {
  const cases: [string, string | undefined][] = [
    ['2024-05-01T10:20:00+09:00', '2024-05-01T10:20:00.000+09:00'],
    ['2024-05-01T10:20:00Z', '2024-05-01T10:20:00.000Z'],
    // ISO 8601's basic form, as some JSON-LD writes it.
    ['20180619T055000+0900', '2018-06-19T05:50:00.000+09:00'],
    ['20180619T0550Z', '2018-06-19T05:50:00.000Z'],
    ['20180619', '2018-06-19T00:00:00.000Z'],
    ['20181319', undefined],
    ['Published 8:47 AM EST, Sat November 15, 2025', '2025-11-15T08:47:00.000-05:00'],
    ['Nov. 15, 2025 at 8:47 a.m. ET', '2025-11-15T08:47:00.000-05:00'],
    // A word that opens like a month is no month ("Jane" is not January, "Market" not March).
    ['15 November 2025 • 8:47am', '2025-11-15T08:47:00.000Z'],
    ['2025-11-15 08:47 ET', '2025-11-15T08:47:00.000-05:00'],
    ['2025-07-15 08:47 PT', '2025-07-15T08:47:00.000-07:00'],
    ['Jane DoeNovember 15, 2025', undefined],
    ['Market report 15, 2025', undefined],
    ['Sat, 15 Nov 2025 08:47:00 GMT', '2025-11-15T08:47:00.000Z'],
    // A clock in brackets after the date is its clock.
    ['2025.11.15 (19:42)', '2025-11-15T19:42:00.000Z'],
    ['입력 2025.11.15. (오후 8:05)', '2025-11-15T20:05:00.000+09:00'],
    ['Nov 15, 2025 (8:05 PM)', '2025-11-15T20:05:00.000Z'],
    ['2025-11-15 (토)', '2025-11-15T00:00:00.000+09:00'],
    ['July 4, 2025 at 8:47 a.m. ET', '2025-07-04T08:47:00.000-04:00'],
    ['March 8, 2025 10:00 AM ET', '2025-03-08T10:00:00.000-05:00'],
    ['March 9, 2025 10:00 AM ET', '2025-03-09T10:00:00.000-04:00'],
    ['November 1, 2025 10:00 AM PT', '2025-11-01T10:00:00.000-07:00'],
    ['November 2, 2025 10:00 AM PT', '2025-11-02T10:00:00.000-08:00'],
    ['Sat 15 Nov 2025 08.47 GMT', '2025-11-15T08:47:00.000Z'],
    ['Tue 15 Jul 2025 08.47 BST', '2025-07-15T08:47:00.000+01:00'],
    ['November 15, 2025 12.50 Euro', '2025-11-15T00:00:00.000Z'],
    ['2015-03-27T13:07:55.096Z', '2015-03-27T13:07:55.096Z'],
    ['2017-11-24T18:42:20.314667', '2017-11-24T18:42:20.314Z'],
    ['2019-10-18 17:23:34.8+02:00', '2019-10-18T17:23:34.800+02:00'],
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

describe('offsetOfLanguage', () => {
  it("should give the one zone of a Korean, Japanese or Chinese page and none for languages spanning zones", () => {
    assert.deepEqual(['ko', 'ko-KR', 'ja', 'ja-JP', 'zh-CN', 'zh-Hant', 'en', 'en-US', 'es', '', undefined].map((l) => offsetOfLanguage(l)), ['+09:00', '+09:00', '+09:00', '+09:00', '+08:00', '+08:00', undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('atShownClock', () => {
  it('should write a UTC time at the offset of the bare clock the page prints', () => {
    assert.equal(atShownClock('2023-11-09T05:30:59.000Z', '2023-11-08T23:30:59.000Z'), '2023-11-08T23:30:59.000-06:00');
    // The page prints minutes only: compared to the minute.
    assert.equal(atShownClock('2023-11-09T05:30:59.000Z', '2023-11-08T23:30:00.000Z'), '2023-11-08T23:30:59.000-06:00');
    assert.equal(atShownClock('2022-01-25T12:02:53.000Z', '2022-01-25T17:32:53.000Z'), '2022-01-25T17:32:53.000+05:30');
  });
  it('should take the offset of a shown time that is the same instant', () => {
    assert.equal(atShownClock('2017-02-24T01:18:13.000Z', '2017-02-23T17:18:13.000-08:00'), '2017-02-23T17:18:13.000-08:00');
  });
  it('should read a zone-less declaration at the offset of a page that prints the same clock with one', () => {
    // A Korean page declaring "2025-11-15T08:47" without a zone (read as UTC) and printing "입력 2025.11.15 08:47" (KST).
    assert.equal(atShownClock('2025-11-15T08:47:00.000Z', '2025-11-15T08:47:00.000+09:00'), '2025-11-15T08:47:00.000+09:00');
  });
  it('should leave the declared time alone when the shown time says nothing of the clock', () => {
    const declared = '2023-11-09T05:30:59.000Z';
    assert.equal(atShownClock(declared, undefined), declared);
    assert.equal(atShownClock(declared, '2023-11-08T00:00:00.000Z'), declared, 'a date without a time');
    assert.equal(atShownClock(declared, '2023-11-09T17:30:59.000Z'), declared, 'twelve hours off: a clock without am/pm');
    assert.equal(atShownClock(declared, '2023-11-08T23:17:12.000Z'), declared, 'another time, not a whole quarter hour away');
    assert.equal(atShownClock(declared, '2023-11-07T23:30:59.000Z'), declared, 'more than fourteen hours away');
    assert.equal(atShownClock(declared, '2023-11-09T03:30:59.000Z', true), declared, 'a shown time that wrote its zone is another time');
    assert.equal(atShownClock(declared, '2023-11-09T10:30:59.000+09:00'), declared, 'another instant at another offset');
    assert.equal(atShownClock('2023-11-08T23:30:59.000-06:00', '2023-11-09T01:30:59.000Z'), '2023-11-08T23:30:59.000-06:00', 'a declaration with its own offset');
  });
});

describe('writesZone', () => {
  for (const raw of ['30 April 2019 13:10 GMT', '2019-04-30T15:10:10Z', '2019-04-30T15:10:10+0000', 'Updated 10:00 +02:00 today', 'Apr 16, 2015 8:02 pm UTC']) {
    it(`should see the zone of ${JSON.stringify(raw)}`, () => assert.equal(writesZone(raw), true));
  }
  for (const raw of ['PUBLISHED: November 8, 2023 at 11:30 p.m.', '2023-11-08 23:30:59', '입력 2025.11.15 08:47', 'Zeit: 12:30 Uhr']) {
    it(`should see no zone in ${JSON.stringify(raw)}`, () => assert.equal(writesZone(raw), false));
  }
});
