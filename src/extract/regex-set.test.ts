import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alternation, anchoredAtStart, matchesAny } from './regex-set.ts';

const LIST = [
  /^(?:sign up|subscribe)\b.{0,20}newsletter/i,
  /\bcopyright\b/i,
  /[\p{Lu}]{3,}$/u,
  /무단\s*전재/,
  /^(?=.{0,12}$)(?:ad|anzeige)$/iu,
  /(a)b/,
];

describe('alternation', () => {
  it('should answer as the list does, for any line', () => {
    const set = alternation(LIST);
    const words = fc.constantFrom('sign up', 'Subscribe', ' to our ', 'newsletter', 'copyright', 'COPY', 'ABC', '무단 전재', 'ad', 'Anzeige', 'ab', 'x', ' ', 'É');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (parts) => {
        const line = parts.join('');
        assert.equal(matchesAny(set, line), LIST.some((re) => re.test(line)), line);
      }),
      { numRuns: 2000 },
    );
  });
  it('should make one expression per set of flags and anchoring', () => {
    assert.equal(alternation(LIST).length, new Set(LIST.map((re) => `${re.flags} ${anchoredAtStart(re.source)}`)).size);
  });
  it('should put the patterns anchored at the start under one ^ of their own', () => {
    const set = alternation([/^ad$/i, /^(?:sign up|subscribe)\b/i, /copyright/i]);
    assert.deepEqual(set.map((re) => re.source).sort(), ['(?:copyright)', '^(?:(?:ad$)|(?:(?:sign up|subscribe)\\b))']);
  });
  it('should tell a pattern anchored at the start from one with an alternative outside its groups', () => {
    const cases: [RegExp, boolean][] = [[/^a|b/, false], [/^a(?:b|c)|d/, false], [/^[(]a|b/, false], [/a^/, false], [/^x[|]y/, true], [/^x\|y/, true], [/^(?:a|b)$/, true], [/^[\]|]z/, true]];
    for (const [re, anchored] of cases) assert.equal(anchoredAtStart(re.source), anchored, re.source);
  });
  it('should refuse patterns that keep state between tests', () => {
    assert.throws(() => alternation([/a/g]), /keeps state/);
    assert.throws(() => alternation([/a/y]), /keeps state/);
  });
  it('should refuse back references, which would count groups of the other patterns', () => {
    assert.throws(() => alternation([/(x)/, /(a)\1/]), /refers back/);
    assert.throws(() => alternation([/(?<q>a)\k<q>/]), /refers back/);
  });
});
