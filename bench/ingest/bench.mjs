// `npm run bench:ingest`: article ingest throughput on PostgreSQL with 1 and then 2 `lede worker`
// processes. A loopback publisher serves the 181 real news pages of the Zyte extraction benchmark
// (../shared/corpora/article-extraction-benchmark; each served under several URLs, with its
// canonical link removed so each URL is an article of its own) through FEEDS feeds on as many
// hosts. Each run gets a fresh schema, imports the feeds, starts the workers, and counts feed
// entries finished (stored, skipped or failed) in the database until none is left queued. The
// rate is taken between 5% and 95% done, so boot and the last stragglers do not blur it.
// Prints a table and writes it into README.md between <!-- bench:ingest --> markers.
//
// Options: --feeds N (20) --entries N (30 per feed) --concurrency N (per worker, default 4)
//          --workers LIST (1,2) --no-readme --cpu-prof DIR (a CPU profile of each worker). PostgreSQL: BENCH_DATABASE_URL
//          (default postgres://postgres@127.0.0.1:5432/test).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { writeReadmeSection } from '../readme-section.mjs';

const { values: opt } = parseArgs({
  options: {
    feeds: { type: 'string', default: '20' },
    entries: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '4' },
    workers: { type: 'string', default: '1,2' },
    'cpu-prof': { type: 'string' },
    'no-readme': { type: 'boolean', default: false },
  },
});
const FEEDS = Number(opt.feeds);
const ENTRIES = Number(opt.entries);
const TOTAL = FEEDS * ENTRIES;
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'article-extraction-benchmark', 'html');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lede.js');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (!existsSync(CORPUS)) {
  console.error(`bench:ingest: ${CORPUS} not found; run from the project root with ../shared beside it`);
  process.exit(2);
}

// The pages, with the links that would make every copy one article removed.
const pages = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html.gz'))
  .sort()
  .map((f) =>
    gunzipSync(readFileSync(join(CORPUS, f)))
      .toString('utf8')
      .replace(/<link\b[^>]*\brel=["']?canonical\b[^>]*>/gi, '')
      .replace(/<meta\b[^>]*\bproperty=["']?og:url\b[^>]*>/gi, ''),
  );

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const host = (f) => `127.0.3.${f + 1}`;
let port = 0;
const servers = [];
for (let f = 0; f < FEEDS; f++) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    const a = /^\/a\/(\d+)$/.exec(path);
    if (a) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[(f * ENTRIES + Number(a[1])) % pages.length]);
    if (path === '/feed.xml') {
      const items = Array.from({ length: ENTRIES }, (_, k) => `<item><title>Story ${k} of feed ${f}</title><link>http://${host(f)}:${port}/a/${k}</link><guid>f${f}-${k}</guid><pubDate>${new Date(Date.now() - k * 3_600_000).toUTCString()}</pubDate></item>`).join('\n');
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>http://${host(f)}:${port}/</link><description>bench</description>${items}</channel></rss>`);
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(port, host(f), resolve));
  port ||= server.address().port;
  servers.push(server);
}

const client = new pg.Client({ connectionString: PG_URL });
await client.connect();
const root = mkdtempSync(join(tmpdir(), 'lede-bench-ingest-'));
const opml = join(root, 'feeds.opml');
writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body>${Array.from({ length: FEEDS }, (_, f) => `<outline type="rss" text="Feed ${f}" xmlUrl="${esc(`http://${host(f)}:${port}/feed.xml`)}"/>`).join('')}</body></opml>`);

const children = new Set();
function lede(args, env, stdio = 'ignore', nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', stdio, 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));
process.on('SIGINT', () => {
  for (const c of children) c.kill('SIGKILL');
  process.exit(130);
});

async function run(workers) {
  const schema = `lede_bench_ingest_${process.pid}_${workers}`;
  const env = {
    DATABASE_URL: PG_URL,
    LEDE_DATABASE_SCHEMA: schema,
    LEDE_ALLOW_PRIVATE_NETWORKS: '1',
    LEDE_LOG_LEVEL: 'error',
    // The throughput of the work itself, not of politeness: no rest between requests to a host.
    LEDE_HOST_DELAY_MS: '0',
    LEDE_HOST_CONCURRENCY: '8',
  };
  await client.query(`drop schema if exists "${schema}" cascade; drop schema if exists "${schema}_pgboss" cascade`);
  try {
    const imp = lede(['sources', 'import', opml], env);
    await exited(imp);
    if (imp.exitCode !== 0) throw new Error('lede sources import failed');
    const load = loadavg()[0];
    const t0 = performance.now();
    const prof = (i) => (opt['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(opt['cpu-prof'], `workers-${workers}-${i}`)] : []);
    const procs = Array.from({ length: workers }, (_, i) => lede(['worker', '--concurrency', opt.concurrency], env, 'ignore', prof(i)));
    const marks = {};
    let finished = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const { rows } = await client.query(`select count(*) filter (where state <> 'queued')::int as done, count(*)::int as n from "${schema}".feed_entries`).catch(() => ({ rows: [{ done: 0, n: 0 }] }));
      finished = rows[0].done;
      const t = (performance.now() - t0) / 1000;
      if (finished >= TOTAL * 0.05 && marks.a === undefined) marks.a = { t, n: finished };
      if (finished >= TOTAL * 0.95 && marks.b === undefined) marks.b = { t, n: finished };
      if (rows[0].n >= TOTAL && finished >= rows[0].n) break;
      if (t > 900) throw new Error(`bench:ingest: only ${finished} of ${TOTAL} entries finished after 900 s`);
      if (procs.some((p) => p.exitCode !== null)) throw new Error('bench:ingest: a worker exited');
    }
    const wall = (performance.now() - t0) / 1000;
    const { rows } = await client.query(`select count(*)::int as n from "${schema}".articles`);
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map(exited));
    const perSecond = (marks.b.n - marks.a.n) / (marks.b.t - marks.a.t);
    return { workers, entries: TOTAL, articles: rows[0].n, wall, perSecond, load };
  } finally {
    await client.query(`drop schema if exists "${schema}" cascade; drop schema if exists "${schema}_pgboss" cascade`);
  }
}

const results = [];
try {
  for (const w of opt.workers.split(',').map(Number)) {
    const r = await run(w);
    console.log(`${w} worker(s): ${r.entries} entries (${r.articles} articles) in ${r.wall.toFixed(1)} s, ${r.perSecond.toFixed(1)} entries/s between 5% and 95% done (load before ${r.load.toFixed(1)})`);
    results.push(r);
  }
} finally {
  for (const c of children) c.kill('SIGKILL');
  for (const s of servers) s.close();
  await client.end();
  rmSync(root, { recursive: true, force: true });
}

const base = results[0].perSecond;
const table = [
  '| worker processes | entries finished | articles stored | wall s | articles/s (5%–95%) | per process | vs 1 process |',
  '|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.workers} | ${r.entries} | ${r.articles} | ${r.wall.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${(r.perSecond / r.workers).toFixed(1)} | ${(r.perSecond / base).toFixed(2)}× |`),
  '',
  `Each entry is fetched from loopback (the 181 real news pages of the Zyte benchmark, served by ${FEEDS} hosts), checked against robots.txt, extracted, summarized and stored in PostgreSQL, with ` +
    `\`lede worker --concurrency ${opt.concurrency}\` and the host delay at 0. Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:ingest\` on this machine (${cpus().length} cores, shared by the workers, PostgreSQL and the publisher).`,
].join('\n');
console.log(`\n${table}`);
if (!opt['no-readme']) writeReadmeSection('ingest', table);
