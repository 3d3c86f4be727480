// Votes exact under load: 200 readers cast and change 5,000 votes concurrently across two
// `lede web` processes on PostgreSQL; the final counts equal each reader's last vote, exactly.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { DEFAULT_REACTIONS } from '../../src/core/config.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { freePort, waitUntil } from '../e2e/browser-helpers.ts';
import { PG_URL, pgReachable } from '../../src/store/postgres/pg-test-support.ts';

const schema = `lede_votes_${process.pid}_${Date.now().toString(36)}`;
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lede.js');

function startWeb(port: number): ChildProcess {
  return spawn(process.execPath, [BIN, '--database', PG_URL, 'web', '--port', String(port)], {
    env: { ...process.env, LEDE_DATABASE_SCHEMA: schema, LEDE_SECRET: 'shared-secret-of-every-web-process', LEDE_LOG_LEVEL: 'warn', LEDE_VOTE_LIMIT_PER_ADDRESS: '0', LEDE_VOTE_LIMIT_PER_READER: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

describe('votes under load across two web processes', { skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL}` }, () => {
  const webs: ChildProcess[] = [];
  const bases: string[] = [];
  let articleId = '';

  before(async () => {
    const store = openPostgresStore({ connectionString: PG_URL, schema });
    await store.migrate();
    articleId = (
      await store.saveArticle({
        url: 'https://news.example/votes', canonicalUrl: 'https://news.example/votes', title: 'Votes', deck: [], authors: [],
        images: [], contentHtml: '<p>Body.</p>', text: 'Body.', summary: ['One.', 'Two.', 'Three.'],
      })
    ).article.id;
    await store.close();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      webs.push(startWeb(port));
      bases.push(`http://127.0.0.1:${port}`);
    }
    for (const base of bases) await waitUntil(async () => (await fetch(`${base}/ready`)).ok, `${base} ready`, 30_000);
  });

  after(async () => {
    await Promise.all(webs.map((w) => new Promise<void>((resolve) => (w.exitCode !== null ? resolve() : (w.once('exit', () => resolve()), w.kill('SIGTERM'))))));
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('should end with counts equal to every reader\'s last vote', async () => {
    const readers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // A reader gets its cookie and form token from either process: they share the secret.
        const page = await fetch(`${bases[i % 2]}/articles/${articleId}`);
        const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
        const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
        return { cookie, csrf, last: '' };
      }),
    );
    let cast = 0;
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const started = Date.now();
    // Every reader votes 25 times in a row, alternating processes at random; all readers at once.
    await Promise.all(
      readers.map(async (r) => {
        for (let v = 0; v < 25; v++) {
          const reaction = DEFAULT_REACTIONS[Math.floor(random() * DEFAULT_REACTIONS.length)]!.id;
          const res = await fetch(`${bases[Math.floor(random() * 2)]}/articles/${articleId}/reactions`, {
            method: 'POST',
            headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ csrf: r.csrf, reaction }).toString(),
            redirect: 'manual',
          });
          await res.arrayBuffer();
          assert.equal(res.status, 303);
          r.last = reaction;
          cast++;
        }
      }),
    );
    const expected: Record<string, number> = {};
    for (const r of readers) expected[r.last] = (expected[r.last] ?? 0) + 1;
    const api = (await (await fetch(`${bases[0]}/api/articles/${articleId}`)).json()) as { reactions: { id: string; count: number }[] };
    const actual = Object.fromEntries(api.reactions.filter((x) => x.count > 0).map((x) => [x.id, x.count]));
    console.log(`votes: ${cast} votes from 200 readers across 2 web processes in ${Date.now() - started} ms; counts ${JSON.stringify(actual)}`);
    assert.equal(cast, 5000);
    assert.deepEqual(actual, expected);
  });
});
