// Reading the reader cookie out of a Cookie header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cookieValue } from './reader-identity.ts';

describe('cookieValue', () => {
  const cases: { header: string | undefined; expected: string | undefined }[] = [
    { header: undefined, expected: undefined },
    { header: '', expected: undefined },
    { header: 'lede_reader=abc.def', expected: 'abc.def' },
    { header: 'a=1; lede_reader=abc.def; b=2', expected: 'abc.def' },
    { header: 'a=1;lede_reader=abc.def', expected: 'abc.def' },
    { header: 'xlede_reader=evil; lede_reader=good', expected: 'good' },
    { header: 'a=lede_reader=evil', expected: undefined },
    { header: 'a=1; b=2', expected: undefined },
    { header: 'lede_reader=', expected: '' },
  ];
  for (const { header, expected } of cases) {
    it(`should read ${JSON.stringify(expected)} from ${JSON.stringify(header)}`, () => {
      assert.equal(cookieValue(header, 'lede_reader'), expected);
    });
  }
});
