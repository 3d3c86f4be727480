// The schedule's arithmetic: publish rate, hints that slow polling down, bounds, backoff, Retry-After.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMaxAge, parseRetryAfter } from '../fetch/cache-headers.ts';
import { delayAfterFailure, intervalAfterSuccess, publishIntervalMinutes } from './poll-schedule.ts';

const policy = { defaultMinutes: 30, minMinutes: 5, maxMinutes: 1440 };
const now = Date.parse('2026-11-26T12:00:00.000Z');
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

describe('publishIntervalMinutes', () => {
  const table: [string, (string | undefined)[], number | undefined][] = [
    ['one entry an hour', [ago(0), ago(60), ago(120), ago(180)], 45],
    ['a quiet feed slows down', [ago(6000), ago(6060)], 3030],
    ['undated or invalid dates', [undefined, 'not a date', ago(10)], undefined],
    ['dates in the far future are ignored', ['2999-01-01T00:00:00.000Z', ago(20), ago(40)], 20],
    ['only the last 20 dated entries count', Array.from({ length: 40 }, (_, i) => ago(i * 10)), 9.5],
  ];
  for (const [name, dates, expected] of table) {
    it(`should read ${name}`, () => assert.equal(publishIntervalMinutes(dates, now), expected));
  }
});

describe('intervalAfterSuccess', () => {
  const table: [string, Parameters<typeof intervalAfterSuccess>[0], number][] = [
    ['the publish rate', { publishMinutes: 45 }, 45],
    ['the default without dates', {}, 30],
    ['never below the minimum', { publishMinutes: 1 }, 5],
    ['never above the maximum', { publishMinutes: 100_000 }, 1440],
    ['a longer <ttl> wins', { publishMinutes: 10, ttlMinutes: 60 }, 60],
    ['a shorter <ttl> does not speed up', { publishMinutes: 120, ttlMinutes: 60 }, 120],
    ['Cache-Control max-age', { publishMinutes: 10, maxAgeSeconds: 1800 }, 30],
    ['hints within the maximum', { publishMinutes: 10, ttlMinutes: 10_080 }, 1440],
  ];
  for (const [name, hints, expected] of table) {
    it(`should honour ${name}`, () => assert.equal(intervalAfterSuccess(hints, policy), expected));
  }
});

describe('delayAfterFailure', () => {
  it('should double per failure in a row up to a day, and take a Retry-After as it is', () => {
    assert.deepEqual([1, 2, 3, 7, 40].map((n) => delayAfterFailure(30, n, policy)), [60, 120, 240, 1440, 1440]);
    assert.equal(delayAfterFailure(30, 3, policy, 120), 2);
    assert.equal(delayAfterFailure(30, 1, policy, 10 * 86_400), 1440);
  });
});

describe('cache headers', () => {
  it('should read Cache-Control max-age', () => {
    assert.deepEqual(['max-age=600', 'public, max-age="60"', 'no-cache, max-age=600', 'private', undefined].map(parseMaxAge), [600, 60, 0, undefined, undefined]);
  });
  it('should read Retry-After in seconds or as a date', () => {
    const at = Date.parse('2026-11-26T12:00:00.000Z');
    assert.equal(parseRetryAfter('120', at), 120);
    assert.equal(parseRetryAfter('Thu, 26 Nov 2026 12:05:00 GMT', at), 300);
    assert.equal(parseRetryAfter('Thu, 26 Nov 2026 11:00:00 GMT', at), 0);
    assert.equal(parseRetryAfter('soon', at), undefined);
    assert.equal(parseRetryAfter('-5', at), undefined);
  });
});
