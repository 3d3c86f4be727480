import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alternation, anchoredAtStart, matchesAny, startBranches } from './regex-set.ts';

const LIST = [
  /^(?:sign up|subscribe)\b.{0,20}newsletter/i,
  /\bcopyright\b/i,
  /[\p{Lu}]{3,}$/u,
  /무단\s*전재/,
  /^(?=.{0,12}$)(?:ad|anzeige)$/iu,
  /(a)b/,
  /^(?=.{0,30}$).*\bsubscribe here\b/i,
  /^(?=.{0,30}$).*newsletter$|^copy/i,
  /^(?=.{0,12}$).*ab/,
];

describe('alternation', () => {
  it('should answer as the list does, for any line', () => {
    const set = alternation(LIST);
    const words = fc.constantFrom('sign up', 'Subscribe', ' to our ', 'newsletter', 'copyright', ' here', 'SUBSCRIBE HERE', '\n', 'COPY', 'ABC', '무단 전재', 'ad', 'Anzeige', 'ab', 'x', ' ', 'É');
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
    const cases: [RegExp, boolean][] = [[/^a|^b/, true], [/^a|(?:^b)/, false], [/^a|b/, false], [/^a(?:b|c)|d/, false], [/^[(]a|b/, false], [/a^/, false], [/^x[|]y/, true], [/^x\|y/, true], [/^(?:a|b)$/, true], [/^[\]|]z/, true]];
    for (const [re, anchored] of cases) assert.equal(anchoredAtStart(re.source), anchored, re.source);
  });
  it('should give the branches of a pattern anchored at the start without their ^', () => {
    assert.deepEqual(startBranches(String.raw`^a(?:b|^c)|^[|^]d|^e\|f`), ['a(?:b|^c)', '[|^]d', String.raw`e\|f`]);
    assert.equal(startBranches('^a|b'), undefined);
  });
  it('should let anchored branches that scan the line share one scan', () => {
    const set = alternation([/^(?=.{0,40}$).*\bsign up\b/i, /^(?=.{0,40}$).*\bsubscribe\b|^ad$/i, /^(?=.{0,9}$).*x/i]);
    assert.deepEqual(set.map((re) => re.source), [String.raw`^(?:(?:ad$)|(?:(?=.{0,40}$).*(?:(?:\bsign up\b)|(?:\bsubscribe\b)))|(?:(?=.{0,9}$).*(?:(?:x))))`]);
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
