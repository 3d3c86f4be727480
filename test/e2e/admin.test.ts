// The admin pages in a real browser: locked without a session, sign-in through the form, a
// source added and checked, a wrong password shown, sign-out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.ts';
import { browserSkipReason, freePort, launchBrowser, runLede, startLede } from './browser-helpers.ts';

describe('admin pages in a browser', { skip: browserSkipReason }, () => {
  let site: FixtureSite;
  let data: string;
  let browser: Browser;
  let base: string;
  let password: string;
  let server: Awaited<ReturnType<typeof startLede>>;

  before(async () => {
    site = await startFixtureSite();
    data = mkdtempSync(join(tmpdir(), 'lede-e2e-admin-'));
    const created = await runLede(['--data', data, 'admin', 'create', 'desk@news.example']);
    assert.equal(created.code, 0, created.stderr);
    password = /password: (\S+)/.exec(created.stdout)?.[1] ?? '';
    assert.equal(password.length, 20);
    const port = await freePort();
    server = await startLede(['--data', data], port);
    base = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    rmSync(data, { recursive: true, force: true });
  });

  it('should sign in, add and check a source, and sign out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const locked = await page.goto(`${base}/admin`);
    assert.equal(locked?.status(), 401);
    await page.click('a[href="/admin/login"]');

    await page.fill('input[name="email"]', 'desk@news.example');
    await page.fill('input[name="password"]', 'not the password');
    await page.click('button[type="submit"]');
    assert.equal(await page.locator('[role="alert"]').innerText(), 'Wrong email or password.');

    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/admin`);
    assert.equal(await page.locator('h1').innerText(), 'Sources');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'lede_admin');
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
    assert.equal(session?.sameSite, 'Strict');

    const publisher = site.publishers[0]!;
    await page.fill('input[name="url"]', publisher.homepageUrl);
    await page.click('form.add-source button[type="submit"]');
    await page.waitForURL(/done=added/);
    assert.match(await page.locator('[role="status"]').innerText(), /Source added/);
    const row = page.locator('tr[data-source]');
    assert.equal(await row.count(), 1);
    assert.ok((await row.innerText()).includes(publisher.feedUrl));
    await row.locator('button[data-action="check"]').click();
    await page.waitForURL(/done=checked/);

    // The Jobs tab: the check queued the publisher's articles, and the article jobs run them.
    await page.click('nav.admin-nav a[href="/admin/jobs"]');
    assert.equal(await page.locator('h1').innerText(), 'Jobs');
    const articleJobs = page.locator('tr[data-queue="fetch-article"]');
    assert.equal(await articleJobs.count(), 1);
    const cells = async () => (await articleJobs.locator('td').allInnerTexts()).map(Number);
    const deadline = Date.now() + 30_000;
    while ((await cells())[4]! < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      await page.reload();
    }
    assert.ok((await cells())[4]! >= 1, 'article jobs are counted as done');
    assert.equal(await page.locator('[data-table="dead-letter"]').count(), 0, 'nothing failed for good');
    assert.match(await page.locator('p.empty').innerText(), /No job has failed for good/);

    await page.goto(`${base}/admin/tokens`);
    await page.fill('input[name="name"]', 'newsroom CMS');
    await page.click('form.add-source button[type="submit"]');
    const token = await page.locator('code[data-token]').innerText();
    assert.match(token, /^lede_[\w-]{43}$/);
    const write = await fetch(`${base}/api/articles/none`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    assert.equal(write.status, 404, 'the new token opens the write API');

    await page.click('button[data-action="sign-out"]');
    await page.waitForURL(`${base}/admin/login`);
    assert.equal((await page.goto(`${base}/admin`))?.status(), 401);
    await context.close();
  });
});
