import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { decodeCfEmail, restoreProtectedEmails, type CfDocument } from './protected-emails.ts';
import { extractArticle } from './extract-article.ts';

/** `email` as Cloudflare encodes it with `key`. */
const encode = (email: string, key: number) => key.toString(16).padStart(2, '0') + [...email].map((c) => (c.charCodeAt(0) ^ key).toString(16).padStart(2, '0')).join('');

describe('decodeCfEmail', () => {
  it('should decode an address under any key, and nothing that is no address', () => {
    assert.equal(decodeCfEmail(encode('jane.doe@example.com', 0x42)), 'jane.doe@example.com');
    assert.equal(decodeCfEmail(encode('hong@hanbit.example', 0xa7)), 'hong@hanbit.example');
    assert.equal(decodeCfEmail(encode('not an address', 0x42)), undefined);
    assert.equal(decodeCfEmail('42'), undefined);
    assert.equal(decodeCfEmail('zz11'), undefined);
  });
});

describe('restoreProtectedEmails', () => {
  it('should put the address back in the text and make its link a mailto: link', () => {
    const hex = encode('jane@example.com', 0x5c);
    const doc = parseHtmlDocument(`<!doctype html><html><body><p>Write to <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</a>.</p><p><a href="/cdn-cgi/l/email-protection#${hex}"><span class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</span></a></p></body></html>`);
    restoreProtectedEmails(doc as unknown as CfDocument);
    assert.deepEqual(Array.from(doc.querySelectorAll('p'), (p) => p.textContent), ['Write to jane@example.com.', 'jane@example.com']);
    assert.deepEqual(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href')), ['mailto:jane@example.com', 'mailto:jane@example.com']);
  });
  it("should give the reporter the address a protected byline hides", async () => {
    const story = ['The city council voted on Tuesday to approve a new budget that raises spending on public transit by twelve percent over last year.', 'Supporters said the plan would shorten waiting times on the busiest routes, while critics warned that the money would have to come from higher fares.', 'The mayor is expected to sign the measure next week, officials said, after a final review by the finance committee.'];
    const html = `<!doctype html><html lang="en"><head><title>Council approves transit budget</title></head><body><article><h1>Council approves transit budget</h1><div class="body">${story.map((p) => `<p>${p}</p>`).join('')}<p>Jane Doe can be reached at <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="${encode('jane@daily.example', 0x3d)}">[email&#160;protected]</a>.</p></div></article></body></html>`;
    const value = await extractArticle(html, { url: 'https://daily.example/n/1' });
    assert.deepEqual(value.authors, [{ name: 'Jane Doe', email: 'jane@daily.example' }]);
    assert.ok(!value.text.includes('protected'), value.text);
  });
});
