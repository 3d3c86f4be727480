// `npm run bench:serve`: HTTP throughput and latency of `lede start` on loopback, with autocannon,
// on SQLite and on PostgreSQL: the article page, the home page, a conditional GET (304) and the
// poll's reaction POST; nginx serving the same rendered article HTML as a static file in the same
// run as the reference; and the article page's latency at a fixed 1,000 req/s. Prints a table and
// writes it into README.md between <!-- bench:serve --> and <!-- /bench:serve -->.
//
// Options: --duration S (10) --warmup S (2) --connections N (50) --articles N (120) --rate N (1000)
//          --no-pg --no-nginx --no-readme --cpu-prof DIR (profiles every `lede start` into DIR)
//          --workers N (web processes of `lede start`, LEDE_WEB_WORKERS; default 1)
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the run uses a
// schema of its own, lede_bench_<pid>, dropped at the end.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { writeReadmeSection } from '../readme-section.mjs';
import { measure } from './load.mjs';
import { cleanupAll, freePort, installExitHandlers, onCleanup, ROOT, startLede, startNginx, wasInterrupted } from './processes.mjs';
import { seed, startFixture } from './seed.mjs';

const { values: opt } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    articles: { type: 'string', default: '120' },
    rate: { type: 'string', default: '1000' },
    'no-pg': { type: 'boolean', default: false },
    'no-nginx': { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    workers: { type: 'string', default: '1' },
  },
});
const DURATION = Number(opt.duration);
const WARMUP = Number(opt.warmup);
const CONNECTIONS = Number(opt.connections);
const ARTICLES = Number(opt.articles);
const RATE = Number(opt.rate);
const RATE_CONNECTIONS = 20;
const PAIRS = 1000;
const P99_TARGET_MS = 20;
const RATIO_TARGET = 0.4;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `lede_bench_${process.pid}`;

const log = (msg) => console.error(`bench:serve: ${msg}`);
const run = { duration: DURATION, warmup: WARMUP };
const loads = []; // 1-minute load averages seen before each row

// ---------------------------------------------------------------------------------------------
// Reader cookies and pages

/** GETs `url` and returns status, headers and body. */
async function get(url, headers = {}) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A fresh reader: the cookie the article page issues and the poll form's CSRF token. */
async function newReader(articleUrl) {
  const res = await get(articleUrl);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  const csrf = /name="csrf" value="([^"]+)"/.exec(res.body)?.[1];
  if (res.status !== 200 || !cookie.startsWith('lede_reader=') || !csrf) {
    throw new Error(`article page gave no reader cookie or CSRF token (status ${res.status})`);
  }
  const reactions = [...res.body.matchAll(/name="reaction" value="([^"]+)"/g)].map((m) => m[1]);
  return { cookie, csrf, reactions };
}

/** `n` distinct readers, fetched `parallel` at a time. */
async function collectReaders(articleUrl, n, parallel = 20) {
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        next++;
        out.push(await newReader(articleUrl));
      }
    }),
  );
  return out;
}

/** ETag, Last-Modified and the answer to If-None-Match / If-Modified-Since of one URL. */
async function conditionalCheck(url, headers) {
  const first = await get(url, headers);
  const etag = first.headers.get('etag');
  const lastModified = first.headers.get('last-modified');
  const inm = etag ? (await get(url, { ...headers, 'if-none-match': etag })).status : undefined;
  const ims = lastModified ? (await get(url, { ...headers, 'if-modified-since': lastModified })).status : undefined;
  return { status: first.status, etag: Boolean(etag), lastModified: Boolean(lastModified), inm, ims, cacheControl: first.headers.get('cache-control') };
}

// ---------------------------------------------------------------------------------------------
// Backends

async function postgresReachable() {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (e) {
    log(`PostgreSQL at ${DATABASE_URL} not reachable (${e.message}); skipping it`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropSchema() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  } finally {
    await client.end();
  }
}

function backendOf(name, dataDir, databaseUrl) {
  mkdirSync(dataDir, { recursive: true });
  const env = { LEDE_DATA_DIR: dataDir, LEDE_ALLOW_PRIVATE_NETWORKS: '1', LEDE_LOG_LEVEL: 'warn' };
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, LEDE_DATABASE_SCHEMA: SCHEMA });
  else env.DATABASE_URL = ''; // never inherit one: this backend is SQLite
  return { name, dataDir, databaseUrl, schema: databaseUrl ? SCHEMA : undefined, env };
}

/** The article to load: the longest English original (body, photos, byline, publisher card). */
function pickArticle(originals) {
  const en = originals.filter((a) => (a.lang ?? '').startsWith('en'));
  return (en.length ? en : originals).reduce((a, b) => (b.contentHtml.length > a.contentHtml.length ? b : a));
}

/** Seeds, starts `lede start` and measures every endpoint on one backend. */
async function benchBackend(backend, siteUrl) {
  log(`${backend.name}: seeding ${ARTICLES} articles`);
  const seeded = await seed(backend, siteUrl, ARTICLES);
  log(`${backend.name}: ${seeded.polled.replaceAll('\n', '; ')}; ${seeded.count} articles in the store`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = opt['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(opt['cpu-prof'], backend.name)}`] : [];
  const lede = await startLede(port, { ...backend.env, LEDE_VOTE_LIMIT_PER_ADDRESS: '0', LEDE_VOTE_LIMIT_PER_READER: '0', LEDE_WEB_WORKERS: opt.workers }, nodeArgs);
  try {
    const article = pickArticle(seeded.originals);
    const articleUrl = `${base}/articles/${article.id}`;
    const reader = await newReader(articleUrl);
    const page = await get(articleUrl, { cookie: reader.cookie });
    if (page.status !== 200 || page.headers.get('set-cookie')) throw new Error(`article page with a reader cookie: status ${page.status}, set-cookie ${page.headers.get('set-cookie')}`);
    const etag = page.headers.get('etag');
    const home = await get(`${base}/`);
    const homeItems = (home.body.match(/href="\/articles\//g) ?? []).length;
    log(`${backend.name}: article "${article.title}" ${page.body.length} bytes, ETag ${etag}; home page ${home.body.length} bytes, ${homeItems} article links`);
    const readers = await collectReaders(articleUrl, PAIRS);
    const checks = {
      'article page': await conditionalCheck(articleUrl, { cookie: reader.cookie }),
      'home page': await conditionalCheck(`${base}/`),
      'API article': await conditionalCheck(`${base}/api/articles/${article.id}`, { cookie: reader.cookie }),
      'API list': await conditionalCheck(`${base}/api/articles`),
    };

    const c = CONNECTIONS;
    const rows = [];
    const add = async (endpoint, expect, opts) => {
      log(`${backend.name}: ${endpoint}`);
      loads.push(loadavg()[0]);
      const r = await measure({ connections: c, ...opts }, { ...run, serverPids: [lede.child.pid] });
      if ((r.statuses[expect] ?? 0) < r.total * 0.99) log(`${backend.name}: ${endpoint}: expected ${expect}, got ${JSON.stringify(r.statuses)}`);
      rows.push({ server: `Lede, ${backend.name}`, endpoint, expect, connections: opts.connections ?? c, ...r });
    };
    await add('GET article page (reader cookie)', '200', { url: articleUrl, headers: { cookie: reader.cookie } });
    await add('GET article page (no cookie: new reader each time)', '200', { url: articleUrl });
    await add('GET home page', '200', { url: `${base}/` });
    await add('GET article page, If-None-Match', '304', { url: articleUrl, headers: { cookie: reader.cookie, 'if-none-match': etag } });
    let i = 0;
    const choices = reader.reactions;
    await add('POST reaction (form, 1,000 readers)', '303', {
      url: base,
      requests: [
        {
          method: 'POST',
          path: `/articles/${article.id}/reactions`,
          setupRequest: (req) => {
            const r = readers[i++ % readers.length];
            const body = `csrf=${encodeURIComponent(r.csrf)}&reaction=${encodeURIComponent(choices[i % choices.length])}`;
            return { ...req, headers: { ...req.headers, cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body };
          },
        },
      ],
    });
    log(`${backend.name}: article page at ${RATE} req/s`);
    loads.push(loadavg()[0]);
    const fixed = await measure({ url: articleUrl, headers: { cookie: reader.cookie }, connections: RATE_CONNECTIONS, overallRate: RATE }, { ...run, serverPids: [lede.child.pid] });
    return { rows, fixed: { server: `Lede, ${backend.name}`, ...fixed }, html: page.body, checks, pageBytes: page.body.length, homeBytes: home.body.length, homeItems };
  } finally {
    await lede.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// nginx

function findNginx() {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx', '/usr/local/bin/nginx']) if (existsSync(p)) return p;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

function ensureNginx() {
  let nginx = findNginx();
  if (nginx) return nginx;
  log('nginx is not installed: `apt-get install -y nginx` (Debian/Ubuntu) installs it');
  if (process.getuid?.() === 0) {
    log('running as root: trying apt-get install -y nginx');
    spawnSync('apt-get', ['install', '-y', 'nginx'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    nginx = findNginx();
  }
  if (!nginx) log('no nginx: the nginx comparison is skipped');
  return nginx;
}

async function benchNginx(nginx, html) {
  // Its own world-readable folder: nginx's workers may run as another user than this process.
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-nginx-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'www'), { mode: 0o755 });
  writeFileSync(join(dir, 'www', 'article.html'), html, { mode: 0o644 });
  const port = await freePort();
  const temp = (name) => `${name} ${join(dir, name.replace('_temp_path', ''))};`;
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes auto;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  ${temp('client_body_temp_path')} ${temp('proxy_temp_path')} ${temp('fastcgi_temp_path')} ${temp('uwsgi_temp_path')} ${temp('scgi_temp_path')}
  server {
    listen 127.0.0.1:${port};
    root ${join(dir, 'www')};
  }
}
`,
  );
  const url = `http://127.0.0.1:${port}/article.html`;
  const proc = await startNginx(nginx, dir, conf, url);
  try {
    log('nginx: GET article.html');
    loads.push(loadavg()[0]);
    const r = await measure({ url, connections: CONNECTIONS }, { ...run, serverPids: [proc.child.pid] });
    return { server: 'nginx (static file)', endpoint: 'GET the same article HTML', expect: '200', connections: CONNECTIONS, ...r };
  } finally {
    await proc.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const int = (v) => Math.round(v).toLocaleString('en-US');
const statusText = (r) =>
  Object.entries(r.statuses)
    .map(([code, n]) => `${code}: ${int(n)}`)
    .join(', ') + (r.errors || r.timeouts ? `, errors ${r.errors}, timeouts ${r.timeouts}` : '');

function report(results, nginxRow, versions) {
  const lines = [
    '| server | endpoint | req/s | p50 ms | p99 ms | max ms | server CPU ms/req | responses | not 2xx/3xx |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const row = (r) => lines.push(`| ${r.server} | ${r.endpoint} | ${int(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.cpuMsPerRequest === undefined ? '—' : r.cpuMsPerRequest.toFixed(3)} | ${statusText(r)} | ${int(r.bad)} |`);
  for (const b of results) b.rows.forEach(row);
  if (nginxRow) row(nginxRow);
  lines.push('');
  for (const b of results) {
    const art = b.rows[0];
    if (nginxRow) {
      const ratio = art.rps / nginxRow.rps;
      lines.push(
        `Article page, ${b.rows[0].server}: ${int(art.rps)} req/s = **${(ratio * 100).toFixed(1)}%** of nginx's ${int(nginxRow.rps)} req/s for the same bytes (target ≥ ${RATIO_TARGET * 100}%: ${ratio >= RATIO_TARGET ? 'met' : 'not met'}).`,
      );
    }
  }
  for (const b of results) {
    const f = b.fixed;
    lines.push(
      `Article page at a fixed ${int(RATE)} req/s (${RATE_CONNECTIONS} connections), ${f.server}: ${int(f.rps)} req/s served, p50 ${ms(f.p50)} ms, p99 **${ms(f.p99)} ms**, max ${ms(f.max)} ms (corrected for coordinated omission: p99 ${f.acP99} ms); p99 < ${P99_TARGET_MS} ms: ${f.p99 < P99_TARGET_MS && f.acP99 < P99_TARGET_MS ? 'yes' : 'no'}.`,
    );
  }
  const b0 = results[0];
  if (b0) {
    const c = Object.entries(b0.checks)
      .map(([name, v]) => `${name}: ETag ${v.etag ? `yes, If-None-Match → ${v.inm}` : 'no'}, Last-Modified ${v.lastModified ? `yes, If-Modified-Since → ${v.ims}` : 'no'}`)
      .join('; ');
    lines.push('', `Conditional requests (${b0.rows[0].server}): ${c}.`);
    lines.push(`Pages: article ${int(b0.pageBytes)} bytes, home ${int(b0.homeBytes)} bytes (${ARTICLES} articles in the store, 30 on the page).`);
  }
  lines.push(
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:serve\`: autocannon ${versions.autocannon}, ${CONNECTIONS} connections, ${DURATION} s per row after a ${WARMUP} s warm-up, on loopback; ` +
      `${opt.workers === '1' ? 'one `lede start` process' : `\`lede start --workers ${opt.workers}\` (${opt.workers} web processes sharing the port, the poller in the primary)`} (Node ${process.versions.node}, LEDE_LOG_LEVEL=warn, vote limits off), ${versions.nginx ? `${versions.nginx} with \`worker_processes auto\`` : 'no nginx'}. ` +
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), shared by the load generator (one autocannon thread), the server${versions.pg ? ` and PostgreSQL ${versions.pg}` : ''}; ` +
      `1-minute load average before the rows ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}. ` +
      'Server CPU ms/req is the server processes\' user + system time (/proc) over the responses: it varies less with other load than req/s does. ' +
      'The reaction POST rotates 1,000 readers (signed cookie + CSRF token from the article page) over the benchmarked article; 303 is its success.',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  installExitHandlers();
  const tmp = mkdtempSync(join(tmpdir(), 'lede-bench-serve-'));
  onCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  if (opt['cpu-prof']) mkdirSync(opt['cpu-prof'], { recursive: true });

  const site = await startFixture();
  onCleanup(() => site.close());
  const backends = [backendOf('SQLite', join(tmp, 'sqlite'))];
  let pgVersion;
  if (!opt['no-pg'] && (await postgresReachable())) {
    onCleanup(dropSchema);
    backends.push(backendOf('PostgreSQL', join(tmp, 'pg'), DATABASE_URL));
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    pgVersion = (await client.query('show server_version')).rows[0].server_version.split(' ')[0];
    await client.end();
  }
  const nginx = opt['no-nginx'] ? undefined : ensureNginx();

  const results = [];
  for (const b of backends) results.push(await benchBackend(b, site.url));
  await site.close();
  const nginxRow = nginx ? await benchNginx(nginx, results[0].html) : undefined;

  const versions = {
    autocannon: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'autocannon', 'package.json'), 'utf8')).version,
    nginx: nginx ? spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '') : undefined,
    pg: pgVersion,
  };
  const table = report(results, nginxRow, versions);
  console.log(table);
  if (!opt['no-readme']) {
    writeReadmeSection('serve', table, join(ROOT, 'README.md'));
    log('README.md section bench:serve updated');
  }
}

try {
  await main();
} catch (e) {
  if (!wasInterrupted()) console.error(`bench:serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
