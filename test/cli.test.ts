// The `lede` command as a user runs it (node bin/lede.js), against the loopback fixture site,
// with a real SQLite file: exit codes, output and the store after each command.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type FixtureSite, startFixtureSite } from '../src/demo/fixture-site.ts';
import { silentLogger } from '../src/core/log.ts';
import { createDbQueue } from '../src/queue/db-queue.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { chatReply, startFakeChatServer, userContent } from './llm-fixtures/fake-chat-server.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'lede.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lede(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LEDE_ALLOW_PRIVATE_NETWORKS: '1', LEDE_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function countArticles(dataDir: string): Promise<number> {
  const path = join(dataDir, 'lede.sqlite');
  if (!existsSync(path)) return 0;
  const store = openSqliteStore(path);
  try {
    await store.migrate();
    return (await store.listArticles({ limit: 100 })).items.length;
  } finally {
    await store.close();
  }
}

describe('lede CLI', () => {
  let site: FixtureSite;
  let root: string;
  let n = 0;
  const freshData = () => join(root, `data-${n++}`);

  before(async () => {
    site = await startFixtureSite();
    root = mkdtempSync(join(tmpdir(), 'lede-cli-'));
  });
  after(async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('should list every command in --help', async () => {
    const r = await lede(['--help']);
    assert.equal(r.code, 0, r.stderr);
    for (const cmd of ['start', 'ingest', 'extract', 'sources add', 'sources list', 'poll', 'migrate', '--data']) {
      assert.ok(r.stdout.includes(cmd), `--help lacks ${cmd}`);
    }
  });

  it('should ingest an English article once and print it as the API does', async () => {
    const data = freshData();
    const url = site.publishers[0]!.articleUrls[0]!;
    const r = await lede(['--data', data, 'ingest', `${url}?utm_source=rss`, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'exactly one JSON object');
    const a = JSON.parse(lines[0]!) as Record<string, unknown> & { summary: string[]; authors: { email?: string }[] };
    assert.match(String(a.id), /^[0-9a-z]+$/);
    assert.equal(a.path, `/articles/${a.id}`);
    assert.equal(a.url, url);
    assert.match(String(a.lang), /^en\b/);
    assert.equal(a.summary.length, 3);
    assert.ok(a.authors.some((x) => x.email), 'byline email found');
    assert.ok(Array.isArray(a.reactions));
    const again = await lede(['--data', data, 'ingest', url, '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { id: string }).id, a.id, 'same canonical URL, same article');
    assert.equal(await countArticles(data), 1);
  });

  it('should ingest the EUC-KR Korean article with a Korean summary', async () => {
    const data = freshData();
    const korean = site.publishers.find((p) => p.lang === 'ko')!;
    for (const url of korean.articleUrls) {
      const r = await lede(['--data', data, 'ingest', url, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const a = JSON.parse(r.stdout) as { lang: string; title: string; summary: string[] };
      assert.equal(a.lang, 'ko');
      assert.match(a.title, /[가-힣]/);
      assert.equal(a.summary.length, 3);
      for (const s of a.summary) assert.match(s, /[가-힣]/);
      assert.ok(!a.title.includes('\uFFFD') && !a.summary.join('').includes('\uFFFD'), 'decoded without replacement characters');
    }
  });

  it('should ingest a saved EUC-KR file as the article it names', async () => {
    const data = freshData();
    const url = site.publishers.find((p) => p.lang === 'ko')!.articleUrls.at(-1)!;
    const res = await fetch(url);
    assert.match(res.headers.get('content-type') ?? '', /euc-kr/i);
    const file = join(root, 'saved.html');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const r = await lede(['--data', data, 'ingest', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout) as { url: string; title: string; lang: string };
    assert.equal(a.url, url, 'the canonical URL named by the saved page');
    assert.match(a.title, /[가-힣]/);
    assert.ok(!a.title.includes('\uFFFD'));
  });

  it('should summarize with a configured language model and say so on the page', async () => {
    const data = freshData();
    const llm = await startFakeChatServer(() => ({
      body: chatReply(JSON.stringify({ bullets: [
        'The Harbor City Council voted to freeze ferry fares at $3.25 through 2028.',
        'Ridership on the cross-harbor routes rose 11 percent to 4.1 million trips.',
        'The port authority will study an all-electric fleet instead of raising fares.',
      ] })),
    }));
    try {
      const url = site.publishers[0]!.articleUrls.at(-1)!;
      const env = { LEDE_LLM_URL: llm.url, LEDE_LLM_MODEL: 'tiny-news-1' };
      const r = await lede(['--data', data, 'ingest', url, '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      const a = JSON.parse(r.stdout) as { summary: string[]; summaryMethod: unknown };
      assert.deepEqual(a.summaryMethod, { kind: 'llm', model: 'tiny-news-1' });
      assert.match(a.summary[0]!, /freeze ferry fares/);
      assert.equal(llm.requests.length, 1);
    } finally {
      await llm.close();
    }
  });

  it("should poll with a model configured: articles stored at once with the offline summary, then the model's from 'summarize' jobs", async () => {
    const data = freshData();
    const bullets = [
      'The Harbor City Council voted to freeze ferry fares at $3.25 through 2028.',
      'Ridership on the cross-harbor routes rose 11 percent to 4.1 million trips.',
      'The port authority will study an all-electric fleet instead of raising fares.',
    ];
    // The ferry story gets a summary that holds up; any other article one that breaks the rules (kept offline).
    const llm = await startFakeChatServer((req) => ({
      body: chatReply(JSON.stringify({ bullets: userContent(req).includes('ferry') ? bullets : ['Aliens landed in the harbour on Monday, the mayor said in a statement.'] })),
    }));
    try {
      const english = site.publishers[0]!;
      assert.equal((await lede(['--data', data, 'sources', 'add', english.feedUrl])).code, 0);
      const r = await lede(['--data', data, 'poll', '--json'], { LEDE_LLM_URL: llm.url, LEDE_LLM_MODEL: 'tiny-news-1' });
      assert.equal(r.code, 0, r.stderr);
      const store = openSqliteStore(join(data, 'lede.sqlite'));
      try {
        const articles = (await store.listArticles({ limit: 100 })).items;
        assert.equal(articles.length, english.articleUrls.length);
        for (const a of articles) assert.ok(a.summary.length > 0, `${a.url} has a summary`);
        const byModel = articles.filter((a) => a.summaryMethod?.kind === 'llm');
        assert.equal(byModel.length, 1, 'the ferry story, summarized by the model');
        assert.deepEqual(byModel[0]!.summary, bullets);
        assert.equal(llm.requests.length, articles.length, 'one model call per article, none repeated');
        // The model was asked by the jobs, not by the article jobs: one finished 'summarize' job per article.
        const jobs = await createDbQueue({ database: store.sharedDatabase(), log: silentLogger }).counts();
        assert.deepEqual({ ...jobs.summarize, deferred: undefined }, { queued: 0, deferred: undefined, active: 0, failed: 0, completed: articles.length });
      } finally {
        await store.close();
      }
    } finally {
      await llm.close();
    }
  });

  it('should fall back to the offline summary when the model fails', async () => {
    const data = freshData();
    const llm = await startFakeChatServer(() => ({ status: 400, body: { error: { message: 'bad model' } } }));
    try {
      const url = site.publishers[0]!.articleUrls.at(-1)!;
      const r = await lede(['--data', data, 'ingest', url, '--json'], { LEDE_LLM_URL: llm.url, LEDE_LLM_MODEL: 'broken' });
      assert.equal(r.code, 0, r.stderr);
      const a = JSON.parse(r.stdout) as { summary: string[]; summaryMethod: { kind: string } };
      assert.equal(a.summaryMethod.kind, 'extractive');
      assert.equal(a.summary.length, 3);
    } finally {
      await llm.close();
    }
  });

  it('should ingest into PostgreSQL when DATABASE_URL names it', async (t) => {
    const url = process.env.LEDE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `lede_cli_${process.pid}`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
    } catch {
      t.skip(`no PostgreSQL at ${url} (set LEDE_TEST_DATABASE_URL)`);
      return;
    }
    try {
      const env = { DATABASE_URL: url, LEDE_DATABASE_SCHEMA: schema };
      const article = site.publishers[0]!.articleUrls[0]!;
      const first = await lede(['ingest', article, '--json'], env);
      assert.equal(first.code, 0, first.stderr);
      const again = await lede(['ingest', article, '--json'], env);
      assert.equal((JSON.parse(again.stdout) as { id: string }).id, (JSON.parse(first.stdout) as { id: string }).id);
      const rows = await client.query(`select count(*)::int as n from "${schema}".articles`);
      assert.equal(rows.rows[0].n, 1);
      const bad = await lede(['ingest', `${site.url}/bad/404`], env);
      assert.notEqual(bad.code, 0);
      assert.equal((await client.query(`select count(*)::int as n from "${schema}".articles`)).rows[0].n, 1);
    } finally {
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  });

  it('should extract without storing anything, as text, JSON or Markdown', async () => {
    const data = freshData();
    const url = site.publishers[0]!.articleUrls[1]!;
    const json = await lede(['--data', data, 'extract', url, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const a = JSON.parse(json.stdout) as { title: string; summary: string[]; text: string };
    assert.ok(a.title.length > 0 && a.text.length > 200 && a.summary.length === 3);
    const md = await lede(['--data', data, 'extract', url, '--markdown']);
    assert.equal(md.code, 0, md.stderr);
    assert.ok(md.stdout.startsWith(`# ${a.title}`));
    assert.ok(!existsSync(join(data, 'lede.sqlite')), 'extract created no database');
  });

  it('should say when a page holds only the start of its article', async () => {
    const teaser = join(import.meta.dirname, '..', 'src', 'extract', 'testdata', 'en-paywall-teaser', 'source.html');
    const text = await lede(['--data', freshData(), 'extract', teaser]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^partial: the page holds only the start of the article/m);
    const json = await lede(['--data', freshData(), 'extract', teaser, '--json']);
    assert.equal((JSON.parse(json.stdout) as { partial?: boolean }).partial, true);
    const whole = await lede(['--data', freshData(), 'extract', site.publishers[0]!.articleUrls[1]!]);
    assert.doesNotMatch(whole.stdout, /^partial:/m);
  });

  const bad: [string, () => string, RegExp, Record<string, string>?][] = [
    ['an invalid URL', () => 'http://exa mple', /invalid URL|neither/i],
    ['a missing file', () => 'no/such/file.html', /neither an http\(s\) URL nor a readable file/],
    ['an unreachable host', () => 'http://127.0.0.1:9/article', /fetch: /],
    ['a 404', () => `${site.url}/bad/404`, /404/],
    ['a 500', () => `${site.url}/bad/500`, /500/],
    ['a non-HTML content type', () => `${site.url}/bad/pdf`, /application\/pdf/],
    ['a body over the cap', () => `${site.url}/bad/big`, /10 MB|too large|exceeds/i],
    ['a body over the cap without Content-Length', () => `${site.url}/bad/big?nolength=1`, /10 MB|too large|exceeds/i],
    ['a server that stalls', () => `${site.url}/bad/stall`, /timed out/i, { LEDE_FETCH_TIMEOUT_MS: '1500' }],
    ['a redirect loop', () => `${site.url}/bad/redirect-loop`, /redirect/i],
    ['a page with no article', () => `${site.url}/bad/no-article`, /no article/i],
    ['a private address when not allowed', () => `${site.url}/harbor/`, /private|refus|blocked/i, { LEDE_ALLOW_PRIVATE_NETWORKS: '0' }],
  ];
  for (const [name, input, message, env] of bad) {
    it(`should fail cleanly on ${name}, writing nothing`, async () => {
      const data = freshData();
      const r = await lede(['--data', data, 'ingest', input()], env);
      assert.notEqual(r.code, 0);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
      assert.equal(lines.length, 1, `one line: ${r.stderr}`);
      assert.match(lines[0]!, /^lede: /);
      assert.match(lines[0]!, message);
      assert.equal(await countArticles(data), 0);
    });
  }

  it('should refuse a malformed LEDE_HEAP_GROWING_PERCENT before doing anything', async () => {
    const data = freshData();
    const r = await lede(['--data', data, 'migrate'], { LEDE_HEAP_GROWING_PERCENT: '30%' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^lede: LEDE_HEAP_GROWING_PERCENT must be a whole number of percent/);
    assert.ok(!existsSync(join(data, 'lede.sqlite')), 'no database created');
    const ok = await lede(['--data', data, 'migrate'], { LEDE_HEAP_GROWING_PERCENT: '0' });
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('should add sources by feed or homepage, refuse bad feeds, and poll new entries once', async () => {
    const data = freshData();
    const [english, korean] = site.publishers;
    const byFeed = await lede(['--data', data, 'sources', 'add', english!.feedUrl, '--name', 'Harbor', '--email', 'desk@harbor.example', '--json']);
    assert.equal(byFeed.code, 0, byFeed.stderr);
    assert.equal((JSON.parse(byFeed.stdout) as { name: string }).name, 'Harbor');
    const byHome = await lede(['--data', data, 'sources', 'add', korean!.homepageUrl]);
    assert.equal(byHome.code, 0, byHome.stderr);
    const dup = await lede(['--data', data, 'sources', 'add', english!.feedUrl]);
    assert.notEqual(dup.code, 0);
    assert.match(dup.stderr, /exists/);
    const malformed = await lede(['--data', data, 'sources', 'add', `${site.url}/bad/malformed-feed.xml`]);
    assert.notEqual(malformed.code, 0);
    assert.equal(malformed.stderr.trim().split('\n').length, 1);
    const list = await lede(['--data', data, 'sources', 'list']);
    assert.equal(list.stdout.trim().split('\n').length, 2);

    const poll = await lede(['--data', data, 'poll']);
    assert.equal(poll.code, 0, poll.stderr);
    const expected = english!.articleUrls.length + korean!.articleUrls.length;
    assert.equal(await countArticles(data), expected);
    const again = await lede(['--data', data, 'poll']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await countArticles(data), expected, 'a second poll adds nothing');
  });
});
