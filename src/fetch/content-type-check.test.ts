// Content-type verdicts and image magic-byte sniffing (the media proxy's second line of defence).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeMediaType, sniffAccepts, sniffImageType } from './content-type-check.ts';

const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/\s/g, ''), 'hex'));
const text = (t: string): Uint8Array => new Uint8Array(Buffer.from(t, 'latin1'));

describe('sniffImageType', () => {
  const cases: { name: string; value: Uint8Array; expected: string | undefined }[] = [
    { name: 'PNG', value: hex('89504e470d0a1a0a 0000000d49484452'), expected: 'image/png' },
    { name: 'JPEG', value: hex('ffd8ffe000104a464946'), expected: 'image/jpeg' },
    { name: 'GIF87a', value: text('GIF87a\x01\x00'), expected: 'image/gif' },
    { name: 'GIF89a', value: text('GIF89a\x01\x00'), expected: 'image/gif' },
    { name: 'WebP', value: text('RIFF\x24\x00\x00\x00WEBPVP8 '), expected: 'image/webp' },
    { name: 'WAVE is not WebP', value: text('RIFF\x24\x00\x00\x00WAVEfmt '), expected: undefined },
    { name: 'ICO', value: hex('0000010001002020'), expected: 'image/x-icon' },
    { name: 'BMP', value: hex('424d 3a000000 00000000 36000000 28000000 01000000 01000000'), expected: 'image/bmp' },
    { name: 'text starting with BM', value: text('BM is a nice band, really, I mean it'), expected: undefined },
    { name: 'AVIF (major brand)', value: hex('0000001c 66747970 61766966 00000000 61766966 6d696631 6d696166'), expected: 'image/avif' },
    { name: 'AVIF (compatible brand)', value: hex('00000018 66747970 6d696631 00000000 6d696631 61766966'), expected: 'image/avif' },
    { name: 'HEIC', value: hex('00000018 66747970 68656963 00000000 6d696631 68656963'), expected: undefined },
    { name: 'HTML', value: text('<!doctype html><html><body>hi</body></html>'), expected: undefined },
    { name: 'SVG', value: text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), expected: undefined },
    { name: 'empty', value: new Uint8Array(0), expected: undefined },
  ];
  for (const { name, value, expected } of cases) {
    it(`should sniff ${name} as ${expected ?? 'not an image'}`, () => {
      assert.equal(sniffImageType(value), expected);
      assert.equal(sniffAccepts('image', value), expected !== undefined);
    });
  }
});

describe('judgeMediaType for images', () => {
  const cases: { value: string; expected: string }[] = [
    { value: 'image/png', expected: 'sniff' },
    { value: 'image/jpeg', expected: 'sniff' },
    { value: 'image/vnd.microsoft.icon', expected: 'sniff' },
    { value: 'application/octet-stream', expected: 'sniff' },
    { value: '', expected: 'sniff' },
    { value: 'image/svg+xml', expected: 'reject' },
    { value: 'text/html', expected: 'reject' },
    { value: 'image/tiff', expected: 'reject' },
  ];
  for (const { value, expected } of cases) {
    it(`should ${expected} ${value || 'a missing type'}`, () => assert.equal(judgeMediaType('image', value), expected));
  }

  it('should leave the other kinds as they were', () => {
    assert.equal(judgeMediaType('html', 'image/png'), 'reject');
    assert.equal(judgeMediaType('any', 'image/svg+xml'), 'accept');
  });
});
