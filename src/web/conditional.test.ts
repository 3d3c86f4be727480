// Conditional requests: ETag and Last-Modified validators, If-None-Match before If-Modified-Since.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { answerWith, httpDate } from './conditional.ts';

function appWith(lastModified?: string) {
  const app = new Hono();
  let built = 0;
  app.get('/', (c) => answerWith(c, { etag: 'W/"abc"', lastModified }, () => `body ${++built}`, 'text/plain'));
  return { app, built: () => built };
}

describe('conditional answers', () => {
  const modified = httpDate('2026-11-24T08:00:00.500Z')!;

  it('should format an ISO time as an HTTP date, and refuse what is not one', () => {
    assert.equal(modified, 'Tue, 24 Nov 2026 08:00:00 GMT');
    assert.equal(httpDate('yesterday'), undefined);
    assert.equal(httpDate(undefined), undefined);
  });

  const cases: { name: string; headers: Record<string, string>; expected: number }[] = [
    { name: 'no validators sent', headers: {}, expected: 200 },
    { name: 'the same ETag', headers: { 'if-none-match': '"abc"' }, expected: 304 },
    { name: 'one of several ETags', headers: { 'if-none-match': 'W/"x", W/"abc"' }, expected: 304 },
    { name: '*', headers: { 'if-none-match': '*' }, expected: 304 },
    { name: 'another ETag', headers: { 'if-none-match': 'W/"old"' }, expected: 200 },
    { name: 'If-Modified-Since the same second', headers: { 'if-modified-since': modified }, expected: 304 },
    { name: 'If-Modified-Since later', headers: { 'if-modified-since': 'Wed, 25 Nov 2026 08:00:00 GMT' }, expected: 304 },
    { name: 'If-Modified-Since a second earlier', headers: { 'if-modified-since': 'Tue, 24 Nov 2026 07:59:59 GMT' }, expected: 200 },
    { name: 'an unparseable If-Modified-Since', headers: { 'if-modified-since': 'soon' }, expected: 200 },
    // RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since is then not looked at.
    { name: 'another ETag with a current date', headers: { 'if-none-match': 'W/"old"', 'if-modified-since': modified }, expected: 200 },
    { name: 'the same ETag with an old date', headers: { 'if-none-match': 'W/"abc"', 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' }, expected: 304 },
  ];
  for (const { name, headers, expected } of cases) {
    it(`should answer ${expected} for ${name}`, async () => {
      const { app, built } = appWith(modified);
      const res = await app.request('/', { headers });
      assert.equal(res.status, expected);
      assert.equal(res.headers.get('etag'), 'W/"abc"');
      assert.equal(res.headers.get('last-modified'), modified);
      assert.equal(built(), expected === 304 ? 0 : 1, 'the body is built only for a 200');
    });
  }

  it('should ignore If-Modified-Since when the page has no Last-Modified', async () => {
    const { app } = appWith(undefined);
    const res = await app.request('/', { headers: { 'if-modified-since': 'Wed, 25 Nov 2030 08:00:00 GMT' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('last-modified'), null);
  });
});
