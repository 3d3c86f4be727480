import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { imageSource, isSiteDefaultImage, normalizeImages } from './image-refs.ts';

describe('imageSource', () => {
  const source = (img: string) => imageSource(parseHtmlDocument(`<html><body>${img}</body></html>`).querySelector('img') as unknown as Element, 'https://example.org/news/a.html');
  it('should read a lazy loader’s attribute before the placeholder in src', () => {
    assert.equal(source('<img src="data:image/gif;base64,R0lGOD" data-src="/p/1.jpg">'), 'https://example.org/p/1.jpg');
    assert.equal(source('<img src="/img/blank.gif" data-srcset="/p/s.jpg 320w, /p/l.jpg 1024w">'), 'https://example.org/p/l.jpg');
  });
  it('should pass over a lazy attribute that a script left empty ("null", "undefined")', () => {
    assert.equal(source('<img data-url="null" src="https://cdn.example.org/p/2.jpg">'), 'https://cdn.example.org/p/2.jpg');
    assert.equal(source('<img data-src="undefined" src="/p/3.jpg">'), 'https://example.org/p/3.jpg');
    assert.equal(source('<img src="null">'), undefined);
    assert.equal(source('<img data-src=" # " srcset="/p/4.jpg 2x">'), 'https://example.org/p/4.jpg');
  });
});

describe('isSiteDefaultImage', () => {
  it("should know a site's stock picture for shares by its name", () => {
    for (const url of ['https://www.example.com/img/pages/article/opengraph_default.png', 'https://s.example.com/social/images/social_default_logo-1481777.png', 'https://ssl.example.net/static.news/image/news/ogtag/navernews_200x200_20160804.png', 'https://e.example/images/no-img_460x320_logo.jpg', 'https://e.example/pu/images/social_placeholder.png']) assert.equal(isSiteDefaultImage(url), true, url);
  });
  it("should not take a story's photo in a Drupal default folder, or a photo of a logo, for one", () => {
    for (const url of ['https://thehill.example/sites/default/files/noem_lead.jpg', 'https://e.example/uploads/2015/08/alibaba-logo-getty-1024-683.jpg', 'https://e.example/a/defaulting-borrowers.jpg', 'not a url']) assert.equal(isSiteDefaultImage(url), false, url);
  });
});

describe('normalizeImages', () => {
  it('should read a credit once when a classed label sits inside it', () => {
    const doc = parseHtmlDocument('<html><body><div id="c"><figure class="main-photo"><img src="https://e.example/a.jpg"><figcaption class="main-photo-caption">The ferry at the pier. <span class="main-photo-caption-credit"><i class="credit-title">Credit:</i> Dale Robinette</span></figcaption></figure><p>Story.</p></div></body></html>');
    const images = normalizeImages(doc.querySelector('#c') as unknown as Element, 'https://e.example/news/a');
    assert.deepEqual(images.map((i) => [i.caption, i.credit]), [['The ferry at the pier.', 'Dale Robinette']]);
  });
});
