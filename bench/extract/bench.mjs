// `npm run bench:extract`: runs the shared extract-eval harness over its three corpora for Lede and,
// in the same run, for Readability on linkedom (the anchor), prints the table and writes it into
// the README. Needs ../shared. `--no-anchor` skips the anchor, `--no-readme` leaves README alone.
// Speed on a shared machine moves by a fifth between back-to-back runs, so after the full runs
// the Zyte suite is timed `--speed-runs N` more times per extractor (default 4: five in all, so
// the median is one run), the two taking turns; the table gives each run, the medians and their ratio.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeReadmeSection } from '../readme-section.mjs';

const TOOL = '../shared/tools/extract-eval';
if (!existsSync(`${TOOL}/extract-eval.mjs`)) {
  console.error('bench:extract: ../shared/tools/extract-eval not found; run from the project root with ../shared beside it');
  process.exit(2);
}
const args = process.argv.slice(2);
const extractors = [['Lede', 'lede']];
if (!args.includes('--no-anchor')) extractors.push(['Readability 0.6 + linkedom', 'readability-linkedom']);
mkdirSync('.tmp', { recursive: true });

function run(adapter, suite = 'all') {
  const out = `.tmp/extract-${adapter}.json`;
  execFileSync(process.execPath, [`${TOOL}/extract-eval.mjs`, '-e', `${TOOL}/adapters/${adapter}.mjs`, '-s', suite, '--quiet', '--bootstrap', '0', '--json', out], { stdio: 'inherit' });
  return JSON.parse(readFileSync(out, 'utf8')).suites;
}
const speedRuns = args.includes('--speed-runs') ? Number(args[args.indexOf('--speed-runs') + 1]) : 4;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Zyte ms/page means per extractor, the full run's first. */
const speeds = new Map();

const n = (v, d = 3) => (typeof v === 'number' ? v.toFixed(d) : '—');
const rows = [
  '| extractor | Zyte F1 / accuracy (181) | Readability pages F1 (130) | title / byline / siteName / publishedTime / lang | trafilatura F (681) | author / date found | ms/page Zyte mean / max | peak RSS MB |',
  '|---|---|---|---|---|---|---|---|',
];
for (const [name, adapter] of extractors) {
  const s = run(adapter);
  const z = s.zyte;
  speeds.set(name, [z.ms.mean]);
  const r = s.readability;
  const t = s.trafilatura;
  const meta = ['title', 'byline', 'siteName', 'publishedTime', 'lang'].map((k) => n(r.fields[k]?.exactRate)).join(' / ');
  const peak = Math.max(z.memory.maxRssMB, r.memory?.maxRssMB ?? 0, t.memory.maxRssMB);
  rows.push(
    `| ${name} | ${n(z.f1)} / ${n(z.accuracy)} | ${n(r.text.f1)} | ${meta} | ${n(t.f1)} | ${n(t.fields.author.looseRate)} / ${n(t.fields.date.looseRate)} | ${n(z.ms.mean, 1)} / ${n(z.ms.max, 0)} | ${peak.toFixed(0)} |`,
  );
}
for (let i = 0; i < speedRuns; i++) for (const [name, adapter] of extractors) speeds.get(name).push(run(adapter, 'zyte').zyte.ms.mean);
const speedLine = [...speeds].map(([name, ms]) => `${name} ${ms.map((m) => m.toFixed(1)).join(', ')} (median **${median(ms).toFixed(1)}**)`).join('; ');
const [lede, anchor] = [...speeds.values()];
const ratio = anchor ? `; Readability's median over Lede's: **${(median(anchor) / median(lede)).toFixed(2)}×**` : '';
const table = [
  ...rows,
  '',
  `Zyte ms/page mean in each run (the full run first, then ${speedRuns} more taking turns): ${speedLine}${ratio}.`,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:extract\` (../shared/tools/extract-eval, \`-s all\`), both extractors in the same run on this machine.`,
].join('\n');
console.log(table);
if (!args.includes('--no-readme')) writeReadmeSection('extract', table);
