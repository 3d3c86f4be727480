import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate } from './date-parse.ts';

describe('parseDate', () => {
  const cases: [string, string | undefined][] = [
    ['2024-05-01T10:20:00+09:00', '2024-05-01T01:20:00.000Z'],
    ['2024-05-01T10:20:00Z', '2024-05-01T10:20:00.000Z'],
    ['입력 2024.05.01 10:20', '2024-05-01T01:20:00.000Z'],
    ['2024-05-01 오전 10:20', '2024-05-01T01:20:00.000Z'],
    ['2024-05-01 오후 12:05', '2024-05-01T03:05:00.000Z'],
    ['2024년 5월 1일 오후 3:20', '2024-05-01T06:20:00.000Z'],
    ['Wed, 01 May 2024 10:20:00 GMT', '2024-05-01T10:20:00.000Z'],
    ['May 1, 2024', '2024-05-01T00:00:00.000Z'],
    ['garbage', undefined],
    ['', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`should parse ${JSON.stringify(value)}`, () => assert.equal(parseDate(value), expected));
  }
  it('should read zone-less values in the given offset', () => {
    assert.equal(parseDate('2024-05-01 10:20', { defaultOffset: '+09:00' }), '2024-05-01T01:20:00.000Z');
  });
});
