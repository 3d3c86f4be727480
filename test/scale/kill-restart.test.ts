// Nothing lost under crashes: 2,000 articles in 100 feeds on 10 loopback hosts, processed by
// (a) 2 `lede web` + 3 `lede worker` processes on PostgreSQL, one worker killed with SIGKILL and
// another stopped with SIGTERM mid-run, both restarted; (b) one `lede start` on SQLite killed
// with SIGKILL and restarted. Then every article is there exactly once with its summary, and no
// job is left queued or running.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { freePort, waitUntil } from '../e2e/browser-helpers.ts';
import { PG_URL, pgReachable } from '../../src/store/postgres/pg-test-support.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lede.js');
const HOSTS = 10;
const FEEDS_PER_HOST = 10;
const ENTRIES = 20;
const EXPECTED = HOSTS * FEEDS_PER_HOST * ENTRIES;


/** 10 hosts (127.0.3.1–10), 10 feeds each, 20 distinct articles per feed. */
async function startPublishers(): Promise<{ feedUrls: string[]; urls: Set<string>; close(): Promise<void> }> {
  const servers: Server[] = [];
  let port = 0;
  const words = ['harbor', 'council', 'ferry', 'budget', 'school', 'market', 'bridge', 'festival', 'weather', 'library'];
  for (let h = 0; h < HOSTS; h++) {
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
      const art = /^\/articles\/(\d+)\/(\d+)$/.exec(path);
      if (path === '/robots.txt') return void res.writeHead(404).end();
      if (feed) {
        const f = Number(feed[1]);
        const items = Array.from({ length: ENTRIES }, (_, k) => `<item><title>Story ${k} of feed ${f} on host ${h}</title><link>http://127.0.3.${h + 1}:${port}/articles/${f}/${k}</link><guid>h${h}f${f}k${k}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1, 0, k + f)).toUTCString()}</pubDate></item>`).join('');
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f} of host ${h}</title><link>http://127.0.3.${h + 1}:${port}/</link>${items}</channel></rss>`);
      }
      if (art) {
        const [f, k] = [Number(art[1]), Number(art[2])];
        const w = (n: number) => words[(h + f + k + n) % words.length];
        const sentences = [
          `The ${w(0)} committee of district ${h}-${f} voted on Tuesday to raise its spending by ${k * 3 + 2} percent next year.`,
          `Mayor Kim Soo-jin said the money would repair the old ${w(1)} and hire ${k + 4} more inspectors before winter.`,
          `Opposition members warned that property taxes could climb for the first time since ${2000 + k}.`,
          `Residents packed the hall and asked for a public hearing on the ${w(2)} plan, which has been delayed twice.`,
          `The ${w(3)} office will publish a detailed budget on its website within ${k + 2} weeks.`,
          `A final vote is expected in March, after a review by the regional audit board.`,
        ];
        const paras = sentences.map((x) => `<p>${x}</p>`).join('');
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><title>Story ${k} of feed ${f} on host ${h}</title></head><body><article><h1>Story ${k} of feed ${f} on host ${h}</h1>${paras}</article></body></html>`);
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, `127.0.3.${h + 1}`, () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
    servers.push(server);
  }
  const feedUrls: string[] = [];
  const urls = new Set<string>();
  for (let h = 0; h < HOSTS; h++) {
    for (let f = 0; f < FEEDS_PER_HOST; f++) {
      feedUrls.push(`http://127.0.3.${h + 1}:${port}/feeds/${f}.xml`);
      for (let k = 0; k < ENTRIES; k++) urls.add(`http://127.0.3.${h + 1}:${port}/articles/${f}/${k}`);
    }
  }
  return {
    feedUrls,
    urls,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))))).then(() => undefined),
  };
}

const ENV = {
  LEDE_ALLOW_PRIVATE_NETWORKS: '1',
  LEDE_LOG_LEVEL: process.env.LEDE_TEST_LOG_LEVEL ?? 'error',
  LEDE_SECRET: 'kill-test-secret-of-every-process',
  LEDE_HOST_CONCURRENCY: '4',
  LEDE_HOST_DELAY_MS: '0',
  LEDE_JOB_LEASE_SECONDS: '6',
  LEDE_POLL_LEASE_SECONDS: '8',
};

function lede(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...ENV, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));

async function addSources(store: Store, feedUrls: readonly string[]): Promise<void> {
  await store.migrate();
  for (const [i, feedUrl] of feedUrls.entries()) await store.addSource({ name: `Feed ${i}`, feedUrl, lang: 'en' });
  await store.close();
}

interface Tally {
  articles: number;
  urls: string[];
  badSummaries: number;
  openJobs: number;
  queuedEntries: number;
}

describe('nothing lost when processes die', () => {
  let publishers: Awaited<ReturnType<typeof startPublishers>>;
  before(async () => {
    publishers = await startPublishers();
  });
  after(() => publishers.close());

  it('should finish every article exactly once on PostgreSQL with 2 web and 3 worker processes, one SIGKILLed and one SIGTERMed', { skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL}`, timeout: 600_000 }, async () => {
    const schema = `lede_kill_${process.pid}_${Date.now().toString(36)}`;
    const env = { DATABASE_URL: PG_URL, LEDE_DATABASE_SCHEMA: schema };
    await addSources(openPostgresStore({ connectionString: PG_URL, schema }), publishers.feedUrls);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const procs: ChildProcess[] = [];
    try {
      const tally = async (): Promise<Tally> => {
        const a = await client.query<{ canonical_url: string; summary: string }>(`select canonical_url, summary from "${schema}".articles`);
        // PostgreSQL runs the article jobs on pg-boss, in the schema beside Lede's.
        const j = await client.query<{ n: string }>(`select count(*) as n from "${schema}_pgboss".job where name = 'fetch-article' and state < 'completed'`);
        const e = await client.query<{ n: string }>(`select count(*) as n from "${schema}".feed_entries where state = 'queued'`);
        return {
          articles: a.rowCount ?? 0,
          urls: a.rows.map((r) => r.canonical_url),
          badSummaries: a.rows.filter((r) => (JSON.parse(r.summary) as string[]).length !== 3).length,
          openJobs: Number(j.rows[0]!.n),
          queuedEntries: Number(e.rows[0]!.n),
        };
      };
      const webPorts = [await freePort(), await freePort()];
      for (const port of webPorts) procs.push(lede(['web', '--port', String(port)], env));
      const workers = [0, 1, 2].map(() => lede(['worker', '--concurrency', '2'], env));
      procs.push(...workers);

      const started = Date.now();
      await waitUntil(async () => (await tally()).articles >= 300, '300 articles', 180_000);
      workers[0]!.kill('SIGKILL');
      await waitUntil(async () => (await tally()).articles >= 900, '900 articles', 180_000);
      workers[1]!.kill('SIGTERM');
      await Promise.all([exited(workers[0]!), exited(workers[1]!)]);
      assert.equal(workers[1]!.exitCode, 0, 'SIGTERM ends a worker cleanly');
      for (let i = 0; i < 2; i++) {
        const again = lede(['worker', '--concurrency', '2'], env);
        procs.push(again);
      }
      await waitUntil(async () => {
        const t = await tally();
        return t.articles >= EXPECTED && t.openJobs === 0 && t.queuedEntries === 0;
      }, 'every article', 300_000);
      const t = await tally();
      console.log(`kill test (PostgreSQL, 2 web + 3 workers): ${t.articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s, ${t.openJobs} open jobs`);
      assert.equal(t.articles, EXPECTED);
      assert.equal(new Set(t.urls).size, EXPECTED, 'each article once');
      assert.deepEqual([...publishers.urls].filter((u) => !t.urls.includes(u)), [], 'no article missing');
      assert.equal(t.badSummaries, 0, 'every article has its three-bullet summary');
      for (const port of webPorts) {
        const res = await fetch(`http://127.0.0.1:${port}/api/articles?limit=5`);
        assert.equal(res.status, 200);
        assert.equal(((await res.json()) as { items: unknown[] }).items.length, 5);
      }
    } finally {
      for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
      await Promise.all(procs.map(exited));
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.query(`drop schema if exists "${schema}_pgboss" cascade`);
      await client.end();
    }
  });

  it('should finish every article exactly once on SQLite when `lede start` is SIGKILLed and restarted', { timeout: 600_000 }, async () => {
    const data = mkdtempSync(join(tmpdir(), 'lede-kill-'));
    const file = join(data, 'lede.sqlite');
    await addSources(openSqliteStore(file), publishers.feedUrls);
    const db = new Database(file, { readonly: true });
    const tally = (): Tally => {
      const rows = db.prepare('select canonical_url, summary from articles').all() as { canonical_url: string; summary: string }[];
      return {
        articles: rows.length,
        urls: rows.map((r) => r.canonical_url),
        badSummaries: rows.filter((r) => (JSON.parse(r.summary) as string[]).length !== 3).length,
        openJobs: (db.prepare("select count(*) as n from jobs where name = 'fetch-article' and state in ('queued', 'deferred', 'active')").get() as { n: number }).n,
        queuedEntries: (db.prepare("select count(*) as n from feed_entries where state = 'queued'").get() as { n: number }).n,
      };
    };
    let proc: ChildProcess | undefined;
    try {
      const port = await freePort();
      const started = Date.now();
      proc = lede(['--data', data, 'start', '--port', String(port)], {});
      await waitUntil(async () => tally().articles >= 400, '400 articles', 180_000);
      proc.kill('SIGKILL');
      await exited(proc);
      proc = lede(['--data', data, 'start', '--port', String(port)], {});
      await waitUntil(async () => tally().articles >= 1200, '1,200 articles', 180_000);
      proc.kill('SIGTERM');
      await exited(proc);
      assert.equal(proc.exitCode, 0, 'SIGTERM ends lede start cleanly');
      proc = lede(['--data', data, 'start', '--port', String(port)], {});
      await waitUntil(async () => {
        const t = tally();
        return t.articles >= EXPECTED && t.openJobs === 0 && t.queuedEntries === 0;
      }, 'every article', 300_000);
      const t = tally();
      console.log(`kill test (SQLite, lede start): ${t.articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      assert.equal(new Set(t.urls).size, EXPECTED, 'each article once');
      assert.deepEqual([...publishers.urls].filter((u) => !t.urls.includes(u)), [], 'no article missing');
      assert.equal(t.badSummaries, 0);
    } finally {
      if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      if (proc) await exited(proc);
      db.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
