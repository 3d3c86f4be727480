import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { cleanAuthorName, readPageMetadata, type MetaDocument } from './page-metadata.ts';

describe('cleanAuthorName', () => {
  const cases: [string, string][] = [
    ['Dan Goodin - Apr 16, 2015 8:02 pm UTC', 'Dan Goodin'],
    ['Steven Musil January 18, 2017 11:00 PM PST @stevenmusil', 'Steven Musil'],
    ['por César Salza', 'César Salza'],
    ['By Jane Doe', 'Jane Doe'],
    ['안혜원 기자', '안혜원'],
  ];
  for (const [value, expected] of cases) {
    it(`should clean ${JSON.stringify(value)}`, () => assert.equal(cleanAuthorName(value), expected));
  }
});

describe('readPageMetadata', () => {
  it('should rank Dublin Core and property values first, and decode double-encoded entities', () => {
    const { document } = parseHTML(`<html><head><title>Title Element</title>
      <meta name="og:title" content="Open Graph name title"><meta name="DC.title" content="DC name title">
      <meta property="dc:title" content="DC property title"><meta property="og:description" content="It&amp;#039;s here">
      </head><body></body></html>`);
    const value = readPageMetadata(document as unknown as MetaDocument, []);
    assert.equal(value.title, 'DC property title');
    assert.equal(value.documentTitle, 'Title Element');
    assert.equal(value.excerpt, "It's here");
  });
  it('should prefer the JSON-LD name when the headline is a description and the name matches <title>', () => {
    const { document } = parseHTML('<html><head><title>New Zealand - Wikipedia</title></head><body></body></html>');
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', name: 'New Zealand', headline: 'constitutional monarchy in Oceania' });
    assert.equal(readPageMetadata(document as unknown as MetaDocument, [ld]).title, 'New Zealand');
  });
});
