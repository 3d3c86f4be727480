import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { fileURLToPath } from 'node:url';
import { LedeError } from '../core/errors.ts';
import type { ImageRef } from '../core/records.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { REPLACED_STEPS } from './readability-steps.ts';
import { extractArticle } from './extract-article.ts';

/** The fields a golden case may assert; absent keys are not checked. */
interface Expected {
  url: string;
  throws?: string;
  title?: string;
  deck?: string[];
  authors?: { name: string; email?: string; outlet?: string }[];
  publishedAt?: string;
  modifiedAt?: string;
  /** The language the page declares, as extractArticle returns it. */
  lang?: string;
  /** For pages that declare none: what the language stage detects from the extracted text. */
  detectedLang?: string;
  siteName?: string;
  excerpt?: string;
  canonicalUrl?: string;
  images?: (Partial<ImageRef> & { alt?: string | null })[];
  textIncludes?: string[];
  textExcludes?: string[];
  textStartsWith?: string;
  textCount?: Record<string, number>;
  htmlIncludes?: string[];
  htmlExcludes?: string[];
  htmlCount?: Record<string, number>;
  /** A teaser or paywalled page; every other page must not be marked partial. */
  partial?: boolean;
  /** The encoding of source.html when it is not UTF-8 (the page declares it; pipeline/legacy-charset-golden.test.ts reads it as a fetch would). */
  charset?: string;
}

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'testdata');
const cases = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('extractArticle golden cases', () => {
  it('should have at least six golden cases', () => {
    assert.ok(cases.length >= 6);
  });
  for (const slug of cases) {
    it(`should extract ${slug} as expected`, async () => {
      const expected = JSON.parse(readFileSync(join(dir, slug, 'expected.json'), 'utf8')) as Expected;
      const html = new TextDecoder(expected.charset ?? 'utf-8').decode(readFileSync(join(dir, slug, 'source.html')));
      if (expected.throws) {
        await assert.rejects(extractArticle(html, { url: expected.url }), (e: unknown) => e instanceof LedeError && e.code === expected.throws);
        return;
      }
      const value = await extractArticle(html, { url: expected.url });
      for (const k of ['title', 'deck', 'authors', 'publishedAt', 'modifiedAt', 'lang', 'siteName', 'excerpt', 'canonicalUrl'] as const) {
        if (expected[k] !== undefined) assert.deepEqual(value[k], expected[k], `${slug}: ${k}`);
      }
      assert.equal(value.partial ?? false, expected.partial ?? false, `${slug}: partial`);
      if (expected.detectedLang !== undefined) {
        assert.equal(value.lang, undefined, `${slug}: the page declares no language`);
        assert.equal(detectLanguage(value.text), expected.detectedLang, `${slug}: detected language`);
      }
      if (expected.images) {
        assert.equal(value.images.length, expected.images.length, `${slug}: image count`);
        expected.images.forEach((img, i) => {
          const got = value.images[i]!;
          for (const [k, v] of Object.entries(img)) {
            if (v === null) assert.equal(got[k as keyof ImageRef], undefined, `${slug}: images[${i}].${k} should be absent`);
            else assert.equal(got[k as keyof ImageRef], v, `${slug}: images[${i}].${k}`);
          }
        });
      }
      for (const s of expected.textIncludes ?? []) assert.ok(value.text.includes(s), `${slug}: text should include ${JSON.stringify(s)}\n---\n${value.text}`);
      for (const s of expected.textExcludes ?? []) assert.ok(!value.text.includes(s), `${slug}: text should not include ${JSON.stringify(s)}\n---\n${value.text}`);
      if (expected.textStartsWith) assert.ok(value.text.startsWith(expected.textStartsWith), `${slug}: text start\n---\n${value.text}`);
      for (const [s, n] of Object.entries(expected.textCount ?? {})) assert.equal(value.text.split(s).length - 1, n, `${slug}: count of ${s}\n---\n${value.text}`);
      for (const [s, n] of Object.entries(expected.htmlCount ?? {})) assert.equal(value.contentHtml.split(s).length - 1, n, `${slug}: count of ${s} in html\n---\n${value.contentHtml}`);
      for (const s of expected.htmlIncludes ?? []) assert.ok(value.contentHtml.includes(s), `${slug}: html should include ${s}\n---\n${value.contentHtml}`);
      for (const s of expected.htmlExcludes ?? []) assert.ok(!value.contentHtml.includes(s), `${slug}: html should not include ${s}\n---\n${value.contentHtml}`);
      // Invariants of every article.
      assert.ok(!/<script|onerror|onclick|style=|class=/i.test(value.contentHtml), `${slug}: sanitized`);
      assert.ok(!/\n{3,}/.test(value.text), `${slug}: paragraphs separated by one blank line`);
    });
  }
});

describe('extractArticle robustness', () => {
  it('should throw no-article for empty and garbage input', async () => {
    for (const value of ['', '   ', '<<<>>>', '<html><body></body></html>', '\u0000\u0001binary']) {
      await assert.rejects(extractArticle(value, { url: 'https://e.example/' }), (e: unknown) => e instanceof LedeError && e.code === 'no-article');
    }
  });

  it('should find the article in a page of thousands of unclosed tags', async () => {
    const story = '<p>The council voted on Tuesday to keep ferry fares at their current level for another year, citing rising costs.</p>'.repeat(6);
    const a = await extractArticle(`<html><body>${'<div>'.repeat(10_000)}${story}</body></html>`, { url: 'https://e.example/a' });
    assert.equal(a.text.split('The council voted').length - 1, 6);
  });

  it('should keep the words of script links and resolve the other links against the page', async () => {
    const para = (inner: string) => `<p>The council voted on Tuesday to keep ferry fares at their current level for another year, ${inner} citing rising costs and a drop in riders.</p>`;
    const html = `<html><body><article>${para('<a href="javascript:void(0)">as the mayor asked</a>')}${para('<a href="javascript:open()"><b>said</b> the clerk</a>')}${para('<a href="/budget">the budget</a>')}${para('<a href="#notes">see notes</a>')}</article></body></html>`;
    const a = await extractArticle(html, { url: 'https://e.example/news/a' });
    for (const words of ['as the mayor asked', 'said the clerk', 'the budget']) assert.ok(a.text.includes(words), words);
    assert.ok(!a.contentHtml.includes('javascript:'), a.contentHtml);
    assert.ok(a.contentHtml.includes('href="https://e.example/budget"'), a.contentHtml);
    assert.ok(a.contentHtml.includes('href="https://e.example/news/a#notes"'), a.contentHtml);
  });

  it('should date a page that declares no date by the date its byline line prints', async () => {
    const para = '<p>The council voted on Tuesday to keep ferry fares at their current level for another year, citing rising costs and a drop in riders.</p>';
    const page = (byline: string, head = '') => `<html lang="en-US"><head><title>Ferry fares frozen</title>${head}</head><body><article><h1>Ferry fares frozen</h1><p>${byline}<br>Published in the February 2017 issue</p>${para.repeat(4)}</article></body></html>`;
    const a = await extractArticle(page('by Jane Roe / January 19, 2017 / <a href="#respond">Leave a comment</a>'), { url: 'https://e.example/news/ferry' });
    assert.deepEqual(a.authors.map((x) => x.name), ['Jane Roe']);
    assert.equal(a.publishedAt, '2017-01-19T00:00:00.000Z');
    assert.ok(!a.text.includes('Leave a comment') && a.text.startsWith('Published in the February 2017 issue'), a.text);
    // A declared date wins.
    const declared = await extractArticle(page('by Jane Roe / January 19, 2017', '<meta property="article:published_time" content="2017-01-18T09:00:00Z">'), { url: 'https://e.example/news/ferry' });
    assert.equal(declared.publishedAt, '2017-01-18T09:00:00.000Z');
  });

  it("should not take the site's stock picture for shares for the lead photo", async () => {
    const para = '<p>The council voted on Tuesday to keep ferry fares at their current level for another year, citing rising costs and a drop in riders.</p>';
    const page = (og: string, body = '') => `<html lang="en"><head><title>Ferry fares frozen</title><meta property="og:image" content="${og}"></head><body><article><h1>Ferry fares frozen</h1>${body}${para.repeat(4)}</article></body></html>`;
    const stock = 'https://e.example/img/pages/article/opengraph_default.png';
    assert.equal((await extractArticle(page(stock), { url: 'https://e.example/news/ferry' })).leadImage, undefined);
    const photo = '<figure><img src="https://e.example/photos/ferry.jpg" width="800" height="500"><figcaption>The ferry at the pier.</figcaption></figure>';
    assert.equal((await extractArticle(page(stock, photo), { url: 'https://e.example/news/ferry' })).leadImage?.url, 'https://e.example/photos/ferry.jpg');
    assert.equal((await extractArticle(page('https://e.example/photos/pier.jpg'), { url: 'https://e.example/news/ferry' })).leadImage?.url, 'https://e.example/photos/pier.jpg');
  });

  it('should find the Readability steps it replaces (an upgrade that renames one must be seen)', () => {
    for (const step of REPLACED_STEPS) assert.equal(typeof (Readability.prototype as unknown as Record<string, unknown>)[step], 'function', step);
  });
});

describe('extractArticle: the headline in the title', () => {
  const story = '<p>The council voted on Tuesday to close the old harbour bridge to cars from March, after engineers found cracks in two of its piers.</p>'.repeat(4);
  it('should drop a site name the page does not declare, but never keep the logo for the headline', async () => {
    const page = (title: string, top: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${top}<article><h2>Harbour bridge to close to cars</h2>${story}</article></body></html>`;
    const a = await extractArticle(page('Harbour bridge to close to cars - The Harbour Times', '<div class="masthead"><h1>The Harbour Times</h1></div>'), { url: 'https://news.example/bridge' });
    assert.equal(a.title, 'Harbour bridge to close to cars');
    const b = await extractArticle(page('Bridge closure @ Jane Roe :: Harbour Blogs ::', '<div class="topbar__logo"><h1 class="topbar__logo__title">Harbour Blogs</h1></div>'), { url: 'https://news.example/bridge' });
    assert.equal(b.title, 'Bridge closure @ Jane Roe :: Harbour Blogs ::');
  });
  it('should find the headline a page sets in an <h3> inside its title, and not repeat it at the top of the text', async () => {
    const page = (title: string, head: string) => `<!doctype html><html lang="es"><head><title>${title}</title></head><body><div class="logo"><h1>Harbour Times</h1></div><article><hgroup><h3>${head}</h3></hgroup>${story}</article></body></html>`;
    const a = await extractArticle(page('Harbour bridge to close to cars » Local » News » Harbour Times', 'Harbour bridge to close to cars'), { url: 'https://news.example/bridge' });
    assert.equal(a.title, 'Harbour bridge to close to cars');
    assert.match(a.text, /^The council voted/);
    // A column's name in an <h3> is not the headline beside a longer one.
    const b = await extractArticle(page('Column: Harbour Notes – Why the old bridge had to close to cars this spring', 'Column: Harbour Notes'), { url: 'https://news.example/bridge' });
    assert.equal(b.title, 'Column: Harbour Notes – Why the old bridge had to close to cars this spring');
  });
});

describe("extractArticle: the reporter's address alone at the end of a brief", () => {
  it("should give the address to the reporter the page names and take the line out of the story", async () => {
    const story = '<p>서울시는 15일 새 방파제 예산을 승인했다고 밝혔다. 시의회는 긴 논의 끝에 예산안을 통과시켰다. 공사는 내년 봄에 시작된다.</p>'.repeat(2);
    const page = (author: string) => `<!doctype html><html lang="ko"><head><title>방파제 예산 통과</title>${author}</head><body><article><h1>방파제 예산 통과</h1>${story}<p>hong@hanbit.example</p></article></body></html>`;
    const a = await extractArticle(page('<meta name="author" content="홍길동">'), { url: 'https://news.example/a' });
    assert.deepEqual(a.authors, [{ name: '홍길동', email: 'hong@hanbit.example' }]);
    assert.ok(!a.text.includes('@'), a.text);
    // Without a reporter to give it to, it is no author of its own.
    const b = await extractArticle(page(''), { url: 'https://news.example/a' });
    assert.ok(b.authors.every((x) => x.email === undefined), JSON.stringify(b.authors));
  });
});

describe('extractArticle: a story the page declares in JSON-LD', () => {
  const paras = ['The first trams to the airport left the central station at dawn on Saturday, two years late, the transport authority said on Saturday.', 'About four hundred people rode the first service, many of them queuing since the night before, the transport authority said on Saturday.', 'The line runs every ten minutes during the day, and a ride costs the same as a bus ticket, the transport authority said on Saturday.', 'City officials blamed the delay on a shortage of steel and on a dispute over the depot, the transport authority said on Saturday.', 'Shop owners along the route asked the council for help with their rents after three years of works, the transport authority said on Saturday.', 'The council said it would answer them next month, once the first figures on riders are in, the transport authority said on Saturday.'];
  const page = (ld: Record<string, unknown>, body: string) =>
    `<!doctype html><html lang="en"><head><title>Tram opens</title><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram opens', ...ld })}</script></head><body><div id="root">${body}</div></body></html>`;

  it('should take the declared text, HTML or plain, when the HTML holds much less of it', async () => {
    const plain = await extractArticle(page({ articleBody: paras.join('\n') }, '<p>Loading the story…</p>'), { url: 'https://e.example/tram' });
    assert.equal(plain.text, paras.join('\n\n'));
    const marked = await extractArticle(page({ articleBody: paras.map((p) => `<p>${p}</p>`).join('') }, ''), { url: 'https://e.example/tram' });
    assert.equal(marked.text, paras.join('\n\n'));
  });

  it('should keep the body the HTML holds when it is as long as the declared text', async () => {
    const html = paras.map((p) => `<p>${p}</p>`).join('');
    const a = await extractArticle(page({ articleBody: `${paras.join(' ')} Read more stories.` }, `<article>${html}</article>`), { url: 'https://e.example/tram' });
    assert.equal(a.text, paras.join('\n\n'));
  });

  it('should not show the declared text of a story the page says is not free', async () => {
    await assert.rejects(extractArticle(page({ articleBody: paras.join('\n'), isAccessibleForFree: false }, ''), { url: 'https://e.example/tram' }), (e: unknown) => e instanceof LedeError && e.code === 'no-article');
  });
});

describe('extractArticle: photos', () => {
  const story = ['The city council voted on Tuesday to approve a new budget that raises spending on public transit by twelve percent over last year.', 'Supporters said the plan would shorten waiting times on the busiest routes, while critics warned that the money would have to come from higher fares.', 'The mayor is expected to sign the measure next week, officials said, after a final review by the finance committee.'];
  const page = (photos: string) => `<!doctype html><html lang="en"><head><title>Council approves transit budget</title></head><body><article><h1>Council approves transit budget</h1><div class="body"><p>${story[0]}</p>${photos}<p>${story[1]}</p><p>${story[2]}</p></div></article></body></html>`;
  it("should read an AMP page's <amp-img> photos with their captions and credits", async () => {
    const value = await extractArticle(page('<figure><amp-img src="/photo.jpg" width="1200" height="800" layout="responsive" alt=""><noscript><img src="/photo.jpg"></noscript></amp-img><figcaption>Buses at a depot. Photo: Jane Doe</figcaption></figure>'), { url: 'https://daily.example/amp/n/1' });
    assert.deepEqual(value.images.map(({ url, caption, credit }) => ({ url, caption, credit })), [{ url: 'https://daily.example/photo.jpg', caption: 'Buses at a depot.', credit: 'Jane Doe' }]);
  });
  it("should read an element classed as the credit inside a figure's caption as its credit, without its hidden label", async () => {
    const credits = async (fig: string) => (await extractArticle(page(fig), { url: 'https://daily.example/n/1' })).images.map(({ caption, credit }) => ({ caption, credit }));
    assert.deepEqual(await credits('<figure><img src="/p.jpg" alt=""><figcaption class="caption"><span class="caption-text">Buses at a depot.</span> <span class="credit"><span class="visually-hidden">Credit</span> Jane Doe for The Daily</span></figcaption></figure>'), [{ caption: 'Buses at a depot.', credit: 'Jane Doe for The Daily' }]);
    // A photographer and an agency in credit elements of their own are both the credit.
    assert.deepEqual(await credits('<figure><img src="/p.jpg" alt=""><figcaption>Buses at a depot. <span class="credit">Jane Doe</span> <span class="credit">Reuters</span></figcaption></figure>'), [{ caption: 'Buses at a depot.', credit: 'Jane Doe Reuters' }]);
  });
  it("should read a caption's closing small print as its credit, once", async () => {
    const credits = async (fig: string) => (await extractArticle(page(fig), { url: 'https://daily.example/n/1' })).images.map(({ caption, credit }) => ({ caption, credit }));
    assert.deepEqual(await credits('<figure><img src="/p.jpg" alt=""><figcaption>Buses at a depot. <small>Jane Doe / The Daily</small></figcaption></figure>'), [{ caption: 'Buses at a depot.', credit: 'Jane Doe / The Daily' }]);
    assert.deepEqual(await credits('<figure><img src="/p.jpg" alt=""><figcaption>Buses at a depot. (Photo: Getty Images)<small>Getty</small></figcaption></figure>'), [{ caption: 'Buses at a depot.', credit: 'Getty Images' }]);
    assert.deepEqual(await credits('<figure><img src="/p.jpg" alt=""><figcaption>Buses at a depot. | <small>Jane Doe</small></figcaption></figure>'), [{ caption: 'Buses at a depot.', credit: 'Jane Doe' }]);
  });
  it('should take the captions of a gallery with no other text for its text', async () => {
    const figures = [1, 2, 3].map((i) => `<figure><img src="/g${i}.jpg" width="1200" height="800"><figcaption>Photo ${i}: buses wait at the depot on the morning of the vote.</figcaption></figure>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>In pictures: transit day</title></head><body><main><h1>In pictures: transit day</h1><div class="gallery">${figures}</div></main></body></html>`;
    const value = await extractArticle(html, { url: 'https://daily.example/gallery/1' });
    assert.equal(value.images.length, 3);
    assert.match(value.text, /^Photo 1: buses wait at the depot/);
  });
  it('should leave out thumbnails declared small on both sides, keeping the photo beside them', async () => {
    const thumbs = ['a', 'b', 'c'].map((n) => `<img src="/thumb-${n}.jpg" width="135" height="75" alt="Another story ${n}">`).join('');
    const value = await extractArticle(page(`<figure><img src="/photo.jpg" width="968" height="645" alt=""><figcaption>Buses at a depot.</figcaption></figure><div class="strip">${thumbs}</div>`), { url: 'https://daily.example/n/1' });
    assert.deepEqual(value.images.map((i) => i.url), ['https://daily.example/photo.jpg']);
  });
  it('should leave out a magazine cover that links to a subscription offer', async () => {
    const offer = '<p><a href="https://subscribe.daily.example/orders?code=D1"><img src="/covers/issue-122914.jpg" width="75"></a></p>';
    const value = await extractArticle(page(`${offer}<figure><img src="/photo.jpg"><figcaption>Buses at a depot.</figcaption></figure>`), { url: 'https://daily.example/n/1' });
    assert.deepEqual(value.images.map((i) => i.url), ['https://daily.example/photo.jpg']);
  });
  it("should leave out the author's portrait linked to the author's page, keeping a photo linked elsewhere", async () => {
    const portrait = '<p><a class="author-photo" href="/author/jane-roe"><img src="/img/jane-roe.jpg"></a> <a href="/author/jane-roe">Jane Roe</a></p>';
    const linked = '<figure><a href="/gallery/depot"><img src="/photo.jpg"></a><figcaption>Buses at a depot.</figcaption></figure>';
    const value = await extractArticle(page(`${portrait}${linked}`), { url: 'https://daily.example/n/1' });
    assert.deepEqual(value.images.map((i) => i.url), ['https://daily.example/photo.jpg']);
  });
});

describe("extractArticle: a wire story's closing credits", () => {
  it('should name its reporters, not its editors, and take the line out of the story', async () => {
    const story = ['The city council voted on Tuesday to approve a new budget that raises spending on public transit by twelve percent over last year.', 'Supporters said the plan would shorten waiting times on the busiest routes, while critics warned that the money would have to come from higher fares.', 'The mayor is expected to sign the measure next week, officials said, after a final review by the finance committee.'];
    const html = `<!doctype html><html lang="en"><head><title>Council approves transit budget</title></head><body><article><h1>Council approves transit budget</h1><div class="body">${story.map((p) => `<p>${p}</p>`).join('')}<p>(Reporting by Jane Doe in Chicago; Editing by John Roe)</p></div></article></body></html>`;
    const value = await extractArticle(html, { url: 'https://wire.example/n/1' });
    assert.deepEqual(value.authors, [{ name: 'Jane Doe' }]);
    assert.ok(!value.text.includes('Reporting by'), value.text);
  });
});
