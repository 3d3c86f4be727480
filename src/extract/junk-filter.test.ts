import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlDocument } from './dom/parse-html.ts';
import { removeJunk, type JunkDocument } from './junk-filter.ts';

/** The body HTML of a page after removing junk. */
function cleaned(body: string): string {
  const document = parseHtmlDocument(`<!doctype html><html><body>${body}</body></html>`);
  removeJunk(document as unknown as JunkDocument);
  return document.body.innerHTML;
}

describe('removeJunk', () => {
  it('should remove share bars and related lists', () => {
    const value = cleaned('<p>Story.</p><div class="share-bar"><a href="#">Tweet</a></div><ul class="related-links"><li><a href="/x">Other</a></li></ul>');
    assert.equal(value, '<p>Story.</p>');
  });
  it('should remove lists of similar stories set between paragraphs', () => {
    const value = cleaned('<p>Story.</p><ul class="similarLinks"><li class="similarListItem"><a href="/x">Other story</a></li></ul><p>More.</p><div class="similar-posts"><a href="/y">Another</a></div>');
    assert.equal(value, '<p>Story.</p><p>More.</p>');
  });
  it("should remove a sign-up form's box with its call, and leave a contact form's heading", () => {
    const signUp = '<div class="cotd-b"><h3>Get updates in your inbox</h3><p><i>Subscribe to Harbour Insights and never miss an update!</i></p><form action="/newsletter"><input name="email" placeholder="Email Address"><input type="submit" value="Sign-Up"></form></div>';
    assert.equal(cleaned(`<p>Story.</p>${signUp}`), '<p>Story.</p>');
    const contact = '<div class="Kontakt"><h2>Kontakt</h2><form action="" method="POST">Name: <input type="text" id="name"> Mail: <input type="text" id="mail"></form></div>';
    assert.equal(cleaned(`<p>Story.</p>${contact}`), '<p>Story.</p><div class="Kontakt"><h2>Kontakt</h2></div>');
  });
  it("should keep the article's header block, and remove the site's", () => {
    const header = '<header class="article-header-wrap"><h1>Headline</h1><h2 class="article-subhead">The deck.</h2></header>';
    assert.match(cleaned(`${header}<p>Story.</p>`), /article-subhead/);
    assert.equal(cleaned('<div class="header-wrap"><a href="/">Home</a></div><p>Story.</p>'), '<p>Story.</p>');
  });
  it('should remove author boxes by their usual names', () => {
    for (const name of ['author-info', 'TestReport__AuthorBox', 'author-description', 'about-the-author']) {
      const value = cleaned(`<p>Story.</p><div class="${name}"><p>Jane Roe is a senior editor who writes about tech. Follow her on Mastodon.</p></div>`);
      assert.equal(value, '<p>Story.</p>', name);
    }
  });
  it('should take the name off a wrapper of the story that Readability would drop as furniture, and leave a big list of teasers named', () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story tells what the airline decided about its alliance and when the change takes effect.</p>`).join('');
    const value = cleaned(`<div class="above-footer"><div class="article-body-content">${story}</div></div><p>Short note.</p>`);
    assert.ok(value.startsWith('<div><div class="article-body-content">'), value);
    const teasers = Array.from({ length: 12 }, (_, i) => `<li>Teaser ${i} about another story of the day, with a line of text that sums it up for readers.</li>`).join('');
    assert.ok(cleaned(`<ul class="legends">${teasers}</ul><p>Short.</p>`).includes('class="legends"'));
  });
  it('should keep paragraphs whose class names a style or a collapsed text, not furniture', () => {
    const text = 'The district court heard the case on Monday and will give its ruling on the harbour fees, which operators say would drive cruise ships away from the old town, at a hearing next month.';
    for (const cls of ['has-normal-font-size', 'presentation-box-txt js_readmore']) {
      assert.equal(cleaned(`<p class="${cls}">${text}</p>`), `<p class="${cls}">${text}</p>`, cls);
    }
    assert.equal(cleaned('<div class="read-more"><a href="/x">Read more stories</a></div>'), '');
  });
  it('should judge a block by what it is, not by what it contains or how it prints', () => {
    for (const cls of ['o-section o-section--has-ad', 'ingredients no-print', 'col-md-6 print-full']) {
      assert.equal(cleaned(`<section class="${cls}"><p>Short intro.</p></section>`), `<section class="${cls}"><p>Short intro.</p></section>`, cls);
    }
    assert.equal(cleaned('<div class="sidebar has-ads"><p>Short.</p></div><div class="print-button">Print</div>'), '');
  });
  it('should keep a post embedded in the story and give its wrapper a neutral name', () => {
    const value = cleaned('<p>People reacted online.</p><div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real.</p>— Jane (@jane)</blockquote></div>');
    assert.ok(value.includes('Yes this is real.'), value);
    assert.ok(!/social-media-embed/.test(value), value);
  });
  it('should leave the names of other embeds (a photo gallery, a teaser of another story) for Readability to judge', () => {
    for (const cls of ['inline-content inline-gallery-embedded', 'embedded article', 'comments embed']) {
      const value = cleaned(`<p>Story.</p><div class="${cls}"><p>View Photos</p></div>`);
      assert.ok(value.includes(`class="${cls}"`), value);
    }
    assert.ok(!cleaned('<div class="com-embed --twitter"><p>A quoted post.</p></div>').includes('com-embed'));
  });
  it('should remove a hover card nested in a sentence and keep the link that opens it', () => {
    const value = cleaned('<p>A man threatened Rep. <span class="rollover-people"><a class="rollover-people-link" href="/p/jane">Jane Roe</a><span class="rollover-people-block"><img src="/jane.jpg"><a href="/a">Latest story one</a> <a href="/b">Latest story two</a></span></span> (D-Minn.), officials said.</p>');
    assert.equal(value, '<p>A man threatened Rep. <span class="rollover-people"><a class="rollover-people-link" href="/p/jane">Jane Roe</a></span> (D-Minn.), officials said.</p>');
  });
  it('should keep an inline tooltip of plain text', () => {
    const value = cleaned('<p>The <span class="tooltip">GDP</span> grew.</p>');
    assert.equal(value, '<p>The <span class="tooltip">GDP</span> grew.</p>');
  });
});
