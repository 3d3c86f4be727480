// End to end in a real browser: articles ingested with `lede ingest` from the loopback fixture
// site, served by `lede start`, read and voted on in headless Debian chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.ts';
import { browserSkipReason, freePort, launchBrowser, runLede, startLede } from './browser-helpers.ts';

const PARTS = ['source', 'summary', 'headline', 'deck', 'body', 'byline', 'publisher', 'poll'];

async function partsInOrder(page: Page): Promise<string[]> {
  const seen = await page.$$eval('[data-part]', (els) => els.map((e) => e.getAttribute('data-part') ?? ''));
  return seen.filter((p, i) => PARTS.includes(p) && seen.indexOf(p) === i);
}

async function count(page: Page, reaction: string): Promise<number | null> {
  const el = page.locator(`button[data-reaction="${reaction}"] .count`);
  return (await el.count()) ? Number(await el.textContent()) : null;
}

describe('article page in a browser', { skip: browserSkipReason }, () => {
  let site: FixtureSite;
  let data: string;
  let browser: Browser;
  let port: number;
  let server: Awaited<ReturnType<typeof startLede>>;
  const ids: Record<string, string> = {};
  // A teaser page (the project's golden paywall page) served by a publisher of its own.
  let teaserServer: Server;
  let teaserUrl = '';
  let teaserId = '';

  before(async () => {
    site = await startFixtureSite();
    data = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
    for (const publisher of site.publishers) {
      const add = await runLede(['--data', data, 'sources', 'add', publisher.feedUrl, '--name', publisher.name, '--logo', publisher.logoUrl, '--email', publisher.email, '--description', publisher.description, '--lang', publisher.lang, '--json']);
      assert.equal(add.code, 0, add.stderr);
      const sourceId = (JSON.parse(add.stdout) as { id: string }).id;
      const r = await runLede(['--data', data, 'ingest', publisher.articleUrls.at(-1)!, '--source', sourceId, '--json']);
      assert.equal(r.code, 0, r.stderr);
      ids[publisher.lang] = (JSON.parse(r.stdout) as { id: string }).id;
    }
    const teaser = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'extract', 'testdata', 'en-paywall-teaser', 'source.html'));
    teaserServer = createServer((req, res) => void (req.url === '/business/harbour-fees' ? res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(teaser) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => teaserServer.listen(0, '127.0.0.1', resolve));
    teaserUrl = `http://127.0.0.1:${(teaserServer.address() as { port: number }).port}/business/harbour-fees`;
    const t = await runLede(['--data', data, 'ingest', teaserUrl, '--json']);
    assert.equal(t.code, 0, t.stderr);
    teaserId = (JSON.parse(t.stdout) as { id: string }).id;
    port = await freePort();
    server = await startLede(['--data', data], port);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    teaserServer?.close();
    rmSync(data, { recursive: true, force: true });
  });

  for (const lang of ['en', 'ko']) {
    it(`should show every part of the ${lang} article in order`, async () => {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/articles/${ids[lang]}`);
      assert.deepEqual(await partsInOrder(page), PARTS);
      assert.equal(await page.locator('[data-part="summary"] li').count(), 3);
      const bullets = await page.locator('[data-part="summary"] li').allTextContents();
      for (const b of bullets) assert.match(b, lang === 'ko' ? /[가-힣]/ : /[a-z]/i);
      assert.ok((await page.locator('[data-part="deck"]').count()) >= 1, 'deck shown');
      const photos = page.locator('[data-part="photo"]');
      assert.ok((await photos.count()) >= 1, 'photo shown');
      // Each photo's credit is shown exactly once: in its own figure, nowhere else.
      const credits = await photos.locator('cite').allInnerTexts();
      assert.equal(credits.length, await photos.count(), 'every photo has its credit');
      const pageText = await page.locator('main').innerText();
      for (const credit of new Set(credits)) {
        const perFigure = credits.filter((c) => c === credit).length;
        assert.equal(pageText.split(credit).length - 1, perFigure, `credit "${credit}" shown once per photo`);
      }
      const mainText = await page.locator('main').innerText();
      assert.ok(!/publisher img/i.test(mainText), 'no stray logo alt text');
      assert.match(await page.locator('[data-part="byline"] a[href^="mailto:"]').first().getAttribute('href') ?? '', /^mailto:.+@/);
      const card = page.locator('[data-part="publisher"]');
      const name = site.publishers.find((p) => p.lang === lang)!.name;
      assert.equal(await card.locator('img').getAttribute('alt'), name);
      assert.ok((await card.innerText()).includes(name));
      assert.ok(await card.locator('a[href^="mailto:"]').count());
      assert.equal(await page.locator('[data-part="poll"] h2').innerText(), 'What did you think of the article you just read?');
      const shots = join(process.env.LEDE_SCREENSHOTS ?? data, `article-${lang}.png`);
      await page.screenshot({ path: shots, fullPage: true });
      await page.close();
    });
  }

  it('should say that a teaser is only the start of the article and link to the rest', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/articles/${teaserId}`);
    const notice = page.locator('[data-part="body"] [data-part="partial"]');
    assert.equal(await notice.count(), 1);
    assert.match(await notice.innerText(), /start of the article/);
    assert.equal(await notice.locator('a').getAttribute('href'), teaserUrl);
    assert.match(await notice.locator('a').innerText(), /^Read the rest at /);
    assert.equal(await page.locator('p.original').count(), 0, 'one link to the publisher, not two');
    const body = await page.locator('[data-part="body"]').innerText();
    assert.ok(body.includes('The harbour authority will raise docking fees'), body);
    assert.ok(!/Subscribe|\$1 a week/.test(body), body);
    const api = (await (await page.request.get(`http://127.0.0.1:${port}/api/articles/${teaserId}`)).json()) as { partial: boolean };
    assert.equal(api.partial, true);
    await page.close();
  });

  it('should not show the teaser notice on a whole article', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/articles/${ids.en}`);
    assert.equal(await page.locator('[data-part="partial"]').count(), 0);
    assert.equal(await page.locator('p.original').count(), 1);
    await page.close();
  });

  it('should count a vote, keep it across a reload and a restart, and replace it with a second vote', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/articles/${ids.en}`;
    await page.goto(url);
    assert.equal(await count(page, 'informative'), null, 'no counts before voting');
    await page.click('button[data-reaction="informative"]');
    await page.waitForURL(/#poll$/);
    assert.equal(await count(page, 'informative'), 1);
    assert.equal(await page.getAttribute('button[data-reaction="informative"]', 'aria-pressed'), 'true');

    await page.reload();
    assert.equal(await count(page, 'informative'), 1);

    // Counts survive a restart of the server.
    await server.stop();
    server = await startLede(['--data', data], port);
    await page.goto(url);
    assert.equal(await count(page, 'informative'), 1);

    await page.click('button[data-reaction="surprising"]');
    await page.waitForLoadState();
    assert.equal(await count(page, 'informative'), 0);
    assert.equal(await count(page, 'surprising'), 1);

    // Another reader sees the counts only after voting, and adds to them.
    const other = await (await browser.newContext()).newPage();
    await other.goto(url);
    assert.equal(await count(other, 'surprising'), null);
    await other.click('button[data-reaction="surprising"]');
    await other.waitForLoadState();
    assert.equal(await count(other, 'surprising'), 2);
    await context.close();
  });
});
