import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from './extract-article.ts';
import { photoKey } from './photo-copies.ts';

const PARAS = [
  'The harbour board voted on Tuesday to extend the quay by two berths, ending a debate that had run for most of the year.',
  'Work on the new berths will begin in the spring, and the board expects the first ships to dock there within two years.',
  'Fishermen who use the old quay said they had been promised a say in where the new berths would go, and would hold the board to it.',
];

/** A story page with `box` between its first and second paragraphs. */
function page(box: string): string {
  return `<!doctype html><html lang="en"><head><title>Harbour to get two new berths</title></head><body><article><h1>Harbour to get two new berths</h1><p>${PARAS[0]}</p>${box}<p>${PARAS[1]}</p><p>${PARAS[2]}</p></article></body></html>`;
}

const read = (html: string) => extractArticle(html, { url: 'https://news.example/2025/11/harbour-berths' });

describe('photoKey', () => {
  it('should give one photo at two sizes one key, and two photos two', () => {
    const base = 'https://media.example/img/2025/11/15/harbour-quay-aerial-view';
    assert.equal(photoKey(`${base}-s1100.jpg`), photoKey(`${base}-s1200.jpg`));
    assert.equal(photoKey(`${base}-1024x683.jpg`), photoKey(`${base}.jpg`));
    assert.notEqual(photoKey(`${base}.jpg`), photoKey(`${base}.png`));
    assert.notEqual(photoKey('https://media.example/img/harbour-quay-aerial-view-1.jpg'), photoKey('https://media.example/img/harbour-quay-aerial-view-2.jpg'));
    assert.notEqual(photoKey('https://media.example/covers/MagazineCover,2451.jpg'), photoKey('https://media.example/covers/MagazineCover,2465.jpg'));
  });
  it('should give no key to a name too short to tell photos apart, nor to an address that is no web address', () => {
    assert.equal(photoKey('https://media.example/img/IMG_0412.JPG'), undefined);
    assert.equal(photoKey('data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), undefined);
  });
});

describe('photo boxes read before Readability', () => {
  it("should read a box holding a photo twice (the page's size and an enlarger's) as one photo with its caption and credit, once", async () => {
    const src = (size: number) => `https://media.example/img/2025/11/15/harbour-quay-aerial-view-s${size}.jpg`;
    const box =
      `<div class="bucketwrap image large"><div class="imagewrap"><img src="${src(1100)}" alt=""><div class="enlarge-options"><a class="enlargelink" href="${src(1200)}">Enlarge this image</a></div></div>` +
      '<div class="credit-caption"><div class="caption-wrap"><div class="caption"><p>The old quay seen from the air on Monday. <b class="credit">Jane Doe/AP</b> <b class="hide-caption"><b>hide caption</b></b></p></div><b class="toggle-caption"><b>toggle caption</b></b></div><span class="credit">Jane Doe/AP</span></div>' +
      `<div class="enlarge_measure"><div class="img_wrap"><img src="${src(1200)}" alt=""></div></div>` +
      '<div class="enlarge_html"><div class="image_data"><p class="caption">The old quay seen from the air on Monday.</p><span class="credit">Jane Doe/AP</span></div></div></div>';
    const a = await read(page(box));
    assert.deepEqual(a.images.map((i) => [i.url, i.caption, i.credit]), [[src(1100), 'The old quay seen from the air on Monday.', 'Jane Doe/AP']]);
    assert.equal(a.text, PARAS.join('\n\n'));
  });

  it('should keep both photos of a box that holds two photos', async () => {
    const box = '<div class="gallery"><img src="https://media.example/img/harbour-quay-aerial-view-1.jpg" alt=""><img src="https://media.example/img/harbour-quay-aerial-view-2.jpg" alt=""><p class="caption">The quay, before and after.</p></div>';
    const a = await read(page(box));
    assert.deepEqual(a.images.map((i) => i.url), ['https://media.example/img/harbour-quay-aerial-view-1.jpg', 'https://media.example/img/harbour-quay-aerial-view-2.jpg']);
  });

  it("should tell a credit set inside a box's caption from the caption", async () => {
    const box = '<span class="storyimage"><span class="image"><img src="https://media.example/img/quay.jpg" alt=""></span><span class="caption truncate"><span class="attribution">© Provided by Example Wire</span> <span>Ships at the old quay.</span></span></span>';
    const a = await read(page(box));
    assert.deepEqual(a.images.map((i) => [i.caption, i.credit]), [['Ships at the old quay.', 'Provided by Example Wire']]);
  });

  it("should leave a player's label classed as a credit out of the credit", async () => {
    const box = '<figure class="article-figure video"><div class="img-wrap"><img src="https://media.example/img/quay.jpg" alt=""><span class="credit">Jane Doe/AP Photo</span></div><figcaption><span class="caption"><span class="v-credit">WATCH</span> Ships at the old quay</span></figcaption></figure>';
    const a = await read(page(box));
    assert.deepEqual(a.images.map((i) => [i.caption, i.credit]), [['Ships at the old quay', 'Jane Doe/AP Photo']]);
  });

  it('should give no caption that only repeats the credit', async () => {
    const box = '<span class="storyimage"><span class="image"><img src="https://media.example/img/quay.jpg" alt=""></span><span class="caption truncate"><span class="attribution">© Jane Doe of Example Bay</span> <span>Jane Doe of Example Bay</span></span></span>';
    const a = await read(page(box));
    assert.deepEqual(a.images.map((i) => [i.caption, i.credit]), [[undefined, 'Jane Doe of Example Bay']]);
  });

  it('should read the credit of a photo box that holds no caption as its credit, whole', async () => {
    for (const box of [
      '<figure class="lead"><div class="wrap"><img src="https://media.example/img/quay.jpg" width="640" height="480"><div class="attribution">JANE DOE/AFP/Getty Images</div></div></figure>',
      '<div class="photo"><img src="https://media.example/img/quay.jpg" width="570" height="382"><div class="credit">Jane Doe/AP</div></div>',
    ]) {
      const a = await read(page(box));
      assert.deepEqual(a.images.map((i) => [i.caption, i.credit]), [[undefined, box.includes('AFP') ? 'JANE DOE/AFP/Getty Images' : 'Jane Doe/AP']], box);
      assert.doesNotMatch(a.text, /Jane Doe|JANE DOE/);
    }
  });
  it("should read an icon inside a photo's caption as no photo of its own", async () => {
    const box = '<div class="wp-caption alignnone"><a href="https://media.example/img/quay-full.jpg"><img src="https://media.example/img/quay-660x495.jpg" width="660" height="495" alt="quay"></a><p class="wp-caption-text"><img class="photo" src="https://media.example/assets/gallery-cam@2x.png">Ships at the old quay. Photo courtesy Jane Doe</p></div>';
    const a = await read(page(box));
    assert.deepEqual(a.images.map((i) => [i.url, i.caption, i.credit]), [['https://media.example/img/quay-660x495.jpg', 'Ships at the old quay.', 'Photo courtesy Jane Doe']]);
    assert.doesNotMatch(a.text, /Ships at the old quay/);
  });
});
