// `npm run bench:poll`: one real `lede` process on SQLite polls 10,000 feeds on 200 loopback hosts
// (bench/poll/fixture-server.mjs): round 1 (everything new), round 2 (10% of feeds publish two
// entries), round 3 (nothing changed: all 304). Each round: wall time, peak RSS, the most requests
// in flight on one host (counted by the server), and the entries queued against what the feeds
// hold — checked in the SQLite file, so a lost or doubled entry shows. Then the article jobs of
// 25 feeds (500 pages) in a fresh store: articles per second in one process. Prints a table and
// writes it into README.md (`--no-readme` leaves it alone). `--hosts N --feeds N` for a small run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeReadmeSection } from '../readme-section.mjs';
import { kindOf, startFixture } from './fixture-server.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const HOSTS = opt('--hosts', 200);
const FEEDS = opt('--feeds', 50);
const ARTICLE_FEEDS = Math.min(HOSTS, opt('--article-feeds', 25));
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lede.js');
// `--cpu-prof DIR`: a CPU profile of each round's `lede poll` process, written into DIR.
const PROF = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1] : undefined;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const root = mkdtempSync(join(tmpdir(), 'lede-bench-poll-'));
const fixture = await startFixture({ hosts: HOSTS, feeds: FEEDS });

/** Runs `lede …`; resolves with wall seconds, peak RSS (MB), exit code and the last JSON line of stdout. */
function lede(dataDir, argv, nodeArgs = []) {
  const timeFile = join(root, 'time.txt');
  const cmd = [process.execPath, ...nodeArgs, BIN, '--data', dataDir, ...argv];
  const [file, rest] = TIME ? [TIME, ['-f', '%M %U %S', '-o', timeFile, ...cmd]] : [cmd[0], cmd.slice(1)];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, rest, { env: { ...process.env, LEDE_ALLOW_PRIVATE_NETWORKS: '1', LEDE_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let peakKb = 0;
    let cpu = NaN;
    // Without GNU time, sample the peak while the process lives.
    const sampler = TIME ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {}
    }, 100);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      if (TIME) {
        const [kb, user, sys] = (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
        peakKb = kb || 0;
        cpu = (user ?? NaN) + (sys ?? NaN);
      }
      const json = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
      resolve({ seconds: (performance.now() - t0) / 1000, rssMb: peakKb / 1024, cpu, code, report: json ? JSON.parse(json) : null, out, err });
    });
  });
}

function opml(feeds) {
  const outlines = feeds.map((f) => `<outline type="rss" text="Feed ${f.index}" xmlUrl="${f.url}"/>`).join('\n');
  return `<?xml version="1.0"?>\n<opml version="2.0"><head><title>bench</title></head><body>\n${outlines}\n</body></opml>\n`;
}

/** What the SQLite file holds: article jobs, queued entries, and canonical URLs queued twice. */
function inspect(dataDir) {
  const db = new Database(join(dataDir, 'lede.sqlite'), { readonly: true });
  try {
    const jobs = db.prepare(`select count(*) n from jobs where name = 'fetch-article'`).get().n;
    const urls = db.prepare(`select canonical_url u from feed_entries where state <> 'skipped' and canonical_url is not null`).all().map((r) => r.u);
    const orphans = db
      .prepare(`select count(*) n from jobs j left join feed_entries e on e.source_id = json_extract(j.data, '$.sourceId') and e.entry_key = json_extract(j.data, '$.entryKey') where j.name = 'fetch-article' and e.source_id is null`)
      .get().n;
    return { jobs, urls: new Set(urls), doubled: urls.length - new Set(urls).size, orphans };
  } finally {
    db.close();
  }
}

const ok = (i) => kindOf(i) !== 'broken';
const rounds = [];
async function round(name, dataDir, expected, before) {
  fixture.resetStats();
  const load = loadavg()[0];
  const r = await lede(dataDir, ['poll', '--no-articles', '--json'], PROF ? ['--cpu-prof', '--cpu-prof-dir', PROF, '--cpu-prof-name', `${name.split(' (')[0].replace(' ', '-')}.cpuprofile`] : []);
  if (!r.report) throw new Error(`bench:poll: lede poll printed no report (exit ${r.code}): ${r.err.slice(-2000)}`);
  const s = fixture.stats();
  const now = inspect(dataDir);
  const got = [...now.urls].filter((u) => !before.urls.has(u));
  const missing = [...expected].filter((u) => !now.urls.has(u)).length;
  const extra = got.filter((u) => !expected.has(u)).length;
  const row = {
    name,
    seconds: r.seconds,
    roundSeconds: r.report.pollSeconds,
    cpu: r.cpu,
    load,
    rssMb: r.rssMb,
    maxPerHost: s.maxPerHost,
    requests: s.requests,
    notModified: s.notModified,
    sources: r.report.sources,
    failed: r.report.failed,
    queued: now.jobs - before.jobs,
    expected: expected.size,
    missing,
    extra,
    doubled: now.doubled,
    orphans: now.orphans,
  };
  rounds.push(row);
  console.log(`${name}: ${JSON.stringify(row)}`);
  return now;
}

try {
  const all = fixture.feeds;
  const data = join(root, 'data');
  const opmlFile = join(root, 'feeds.opml');
  writeFileSync(opmlFile, opml(all));
  const imported = await lede(data, ['sources', 'import', opmlFile]);
  if (imported.code !== 0) throw new Error(`bench:poll: import failed: ${imported.err}`);
  console.log(`imported ${all.length} feeds on ${HOSTS} hosts in ${imported.seconds.toFixed(1)} s`);

  const empty = { jobs: 0, urls: new Set() };
  const first = await round('round 1 (all new)', data, fixture.canonicalUrls(ok), empty);
  const r1 = fixture.canonicalUrls(ok);
  const changed = fixture.publish((i) => i % 10 === 3);
  const r2 = fixture.canonicalUrls(ok);
  const second = await round(`round 2 (${changed} feeds changed)`, data, new Set([...r2].filter((u) => !r1.has(u))), first);
  await round('round 3 (nothing changed)', data, new Set(), second);

  // Article jobs: the plain feeds of the first hosts, one per host, in a store of their own.
  const subset = Array.from({ length: ARTICLE_FEEDS }, (_, h) => all.find((f) => f.host === h && f.kind === 'plain'));
  const articleData = join(root, 'articles');
  writeFileSync(opmlFile, opml(subset));
  await lede(articleData, ['sources', 'import', opmlFile]);
  fixture.resetStats();
  const a = await lede(articleData, ['poll', '--json']);
  const art = a.report?.articles ?? {};
  const articles = { feeds: subset.length, queued: a.report?.queued, stored: art.stored, failed: art.failed, seconds: art.seconds, perSecond: art.perSecond, rssMb: a.rssMb, maxPerHost: fixture.stats().maxPerHost };
  console.log(`articles: ${JSON.stringify(articles)}`);

  const f1 = (n) => n.toFixed(1);
  const table = [
    '| round | wall s (poll round) | lede CPU s | peak RSS MB | max per host | requests (304) | sources failed | entries queued / expected (lost, doubled) |',
    '|---|---|---|---|---|---|---|---|',
    ...rounds.map((r) => `| ${r.name} | ${f1(r.seconds)} (${f1(r.roundSeconds)}) | ${f1(r.cpu)} | ${r.rssMb.toFixed(0)} | ${r.maxPerHost} | ${r.requests} (${r.notModified}) | ${r.failed} | ${r.queued} / ${r.expected} (${r.missing}, ${r.doubled + r.extra}) |`),
    '',
    `Article jobs (fetch, robots.txt, extract, summarize, store), one process, ${articles.feeds} feeds on ${articles.feeds} hosts: ` +
      `${articles.stored} of ${articles.queued} stored, ${articles.failed} failed, in ${articles.seconds} s: **${articles.perSecond} articles/s**, peak RSS ${articles.rssMb.toFixed(0)} MB, max ${articles.maxPerHost} per host.`,
    '',
    `${all.length} feeds on ${HOSTS} loopback hosts (127.0.1.x), ${FEEDS} per host, 20 entries each (every fifth feed repeats a story of the next with tracking parameters); ` +
      `1% broken (HTML, malformed XML, 500), 1% answer 429 with Retry-After: 2 once, 2% take 1–2 s. Wall time is the whole \`lede poll --no-articles\` process (boot included); ` +
      `defaults: 2 requests per host, 250 ms rest per slot, 64 requests in flight, 4 article jobs at once. Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:poll\` on this machine (${cpus().length} cores, shared with the fixture server; 1-minute load average before the rounds ${rounds.map((r) => r.load.toFixed(1)).join(' / ')}). ` +
      `Wall time targets: round 1 < 60 s, round 3 < 10 s; peak RSS < 400 MB.`,
  ].join('\n');
  console.log(`\n${table}`);
  if (!args.includes('--no-readme') && HOSTS === 200 && FEEDS === 50) writeReadmeSection('poll', table);
  const bad = rounds.some((r) => r.missing || r.extra || r.doubled || r.orphans);
  if (bad) {
    console.error('bench:poll: entries were lost or doubled');
    process.exitCode = 1;
  }
} finally {
  await fixture.close();
  rmSync(root, { recursive: true, force: true });
}
