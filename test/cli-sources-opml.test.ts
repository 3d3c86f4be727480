// `lede sources import|export` and feed discovery by common path, as a user runs them
// (node bin/lede.js) with a temporary --data folder and a loopback site.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'lede.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lede(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LEDE_ALLOW_PRIVATE_NETWORKS: '1', LEDE_LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

async function storedSources(dataDir: string): Promise<{ name: string; feedUrl?: string; homepageUrl?: string; lang?: string; description?: string }[]> {
  const path = join(dataDir, 'lede.sqlite');
  if (!existsSync(path)) return [];
  const store = openSqliteStore(path);
  try {
    await store.migrate();
    return (await store.listSources()).map((s) => ({ name: s.name, feedUrl: s.feedUrl, homepageUrl: s.homepageUrl, lang: s.lang, description: s.description }));
  } finally {
    await store.close();
  }
}

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Reader export</title></head>
  <body>
    <outline text="World">
      <outline text="Harbor Daily" type="rss" xmlUrl="https://harbor.example/feed.xml" htmlUrl="https://harbor.example/" language="en" description="Ferries &amp; fares"/>
      <outline text="Asia">
        <outline text="한빛일보" type="rss" xmlUrl="https://hanbit.example/rss/allArticle.xml" htmlUrl="https://hanbit.example/" language="ko"/>
      </outline>
    </outline>
    <outline text="Blog" xmlUrl="https://blog.example/atom.xml"/>
    <outline text="Harbor again" xmlUrl="https://harbor.example/feed.xml"/>
    <outline text="A bookmark" type="link" url="https://bookmark.example/"/>
  </body>
</opml>`;

describe('lede sources import/export', () => {
  let root: string;
  let n = 0;
  const freshData = () => join(root, `data-${n++}`);
  let server: Server;
  let site = '';

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'lede-opml-'));
    writeFileSync(join(root, 'nested.opml'), NESTED);
    // A site whose home page names no feed; the feed is at /rss, as on Tistory blogs.
    server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>Quiet site</title></head><body><p>Hello</p></body></html>');
      } else if (req.url === '/rss') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Site News</title><link>https://quiet.example/</link><item><title>One</title><link>https://quiet.example/1</link></item></channel></rss>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  it('should list import and export in the help of `sources`', async () => {
    const r = await lede(['sources', '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /import/);
    assert.match(r.stdout, /export/);
  });

  it('should import a nested OPML file, then re-import it from stdin without duplicates', async () => {
    const data = freshData();
    const file = join(root, 'nested.opml');
    const r = await lede(['--data', data, 'sources', 'import', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'imported 3 sources (3 new, 0 updated, 0 unchanged, 2 skipped: 1 duplicate, 1 without xmlUrl)\n');
    const list = await lede(['--data', data, 'sources', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(list.stdout.trim().split('\n').length, 3);
    assert.match(list.stdout, /한빛일보\thttps:\/\/hanbit\.example\/rss\/allArticle\.xml\tnot checked/);

    const again = await lede(['--data', data, 'sources', 'import', '-', '--json'], NESTED.replace('text="Blog"', 'text="The Blog"'));
    assert.equal(again.code, 0, again.stderr);
    const out = JSON.parse(again.stdout) as { imported: number; new: number; updated: number; unchanged: number; skipped: unknown[]; sources: { status: string; name: string }[] };
    assert.deepEqual([out.imported, out.new, out.updated, out.unchanged, out.skipped.length], [3, 0, 1, 2, 2]);
    assert.ok(out.sources.some((s) => s.status === 'updated' && s.name === 'The Blog'));
    assert.equal((await storedSources(data)).length, 3, 're-import by feed URL adds nothing');
  });

  it('should export OPML 2.0 that imports into an empty store as the same sources', async () => {
    const data = freshData();
    assert.equal((await lede(['--data', data, 'sources', 'import', join(root, 'nested.opml')])).code, 0);
    const out = await lede(['--data', data, 'sources', 'export']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
    assert.match(out.stdout, /xmlUrl="https:\/\/harbor\.example\/feed\.xml"/);
    assert.match(out.stdout, /description="Ferries &amp; fares"/);

    const file = join(root, 'export.opml');
    const toFile = await lede(['--data', data, 'sources', 'export', '--output', file]);
    assert.equal(toFile.code, 0, toFile.stderr);
    assert.equal(toFile.stdout, `exported 3 sources to ${file}\n`);
    assert.equal(readFileSync(file, 'utf8').replace(/<dateCreated>.*<\/dateCreated>/, ''), out.stdout.replace(/<dateCreated>.*<\/dateCreated>/, ''));

    const other = freshData();
    const back = await lede(['--data', other, 'sources', 'import', file]);
    assert.equal(back.code, 0, back.stderr);
    assert.equal(back.stdout, 'imported 3 sources (3 new, 0 updated, 0 unchanged, 0 skipped)\n');
    assert.deepEqual(await storedSources(other), await storedSources(data));
  });

  const badFiles: [string, string | undefined, RegExp][] = [
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', /^lede: opml: not an OPML document \(it is a feed/],
    ['a cut-off file', NESTED.slice(0, NESTED.indexOf('<outline text="Blog"')), /^lede: opml: the document is cut off/],
    ['an HTML page', '<!doctype html><html><body>OPML here</body></html>', /^lede: opml: not an OPML document \(it is an HTML page\)/],
    ['a missing file', undefined, /^lede: sources: cannot read .*missing\.opml \(no such file\)/],
  ];
  for (const [name, content, message] of badFiles) {
    it(`should refuse ${name} with exit code 2, one line, and nothing stored`, async () => {
      const data = freshData();
      const file = join(root, content === undefined ? 'missing.opml' : `bad-${n}.opml`);
      if (content !== undefined) writeFileSync(file, content);
      const r = await lede(['--data', data, 'sources', 'import', file]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.deepEqual(await storedSources(data), []);
    });
  }

  it('should import 500 feeds without fetching any of them', async () => {
    const data = freshData();
    const outlines = Array.from({ length: 500 }, (_, i) => `<outline text="Feed ${i}" xmlUrl="http://127.0.0.1:9/feed-${i}.xml"/>`).join('\n');
    const file = join(root, 'many.opml');
    writeFileSync(file, `<opml version="2.0"><head/><body>${outlines}</body></opml>`);
    const started = Date.now();
    const r = await lede(['--data', data, 'sources', 'import', file]);
    const ms = Date.now() - started;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^imported 500 sources \(500 new,/);
    assert.ok(ms < 15_000, `took ${ms} ms, process start included`);
  });

  it('should add a site whose feed is only found at a common path', async () => {
    const data = freshData();
    const r = await lede(['--data', data, 'sources', 'add', `${site}/`, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const source = JSON.parse(r.stdout) as { name: string; feedUrl: string };
    assert.equal(source.feedUrl, `${site}/rss`);
    assert.equal(source.name, 'Quiet Site News');
  });
});
