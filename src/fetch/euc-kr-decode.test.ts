// EUC-KR decoding follows the WHATWG table, including the syllables outside KS X 1001.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEucKr } from './euc-kr-decode.ts';

describe('decodeEucKr', () => {
  it('should decode KS X 1001 text like the platform decoder', () => {
    const bytes = new Uint8Array([0xc7, 0xd1, 0xb1, 0xb9, 0xc0, 0xba, 0xc7, 0xe0, 0x20, 0x41, 0x42, 0x2e]);
    assert.equal(decodeEucKr(bytes), new TextDecoder('euc-kr').decode(bytes));
    assert.equal(decodeEucKr(bytes), '한국은행 AB.');
  });
  it('should decode the UHC syllables that the platform decoder drops', () => {
    // 똠 (0x8C63), 갂 (0x8141, the first UHC syllable), 힣 (0xC652, the last)
    assert.equal(decodeEucKr(new Uint8Array([0x8c, 0x63, 0x81, 0x41, 0xc6, 0x52])), '똠갂힣');
  });
  it('should turn invalid sequences into U+FFFD without eating ASCII', () => {
    assert.equal(decodeEucKr(new Uint8Array([0xc7, 0x20, 0x41])), '\ufffd A');
    assert.equal(decodeEucKr(new Uint8Array([0x41, 0xb0])), 'A\ufffd');
    assert.equal(decodeEucKr(new Uint8Array([0xff, 0x41])), '\ufffdA');
  });
});

describe('decodeBody with EUC-KR', () => {
  it('should decode a page declared as EUC-KR with its UHC syllables', async () => {
    const { decodeBody } = await import('./decode-body.ts');
    const head = new TextEncoder().encode('<meta charset="euc-kr"><p>');
    const bytes = new Uint8Array([...head, 0x8c, 0x63, 0xb0, 0xa1]);
    assert.equal(decodeBody(bytes, { kind: 'html' }).text, '<meta charset="euc-kr"><p>똠가');
  });
  it('should read a page that declares EUC-KR but is UTF-8 as UTF-8, unless the server says EUC-KR', async () => {
    const { decodeBody } = await import('./decode-body.ts');
    const bytes = new TextEncoder().encode('<meta charset="euc-kr"><p>연천군은 협약을 체결했다.</p>');
    assert.deepEqual(decodeBody(bytes, { kind: 'html' }), { text: '<meta charset="euc-kr"><p>연천군은 협약을 체결했다.</p>', charset: 'utf-8', source: 'sniffed' });
    assert.equal(decodeBody(bytes, { kind: 'html', contentType: 'text/html; charset=euc-kr' }).charset, 'euc-kr');
    // ASCII only: the declaration stands (it cannot be told wrong).
    assert.equal(decodeBody(new TextEncoder().encode('<meta charset="euc-kr"><p>plain</p>'), { kind: 'html' }).charset, 'euc-kr');
    // Real EUC-KR is not valid UTF-8.
    const euc = new Uint8Array([...new TextEncoder().encode('<meta charset="euc-kr"><p>'), 0xc7, 0xd1, 0xb1, 0xb9]);
    assert.deepEqual(decodeBody(euc, { kind: 'html' }), { text: '<meta charset="euc-kr"><p>한국', charset: 'euc-kr', source: 'meta' });
  });
});
