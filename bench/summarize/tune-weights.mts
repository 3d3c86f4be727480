// Grid search over the hand-set score weights on the three shared dev sets (read in place from
// ../shared/corpora; nothing is copied). Objective: mean over sets of (RLsum - lead-3 RLsum) +
// (R1 - lead-3 R1)/2 + (R2 - lead-3 R2)/2, so no single corpus dominates.
// Run from the project root: node --import tsx bench/summarize/tune-weights.mts [limit]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizeSync } from '../../src/summarize/summarize.ts';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../../src/summarize/score-sentences.ts';

const rouge = await import(pathToFileURL(resolve('../shared/tools/rouge/dist/index.js')).href);
const corpora = resolve('../shared/corpora/summarization');
const limit = Number(process.argv[2] ?? 800);

interface Row { article: string; summary: string }
const sets = [
  { name: 'cnndm', file: 'cnndm_see2017/dev.jsonl', tokenizer: 'rouge-score', lang: undefined },
  { name: 'bbc', file: 'bbc_news_summary/dev.jsonl', tokenizer: 'rouge-score', lang: undefined },
  { name: 'ko', file: 'sci_news_sum_kr50/dev.jsonl', tokenizer: 'unicode', lang: 'ko' },
].map((s) => ({
  ...s,
  rows: readFileSync(resolve(corpora, s.file), 'utf8').trim().split('\n').slice(0, limit).map((l) => JSON.parse(l) as Row),
}));

function evalSet(set: (typeof sets)[number], fn: (t: string) => string[]): { r1: number; r2: number; rl: number } {
  let r1 = 0, r2 = 0, rl = 0;
  for (const row of set.rows) {
    const sc = rouge.rougeScore(row.summary, fn(row.article).join('\n'), { tokenizer: set.tokenizer });
    r1 += sc.rouge1.fmeasure; r2 += sc.rouge2.fmeasure; rl += sc.rougeLsum.fmeasure;
  }
  const n = set.rows.length;
  return { r1: (100 * r1) / n, r2: (100 * r2) / n, rl: (100 * rl) / n };
}

const lead = sets.map((s) => evalSet(s, (t) => rouge.lead(t, { maxSentences: 3 })));
function objective(w: ScoreWeights): { obj: number; per: string } {
  let obj = 0;
  const per: string[] = [];
  sets.forEach((s, k) => {
    const r = evalSet(s, (t) => summarizeSync(t, { lang: s.lang }, w));
    const l = lead[k]!;
    obj += (r.rl - l.rl + (r.r1 - l.r1) / 2 + (r.r2 - l.r2) / 2) / sets.length;
    per.push(`${s.name} ${r.r1.toFixed(2)}/${r.r2.toFixed(2)}/${r.rl.toFixed(2)}`);
  });
  return { obj, per: per.join('  ') };
}

const grid: Partial<ScoreWeights>[] = JSON.parse(process.env.GRID ?? '[{}]');
for (const g of grid) {
  const w = { ...DEFAULT_WEIGHTS, ...g };
  const { obj, per } = objective(w);
  console.log(obj.toFixed(3), JSON.stringify(g), per);
}
