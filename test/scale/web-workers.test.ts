// `lede start --workers 2`, run from a folder outside the project (as `npx lede` would be): two
// web processes share the port and serve the pages, the poller stays in the primary, and SIGTERM
// ends all three cleanly.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { freePort, waitUntil } from '../e2e/browser-helpers.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lede.js');

/** Requests counted by lede_http_request_duration_seconds for `route`, over every method and status. */
function requestCount(metrics: string, route: string): number {
  let n = 0;
  for (const line of metrics.split('\n')) {
    const m = /^lede_http_request_duration_seconds_count\{([^}]*)\} (\d+)/.exec(line);
    if (m && m[1]!.includes(`route="${route}"`)) n += Number(m[2]);
  }
  return n;
}

describe('lede start --workers', () => {
  const data = mkdtempSync(join(tmpdir(), 'lede-web-workers-'));
  after(() => rmSync(data, { recursive: true, force: true }));

  it('should serve from two web processes sharing one port and stop them all on SIGTERM', { timeout: 120_000 }, async () => {
    const store = openSqliteStore(join(data, 'lede.sqlite'));
    await store.migrate();
    const { article } = await store.saveArticle({
      url: 'https://news.example/a/1', canonicalUrl: 'https://news.example/a/1', title: 'Ferry fares frozen for a year', deck: [], authors: [],
      images: [], contentHtml: '<p>The council froze ferry fares.</p>', text: 'The council froze ferry fares.', summary: ['One.', 'Two.', 'Three.'],
    });
    await store.close();
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, '--data', data, 'start', '--port', String(port), '--workers', '2'], {
      cwd: tmpdir(), // not the project: the TypeScript settings must still be found
      env: { ...process.env, LEDE_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok || undefined, 'the web processes to answer', 60_000);
      // (-f: tsx may have an esbuild service running under the primary too.)
      const children = () => spawnSync('pgrep', ['-P', String(child.pid), '-f', 'lede.js'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      assert.equal(children().length, 2, 'two web processes under the primary');
      for (let i = 0; i < 6; i++) {
        const page = await fetch(`http://127.0.0.1:${port}/articles/${article.id}`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /Ferry fares frozen for a year/);
        assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
      }
      assert.match(stdout, /2 web processes/);
      // /metrics speaks for every process, whichever one the scrape lands on.
      for (let i = 0; i < 4; i++) {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        assert.equal(requestCount(text, '/articles/:id'), 6, text.slice(0, 2000));
        assert.equal(requestCount(text, '/'), 6);
        assert.match(text, /^lede_process_cpu_user_seconds_total \d/m);
      }
      const pids = children();
      child.kill('SIGTERM');
      assert.equal(await exited, 0, 'SIGTERM ends the primary cleanly');
      for (const pid of pids) assert.throws(() => process.kill(Number(pid), 0), 'every web process is gone');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
