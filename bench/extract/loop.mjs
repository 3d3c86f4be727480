// Profiling loop (not part of the benchmark): runs extractArticle over a corpus suite of the shared
// extract-eval harness, one page after another, and prints per-page ms and heap/RSS, so
// `node --cpu-prof`, `--heap-prof` or `--expose-gc` can be pointed at the extract stage alone.
// Usage: node --import tsx bench/extract/loop.mjs zyte|trafilatura|readability [limit] [--rounds N] [--top N]
import { zyteSuite, trafilaturaSuite, readabilitySuite } from '../../../shared/tools/extract-eval/lib/suites.mjs';
import { pathToFileURL } from 'node:url';

// LEDE_ROOT points at another checkout (e.g. an unchanged copy) to compare against.
const root = process.env.LEDE_ROOT ?? new URL('../..', import.meta.url).pathname;
const { extractArticle } = await import(pathToFileURL(`${root}/src/extract/extract-article.ts`).href);

const args = process.argv.slice(2);
const suite = args[0] ?? 'zyte';
const limit = Number(args[1]) || Infinity;
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const rounds = opt('--rounds', 1);
const top = opt('--top', 8);
const corpora = '/work/shared/corpora';
const pages = ({ zyte: zyteSuite, trafilatura: trafilaturaSuite, readability: readabilitySuite })[suite](corpora).slice(0, limit);
const loaded = pages.map((p) => ({ id: p.id, url: p.url, html: p.load() }));
const mb = (b) => (b / 2 ** 20).toFixed(0);
await extractArticle(loaded[0].html, { url: loaded[0].url }).catch(() => {});
const rows = [];
let peakHeap = 0;
let lastMax = process.resourceUsage().maxRSS / 1024;
for (let r = 0; r < rounds; r++) {
  for (const p of loaded) {
    const t = performance.now();
    try { await extractArticle(p.html, { url: p.url }); } catch {}
    const ms = performance.now() - t;
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    const maxRss = process.resourceUsage().maxRSS / 1024;
    if (r === 0) rows.push({ id: p.id, ms, kb: p.html.length / 1024, jump: maxRss - lastMax });
    else rows[loaded.indexOf(p)].ms = Math.min(rows[loaded.indexOf(p)].ms, ms);
    lastMax = maxRss;
  }
}
const ms = rows.map((r) => r.ms);
const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
console.log(`${suite}: ${rows.length} pages, best of ${rounds} rounds: mean ${mean.toFixed(1)} ms, max ${Math.max(...ms).toFixed(0)} ms; peak heapUsed ${mb(peakHeap)} MB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const r of rows.sort((a, b) => b.ms - a.ms).slice(0, top)) console.log(`  ${r.ms.toFixed(0).padStart(5)} ms  ${r.kb.toFixed(0).padStart(5)} KB  ${r.id}`);
console.log('largest peak-RSS jumps:');
for (const r of rows.filter((r) => r.jump > 5).sort((a, b) => b.jump - a.jump).slice(0, top)) console.log(`  +${r.jump.toFixed(0).padStart(4)} MB  ${r.kb.toFixed(0).padStart(5)} KB  ${r.ms.toFixed(0).padStart(5)} ms  ${r.id}`);
