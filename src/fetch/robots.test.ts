// robots.txt: the RFC 9309 parser and matcher (table-driven), and the per-origin cache against a
// loopback server (TTL, 4xx allows, 5xx disallows for a while, one fetch for many checks).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createRobotsCache, productToken } from './robots.ts';
import { isAllowed, matchesRule, parseRobots } from './robots-rules.ts';

const ROBOTS = `
# comment
Disallow: /ignored-before-any-agent
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open$
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: lede/1.0
User-agent: other
Disallow: /no-lede/
Allow: /no-lede/yes
Crawl-delay: 0.5
User-agent: LEDE
Disallow: /also/
`;

describe('robots rules', () => {
  const lede = parseRobots(ROBOTS, 'Lede');
  const anyone = parseRobots(ROBOTS, 'SomeBot');
  const table: [string, ReturnType<typeof parseRobots>, string, boolean][] = [
    ['our group, merged from two', lede, 'https://n.example/no-lede/x', false],
    ['our group: the longer allow wins', lede, 'https://n.example/no-lede/yes/1', true],
    ['our merged second group', lede, 'https://n.example/also/x', false],
    ['our group ignores the * group', lede, 'https://n.example/private/x', true],
    ['the * group for others', anyone, 'https://n.example/private/x', false],
    ['$ anchors the end', anyone, 'https://n.example/private/open', true],
    ['$ anchored, longer path', anyone, 'https://n.example/private/open/more', false],
    ['* in the middle', anyone, 'https://n.example/files/a.pdf', false],
    ['* then $ not at end', anyone, 'https://n.example/files/a.pdf?x=1', true],
    ['query strings count', anyone, 'https://n.example/search?q=1', false],
    ['rules before any agent are ignored', anyone, 'https://n.example/ignored-before-any-agent', true],
    ['robots.txt itself', parseRobots('User-agent: *\nDisallow: /', 'Lede'), 'https://n.example/robots.txt', true],
    ['empty Disallow allows all', parseRobots('User-agent: *\nDisallow:', 'Lede'), 'https://n.example/x', true],
    ['tie: allow wins', parseRobots('User-agent: *\nDisallow: /a\nAllow: /a', 'Lede'), 'https://n.example/a', true],
    ['no groups: allowed', parseRobots('', 'Lede'), 'https://n.example/x', true],
    ['non-ASCII paths compare encoded', parseRobots('User-agent: *\nDisallow: /뉴스/', 'Lede'), 'https://n.example/뉴스/1', false],
  ];
  for (const [name, rules, url, expected] of table) {
    it(`should judge ${name}`, () => assert.equal(isAllowed(rules, url), expected));
  }

  it('should take our crawl-delay, and the longest of merged groups', () => {
    assert.equal(lede.crawlDelaySeconds, 0.5);
    assert.equal(anyone.crawlDelaySeconds, 2);
  });

  it('should match wildcards in linear time, whatever the pattern', () => {
    const path = `/${'a'.repeat(5000)}`;
    const t0 = performance.now();
    assert.equal(matchesRule(path, `/${'*a'.repeat(40)}b`), false);
    assert.ok(performance.now() - t0 < 500);
    assert.equal(matchesRule('/abc', '/a*c$'), true);
    assert.equal(matchesRule('/abcd', '/a*c$'), false);
    assert.equal(matchesRule('/abcd', '/a*c'), true);
  });

  it('should read the product token of a User-Agent', () => {
    assert.equal(productToken('Lede/0.1 (+https://example.org)'), 'Lede');
  });
});

async function serve(handler: (path: string) => { status: number; body?: string }): Promise<{ origin: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    const { status, body } = handler(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('robots cache', () => {
  const fetch = { allowPrivateNetworks: true, userAgent: 'Lede/0.1 (+https://example.org)', timeoutMs: 2000 };

  it('should fetch once per origin, disallow by the rules and cap the crawl-delay', async () => {
    const site = await serve(() => ({ status: 200, body: 'User-agent: *\nDisallow: /secret\nCrawl-delay: 100' }));
    try {
      const robots = createRobotsCache({ fetch, maxCrawlDelayMs: 5000 });
      const verdicts = await Promise.all([robots.check(`${site.origin}/a`), robots.check(`${site.origin}/secret/b`), robots.check(`${site.origin}/c`)]);
      assert.deepEqual(verdicts.map((v) => v.allowed), [true, false, true]);
      assert.match(verdicts[1]!.reason ?? '', /^robots: .* disallows \/secret\/b/);
      assert.equal(verdicts[0]!.crawlDelayMs, 5000);
      assert.equal(site.hits(), 1);
    } finally {
      await site.close();
    }
  });

  it('should allow everything on a 4xx', async () => {
    const site = await serve(() => ({ status: 404, body: 'Disallow: /' }));
    try {
      assert.deepEqual(await createRobotsCache({ fetch }).check(`${site.origin}/anything`), { allowed: true });
    } finally {
      await site.close();
    }
  });

  it('should refuse for a while on a 5xx or an unreachable host, then ask again', async () => {
    let down = true;
    const site = await serve(() => (down ? { status: 503 } : { status: 200, body: 'User-agent: *\nDisallow: /x' }));
    try {
      const robots = createRobotsCache({ fetch, unavailableTtlMs: 100 });
      const first = await robots.check(`${site.origin}/page`);
      assert.deepEqual([first.allowed, first.unavailable], [false, true]);
      assert.match(first.reason ?? '', /^robots: cannot read robots\.txt/);
      down = false;
      assert.equal((await robots.check(`${site.origin}/page`)).unavailable, true, 'still cached');
      await new Promise((r) => setTimeout(r, 120));
      assert.deepEqual(await robots.check(`${site.origin}/page`), { allowed: true });
      assert.equal((await robots.check(`${site.origin}/x`)).allowed, false);
      assert.equal(site.hits(), 2);
    } finally {
      await site.close();
    }
    const unreachable = await createRobotsCache({ fetch: { ...fetch, timeoutMs: 500 } }).check('http://127.0.0.1:1/page');
    assert.equal(unreachable.unavailable, true);
  });
});
