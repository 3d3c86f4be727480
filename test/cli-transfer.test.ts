// `lede export` and `lede import` as a user runs them (node bin/lede.js): a SQLite install moved
// to PostgreSQL and back through a file and through a pipe, and bad files refused with exit 2.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { dropSchemas, PG_URL, pgReachable } from '../src/store/postgres/pg-test-support.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'lede.js');
const schema = `lede_cli_transfer_${process.pid}_${Date.now().toString(36)}`;

function lede(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LEDE_LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
const body = (text: string) => text.split('\n').slice(1).join('\n');

describe('lede export / lede import (CLI)', () => {
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'lede-transfer-'));
    const store = openSqliteStore(join(root, 'old', 'lede.sqlite'));
    await store.migrate();
    const s = await store.addSource({ name: 'Harbor', feedUrl: 'https://harbor.example/feed.xml' });
    const { article } = await store.saveArticle(
      { url: 'https://harbor.example/1', canonicalUrl: 'https://harbor.example/1', title: 'Ferry fares', deck: [], authors: [], images: [], contentHtml: '<p>x</p>', text: 'x', summary: ['a', 'b', 'c'] },
      { sourceId: s.id, entryKey: 'guid-1' },
    );
    await store.setReaction(article.id, 'reader-1', 'sad');
    await store.close();
  });
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await dropSchemas(schema);
  });

  it('should export to a private file and import it into PostgreSQL, then refuse a second import', { skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL}` }, async () => {
    const file = join(root, 'lede.jsonl');
    const out = await lede(['--data', join(root, 'old'), 'export', '--output', file]);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout, `exported 1 source, 1 article, 1 feed entry, 1 reaction, 0 jobs to ${file}\n`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const env = { DATABASE_URL: PG_URL, LEDE_DATABASE_SCHEMA: schema };
    const imp = await lede(['import', file], env);
    assert.equal(imp.code, 0, imp.stderr);
    assert.equal(imp.stdout, 'imported 1 source, 1 article, 1 feed entry, 1 reaction, 0 jobs\n');
    const again = await lede(['import', file], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^lede: store: the store is not empty \(sources, articles, feed_entries, reactions\); import into a new database, or pass --merge to upsert by id\n$/);
    const merged = await lede(['import', file, '--merge'], env);
    assert.equal(merged.code, 0, merged.stderr);
    const fromPg = await lede(['export'], env);
    assert.equal(fromPg.code, 0, fromPg.stderr);
    assert.equal(body(fromPg.stdout), body(readFileSync(file, 'utf8')));
    // And back into a new SQLite install through a pipe.
    const back = await lede(['--data', join(root, 'back'), 'import', '-'], {}, fromPg.stdout);
    assert.equal(back.code, 0, back.stderr);
    const fromBack = await lede(['--data', join(root, 'back'), 'export']);
    assert.equal(body(fromBack.stdout), body(fromPg.stdout));
  });

  it('should refuse a bad file with the line number, exit 2, and write nothing', async () => {
    const good = (await lede(['--data', join(root, 'old'), 'export'])).stdout.trimEnd().split('\n');
    const bad = [...good];
    bad[2] = bad[2]!.replace('"title":"Ferry fares",', '');
    const file = join(root, 'bad.jsonl');
    writeFileSync(file, bad.join('\n'));
    const data = join(root, 'fresh');
    const r = await lede(['--data', data, 'import', file]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'lede: import: line 3: article: missing field "title"\n');
    const dry = await lede(['--data', data, 'import', '-', '--dry-run'], {}, good.join('\n'));
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^would import 1 source, 1 article/);
    const after = await lede(['--data', data, 'export']);
    assert.match(after.stdout, /"counts":\{"source":0,"article":0,"feed-entry":0,"reaction":0/);
    const missing = await lede(['--data', data, 'import', join(root, 'nope.jsonl')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^lede: import: cannot read .*nope\.jsonl \(no such file\)\n$/);
  });
});
