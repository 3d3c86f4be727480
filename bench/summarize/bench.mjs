// `npm run bench:summarize`: scores the offline summarizer and lead-3 on the three shared dev sets
// with the shared ROUGE tool, times summarize() per article (median, p95, p99), prints the table and
// writes it into the README. Needs ../shared (the corpora and the tool).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeReadmeSection } from '../readme-section.mjs';

const ROUGE = '../shared/tools/rouge/dist/cli.js';
const ADAPTER = '../shared/tools/rouge/adapters/lede.mjs';
const CORPORA = '../shared/corpora/summarization';
const SETS = [
  { name: 'CNN/DailyMail dev', file: 'cnndm_see2017/dev.jsonl', args: [] },
  { name: 'BBC News Summary dev', file: 'bbc_news_summary/dev.jsonl', args: [] },
  { name: 'Korean sci-news-sum-kr-50 dev', file: 'sci_news_sum_kr50/dev.jsonl', args: ['--tokenizer', 'unicode'], env: { LEDE_SUMMARY_LANG: 'ko' } },
];

if (!existsSync(ROUGE)) {
  console.error('bench:summarize: ../shared/tools/rouge not found; run from the project root with ../shared beside it');
  process.exit(2);
}
const write = !process.argv.includes('--no-readme');
const extra = process.argv.slice(2).filter((a) => a !== '--no-readme');

function rouge(set, system) {
  const args = [ROUGE, '--data', `${CORPORA}/${set.file}`, ...set.args, '--json', ...extra, ...system];
  const out = execFileSync(process.execPath, args, { env: { ...process.env, ...set.env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

// Timing over every article of every set, in this process, after a warm-up.
const { tsImport } = await import('tsx/esm/api');
const { summarize } = await tsImport('../../src/index.ts', import.meta.url);
const times = [];
for (const set of SETS) {
  const docs = readFileSync(`${CORPORA}/${set.file}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  for (const d of docs.slice(0, 20)) await summarize(d.article, { bullets: 3 });
  for (const d of docs) {
    const t = process.hrtime.bigint();
    await summarize(d.article, { bullets: 3, lang: set.env?.LEDE_SUMMARY_LANG });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);

const f = (r) => `${r.rouge1.f.toFixed(2)} / ${r.rouge2.f.toFixed(2)} / ${r.rougeLsum.f.toFixed(2)}`;
const rows = ['| set (n) | Lede R1 / R2 / RLsum | lead-3 R1 / R2 / RLsum | words per summary |', '|---|---|---|---|'];
for (const set of SETS) {
  const lede = rouge(set, ['--summarizer', ADAPTER]);
  const lead3 = rouge(set, ['--builtin', 'lead3']);
  rows.push(`| ${set.name} (${lede.n}) | ${f(lede)} | ${f(lead3)} | ${lede.avgWords.toFixed(1)} |`);
}
const table = [
  ...rows,
  '',
  `Speed of \`summarize\` over all ${times.length} articles, one process: median ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms.`,
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:summarize\` (ROUGE F1 ×100, Google rouge-score semantics with stemming; Korean with \`--tokenizer unicode\`).`,
].join('\n');
console.log(table);
if (write) writeReadmeSection('summarize', table);
