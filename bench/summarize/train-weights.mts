// Fits the linear weights of src/summarize/score-sentences.ts and writes
// src/summarize/learned-weights.ts. Reads the shared dev sets in place (nothing is copied).
//
// Label of a candidate: 1 when a greedy ROUGE oracle over the candidates picks it, else 0
// (--single: the mean of its own ROUGE-1 and ROUGE-2 F1 against the reference). Labels and features are centred per document (only the ranking within
// an article matters). Each corpus gets a total weight (CORPUS_WEIGHTS, default CNN/DM 1, BBC 0.2,
// Korean 0.2): CNN/DM alone learns pure lead bias, equal weights give up ~1 R1 on CNN/DM for BBC
// and Korean; 1/0.2/0.2 beats Lead-3 on all three on a held-out half (--half). Ridge regression.
//
// Run from the project root:
//   node --import tsx bench/summarize/train-weights.mts [--half] [--lambda 1] [--write]
// --half trains on even-numbered articles and reports on odd ones (a validation check).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCandidates } from '../../src/summarize/build-candidates.ts';
import { FEATURE_NAMES } from '../../src/summarize/learned-weights.ts';
import { featurize } from '../../src/summarize/score-sentences.ts';
import { summarizeSync } from '../../src/summarize/summarize.ts';

const args = process.argv.slice(2);
const half = args.includes('--half');
const write = args.includes('--write');
const lambda = args.includes('--lambda') ? Number(args[args.indexOf('--lambda') + 1]) : 1;
const labelMode = args.includes('--single') ? 'single' : 'oracle';
const corpusWeights = (process.env.CORPUS_WEIGHTS ?? '1,0.2,0.2').split(',').map(Number);

const rouge = await import(pathToFileURL(resolve('../shared/tools/rouge/dist/index.js')).href);
const corpora = resolve('../shared/corpora/summarization');
interface Row { article: string; summary: string }
const sets = [
  { name: 'cnndm', file: 'cnndm_see2017/dev.jsonl', tokenizer: 'rouge-score' },
  { name: 'bbc', file: 'bbc_news_summary/dev.jsonl', tokenizer: 'rouge-score' },
  { name: 'ko', file: 'sci_news_sum_kr50/dev.jsonl', tokenizer: 'unicode' },
].map((s) => {
  const rows = readFileSync(resolve(corpora, s.file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  return {
    ...s,
    train: half ? rows.filter((_, i) => i % 2 === 0) : rows,
    test: half ? rows.filter((_, i) => i % 2 === 1) : rows,
  };
});

// Greedy oracle over the candidates: add the sentence that most raises ROUGE-1 + ROUGE-2 F1 of
// the summary so far, up to three, while it helps. Picked sentences get label 1.
function oracleLabels(reference: string, texts: string[], tokenizer: string): number[] {
  const labels = texts.map(() => 0);
  const chosen: number[] = [];
  let best = 0;
  for (let round = 0; round < 3; round++) {
    let pick = -1;
    for (let k = 0; k < texts.length; k++) {
      if (labels[k]) continue;
      const pred = [...chosen, k].sort((x, y) => x - y).map((i) => texts[i]).join('\n');
      const sc = rouge.rougeScore(reference, pred, { tokenizer });
      const v = sc.rouge1.fmeasure + sc.rouge2.fmeasure;
      if (v > best) { best = v; pick = k; }
    }
    if (pick < 0) break;
    labels[pick] = 1;
    chosen.push(pick);
  }
  return labels;
}

const d = FEATURE_NAMES.length;
const xtx = Array.from({ length: d }, () => new Array<number>(d).fill(0));
const xty = new Array<number>(d).fill(0);
sets.forEach((set, si) => {
  const rowsX: number[][] = [];
  const rowsY: number[] = [];
  for (const row of set.train) {
    const doc = buildCandidates(row.article);
    if (doc.candidates.length < 2) continue;
    const feats = featurize(doc);
    const ys = labelMode === 'oracle' ? oracleLabels(row.summary, doc.candidates.map((c) => c.text), set.tokenizer)
      : doc.candidates.map((c) => {
        const sc = rouge.rougeScore(row.summary, c.text, { tokenizer: set.tokenizer });
        return (sc.rouge1.fmeasure + sc.rouge2.fmeasure) / 2;
      });
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const mx = new Array<number>(d).fill(0);
    for (const f of feats) f.forEach((v, i) => (mx[i]! += v / feats.length));
    feats.forEach((f, k) => {
      rowsX.push(f.map((v, i) => v - mx[i]!));
      rowsY.push(ys[k]! - my);
    });
  }
  const w = (corpusWeights[si] ?? 1) / rowsX.length;
  rowsX.forEach((x, k) => {
    for (let i = 0; i < d; i++) {
      xty[i]! += w * x[i]! * rowsY[k]!;
      for (let j = 0; j < d; j++) xtx[i]![j]! += w * x[i]! * x[j]!;
    }
  });
  console.error(`${set.name}: ${rowsX.length} candidates`);
});

// Ridge: (X'X + λ·scale·I) w = X'y, solved by Gaussian elimination.
const scale = xtx.reduce((s, r, i) => s + r[i]!, 0) / d;
const a = xtx.map((r, i) => [...r.map((v, j) => v + (i === j ? lambda * 1e-3 * scale : 0)), xty[i]!]);
for (let c = 0; c < d; c++) {
  let p = c;
  for (let r = c + 1; r < d; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
  [a[c], a[p]] = [a[p]!, a[c]!];
  const pv = a[c]![c]!;
  if (Math.abs(pv) < 1e-12) continue;
  for (let r = 0; r < d; r++) {
    if (r === c) continue;
    const f = a[r]![c]! / pv;
    for (let k = c; k <= d; k++) a[r]![k]! -= f * a[c]![k]!;
  }
}
const weights = a.map((r, i) => (Math.abs(r[i]!) < 1e-12 ? 0 : r[d]! / r[i]!));
// Scale so the largest weight is 1 (ranking is scale-free) and round to keep the constants short.
const top = Math.max(...weights.map(Math.abs));
const rounded = weights.map((w) => Math.round((w / top) * 1e4) / 1e4);
console.error(FEATURE_NAMES.map((n, i) => `${n}=${rounded[i]}`).join(' '));

for (const set of sets) {
  let r1 = 0, r2 = 0, rl = 0, l1 = 0, l2 = 0, ll = 0;
  for (const row of set.test) {
    const sc = rouge.rougeScore(row.summary, summarizeSync(row.article, {}, rounded).join('\n'), { tokenizer: set.tokenizer });
    const lc = rouge.rougeScore(row.summary, rouge.lead(row.article, { maxSentences: 3 }).join('\n'), { tokenizer: set.tokenizer });
    r1 += sc.rouge1.fmeasure; r2 += sc.rouge2.fmeasure; rl += sc.rougeLsum.fmeasure;
    l1 += lc.rouge1.fmeasure; l2 += lc.rouge2.fmeasure; ll += lc.rougeLsum.fmeasure;
  }
  const n = set.test.length / 100;
  const f = (x: number) => (x / n).toFixed(2);
  console.log(`${set.name}${half ? ' (held-out half)' : ''}: ours ${f(r1)}/${f(r2)}/${f(rl)}  lead-3 ${f(l1)}/${f(l2)}/${f(ll)}`);
}

if (write) {
  const out = `// Generated by bench/summarize/train-weights.mts — do not edit by hand; re-run the script.
// Linear weights over the features of score-sentences.ts \`featurize\`, in this order. Trained
// on the CNN/DM, BBC and Korean dev sets with corpus weights ${corpusWeights.join('/')} (ridge, lambda ${lambda}).

/** Names of the features, in the order of the weights. */
export const FEATURE_NAMES = [
${FEATURE_NAMES.map((n) => `  '${n}',`).join('\n')}
] as const;

/** Fitted weights, largest magnitude scaled to 1. */
export const LEARNED_WEIGHTS: readonly number[] = [${rounded.join(', ')}];
`;
  writeFileSync(resolve('src/summarize/learned-weights.ts'), out);
  console.error('wrote src/summarize/learned-weights.ts');
}
