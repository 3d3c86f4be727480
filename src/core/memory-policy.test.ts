// The memory policy's setting: a whole number of percent, or a clear refusal that changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyMemoryPolicy } from './memory-policy.ts';

describe('applyMemoryPolicy', () => {
  it('should take the default, a whole number, or 0 (V8 own policy)', () => {
    for (const value of [undefined, '30', '0', '100']) assert.equal(applyMemoryPolicy(value === undefined ? {} : { LEDE_HEAP_GROWING_PERCENT: value }), undefined);
  });
  it('should refuse anything else with a message naming the setting', () => {
    for (const value of ['30%', '-1', 'x', '', '1.5']) assert.match(applyMemoryPolicy({ LEDE_HEAP_GROWING_PERCENT: value }) ?? '', /^LEDE_HEAP_GROWING_PERCENT must be a whole number of percent/);
  });
});
