// Fits the sentence scorer of src/summarize/sentence-model.ts — a logistic regression plus a few
// small boosted trees — and writes src/summarize/learned-model.ts. Reads the shared dev sets in
// place (nothing is copied; only the fitted numbers are written).
//
// Label of a candidate: 1 when a greedy ROUGE oracle over the candidates (R1 + R2 F1, up to three
// sentences) picks it, else 0. Each corpus gets a total weight (CORPUS_WEIGHTS, default CNN/DM 1,
// BBC 0.1, Korean 0.1) spread evenly over its articles, so no outlet's lead bias dominates.
// Stage 1: L2-regularised logistic regression (Newton). Stage 2: gradient-boosted depth-limited
// regression trees on the logistic loss, starting from the stage-1 margin (histogram splits).
//
// Run from the project root:
//   node --import tsx bench/summarize/train-model.mts            # 2-fold held-out check (even/odd)
//   node --import tsx bench/summarize/train-model.mts --write    # fit on all dev data and write
// Options: --trees 100 --depth 3 --rate 0.1 --l2 1 --drop name,name (ablation: never use those features)
// Oracle labels are cached in $TMPDIR/lede-summarize-oracle (they cost a minute to compute).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCandidates, type DocumentCandidates } from '../../src/summarize/build-candidates.ts';
import { selectBullets } from '../../src/summarize/select-bullets.ts';
import { FEATURE_NAMES, featurize } from '../../src/summarize/sentence-features.ts';
import { scoreFeatures, type SentenceModel } from '../../src/summarize/sentence-model.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);
const write = args.includes('--write');
const nTrees = opt('--trees', 100);
const depth = opt('--depth', 3);
const rate = opt('--rate', 0.1);
const l2 = opt('--l2', 1);
const minLeaf = opt('--min-leaf', 20);
const drop = new Set(args.includes('--drop') ? args[args.indexOf('--drop') + 1]!.split(',') : []);
const corpusWeights = (process.env.CORPUS_WEIGHTS ?? '1,0.1,0.1').split(',').map(Number);
const d = FEATURE_NAMES.length;
const usable = FEATURE_NAMES.map((n) => !drop.has(n));

const rouge = await import(pathToFileURL(resolve('../shared/tools/rouge/dist/index.js')).href);
const corpora = resolve('../shared/corpora/summarization');
interface Row { article: string; summary: string }
interface Doc { set: number; i: number; row: Row; cands: DocumentCandidates; x: number[][]; y: number[] }

const cacheDir = join(tmpdir(), 'lede-summarize-oracle');
mkdirSync(cacheDir, { recursive: true });

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
      const pred = [...chosen, k].sort((a, b) => a - b).map((i) => texts[i]).join('\n');
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

const sets = [
  { name: 'cnndm', file: 'cnndm_see2017/dev.jsonl', tokenizer: 'rouge-score' },
  { name: 'bbc', file: 'bbc_news_summary/dev.jsonl', tokenizer: 'rouge-score' },
  { name: 'ko', file: 'sci_news_sum_kr50/dev.jsonl', tokenizer: 'unicode' },
];
const docs: Doc[] = [];
sets.forEach((s, si) => {
  const rows = readFileSync(resolve(corpora, s.file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  const cacheFile = join(cacheDir, `${s.name}.json`);
  const cache: Record<string, number[]> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  let fresh = 0;
  rows.forEach((row, i) => {
    const cands = buildCandidates(row.article);
    const texts = cands.candidates.map((c) => c.text);
    const key = createHash('sha1').update(row.summary).update('\u0000').update(texts.join('\u0001')).digest('hex');
    let y = cache[key];
    if (!y) { y = oracleLabels(row.summary, texts, s.tokenizer); cache[key] = y; fresh++; }
    const x = featurize(cands).map((f) => f.map((v, j) => (usable[j] ? v : 0)));
    docs.push({ set: si, i, row, cands, x, y });
  });
  if (fresh > 0) writeFileSync(cacheFile, JSON.stringify(cache));
  console.error(`${s.name}: ${rows.length} articles (${fresh} new oracle labels)`);
});

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pv = m[c]![c]!;
    if (Math.abs(pv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pv;
      if (f !== 0) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((r, i) => (Math.abs(r[i]!) < 1e-12 ? 0 : r[n]! / r[i]!));
}

interface Train { x: number[][]; y: number[]; w: number[] }
function trainingRows(train: Doc[]): Train {
  const perSet = sets.map((_, si) => train.filter((doc) => doc.set === si && doc.x.length >= 2).length);
  const out: Train = { x: [], y: [], w: [] };
  for (const doc of train) {
    if (doc.x.length < 2) continue;
    const w = (corpusWeights[doc.set] ?? 1) / perSet[doc.set]! / doc.x.length;
    doc.x.forEach((f, k) => { out.x.push(f); out.y.push(doc.y[k]!); out.w.push(w * doc.x.length); });
  }
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// Stage 1: logistic regression by Newton's method on standardised features.
function fitLogistic(t: Train): number[] {
  const sw = t.w.reduce((a, b) => a + b, 0);
  const mu = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  t.x.forEach((f, r) => f.forEach((v, j) => (mu[j]! += (t.w[r]! * v) / sw)));
  t.x.forEach((f, r) => f.forEach((v, j) => (sd[j]! += (t.w[r]! * (v - mu[j]!) ** 2) / sw)));
  const s = sd.map((v, j) => (j === 0 || v < 1e-12 ? 1 : Math.sqrt(v)));
  const m = mu.map((v, j) => (j === 0 || sd[j]! < 1e-12 ? 0 : v));
  const z = t.x.map((f) => f.map((v, j) => (j === 0 ? 1 : (v - m[j]!) / s[j]!)));
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < 12; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    z.forEach((f, r) => {
      const p = sigmoid(f.reduce((a, v, j) => a + v * beta[j]!, 0));
      const wr = t.w[r]! / sw;
      const gr = wr * (p - t.y[r]!);
      const hr = wr * Math.max(p * (1 - p), 1e-6);
      for (let i = 0; i < d; i++) {
        if (f[i] === 0) continue;
        g[i]! += gr * f[i]!;
        for (let j = 0; j < d; j++) h[i]![j]! += hr * f[i]! * f[j]!;
      }
    });
    for (let i = 1; i < d; i++) { g[i]! += (l2 * 1e-3) * beta[i]!; h[i]![i]! += l2 * 1e-3; }
    for (let i = 0; i < d; i++) if (h[i]![i] === 0) h[i]![i] = 1;
    const step = solve(h, g);
    beta = beta.map((b, i) => b - step[i]!);
  }
  // Back to raw feature values: b0 - Σ b_j m_j / s_j, b_j / s_j.
  const raw = beta.map((b, j) => (j === 0 ? b : b / s[j]!));
  raw[0] = beta[0]! - beta.reduce((a, b, j) => (j === 0 ? a : a + (b * m[j]!) / s[j]!), 0);
  return raw;
}

// Stage 2: boosted regression trees on the logistic loss (second-order, histogram splits).
function fitTrees(t: Train, linear: number[]): number[][] {
  const nRows = t.x.length;
  const nBins = 32;
  const thresholds: number[][] = [];
  const bins: Uint8Array[] = [];
  for (let j = 0; j < d; j++) {
    const vals = t.x.map((f) => f[j]!).sort((a, b) => a - b);
    const cuts: number[] = [];
    if (usable[j] && j > 0) {
      for (let b = 1; b < nBins; b++) {
        const v = vals[Math.floor((b * nRows) / nBins)]!;
        if (v < vals[nRows - 1]! && (cuts.length === 0 || v > cuts[cuts.length - 1]!)) cuts.push(v);
      }
    }
    thresholds.push(cuts);
    const bj = new Uint8Array(nRows);
    t.x.forEach((f, r) => { let b = 0; while (b < cuts.length && f[j]! > cuts[b]!) b++; bj[r] = b; });
    bins.push(bj);
  }
  const sw = t.w.reduce((a, b) => a + b, 0);
  const w = t.w.map((v) => v / sw * nRows);
  const margin = t.x.map((f) => f.reduce((a, v, j) => a + v * linear[j]!, 0));
  const trees: number[][] = [];
  const lambda = 1;
  for (let it = 0; it < nTrees; it++) {
    const g = new Float64Array(nRows);
    const h = new Float64Array(nRows);
    for (let r = 0; r < nRows; r++) {
      const p = sigmoid(margin[r]!);
      g[r] = w[r]! * (p - t.y[r]!);
      h[r] = w[r]! * Math.max(p * (1 - p), 1e-6);
    }
    const nodes: number[][] = [];
    const grow = (rows: number[], level: number): number => {
      const id = nodes.length;
      nodes.push([]);
      let G = 0, H = 0;
      for (const r of rows) { G += g[r]!; H += h[r]!; }
      let best = { gain: 1e-9, j: -1, b: -1 };
      if (level < depth && rows.length >= 2 * minLeaf) {
        for (let j = 1; j < d; j++) {
          const cuts = thresholds[j]!;
          if (cuts.length === 0) continue;
          const gb = new Float64Array(cuts.length + 1);
          const hb = new Float64Array(cuts.length + 1);
          const cb = new Uint32Array(cuts.length + 1);
          const bj = bins[j]!;
          for (const r of rows) { gb[bj[r]!] += g[r]!; hb[bj[r]!] += h[r]!; cb[bj[r]!]++; }
          let gl = 0, hl = 0, cl = 0;
          for (let b = 0; b < cuts.length; b++) {
            gl += gb[b]!; hl += hb[b]!; cl += cb[b]!;
            if (cl < minLeaf || rows.length - cl < minLeaf) continue;
            const gr = G - gl, hr = H - hl;
            const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (G * G) / (H + lambda);
            if (gain > best.gain) best = { gain, j, b };
          }
        }
      }
      if (best.j < 0) {
        nodes[id] = [-1, Math.round((-rate * G) / (H + lambda) * 1e4) / 1e4, 0, 0];
        return id;
      }
      const bj = bins[best.j]!;
      const left = rows.filter((r) => bj[r]! <= best.b);
      const right = rows.filter((r) => bj[r]! > best.b);
      const l = grow(left, level + 1);
      const rr = grow(right, level + 1);
      nodes[id] = [best.j, thresholds[best.j]![best.b]!, l, rr];
      return id;
    };
    grow(Array.from({ length: nRows }, (_, r) => r), 0);
    const flat = nodes.flat();
    trees.push(flat);
    const model: SentenceModel = { featureNames: FEATURE_NAMES, linear: linear.map(() => 0), trees: [flat] };
    for (let r = 0; r < nRows; r++) margin[r]! += scoreFeatures(t.x[r]!, model);
  }
  return trees;
}

function fit(train: Doc[]): SentenceModel {
  const t = trainingRows(train);
  const linear = fitLogistic(t).map((v) => Math.round(v * 1e4) / 1e4);
  const trees = nTrees > 0 ? fitTrees(t, linear) : [];
  return { featureNames: FEATURE_NAMES, linear, trees };
}

interface Score { r1: number; r2: number; rl: number }
function evaluate(doc: Doc, model: SentenceModel): Score {
  const scores = doc.x.map((f) => scoreFeatures(f, model));
  const pred = selectBullets(doc.cands.candidates, scores, 3, !args.includes('--no-antecedent')).map((c) => c.text).join('\n');
  const sc = rouge.rougeScore(doc.row.summary, pred, { tokenizer: sets[doc.set]!.tokenizer });
  return { r1: sc.rouge1.fmeasure, r2: sc.rouge2.fmeasure, rl: sc.rougeLsum.fmeasure };
}

function report(label: string, results: Map<Doc, Score>): void {
  const parts = sets.map((s, si) => {
    const rs = [...results].filter(([doc]) => doc.set === si).map(([, r]) => r);
    const f = (k: keyof Score) => ((100 * rs.reduce((a, r) => a + r[k], 0)) / rs.length).toFixed(2);
    return `${s.name} ${f('r1')}/${f('r2')}/${f('rl')}`;
  });
  console.log(`${label}: ${parts.join('   ')}`);
}

if (!write) {
  const heldOut = new Map<Doc, Score>();
  for (const fold of [0, 1]) {
    const model = fit(docs.filter((doc) => doc.i % 2 === fold));
    for (const doc of docs) if (doc.i % 2 !== fold) heldOut.set(doc, evaluate(doc, model));
  }
  report(`held-out (2-fold, trees ${nTrees}, depth ${depth}, drop ${[...drop].join(',') || '-'}${args.includes('--no-antecedent') ? ', no antecedent rule' : ''})`, heldOut);
} else {
  const model = fit(docs);
  report('full dev (trained on it)', new Map(docs.map((doc) => [doc, evaluate(doc, model)])));
  const out = `// Generated by bench/summarize/train-model.mts — do not edit by hand; re-run the script.
// Scorer over the features of sentence-features.ts: logistic regression (${FEATURE_NAMES.length} weights) plus
// ${model.trees.length} boosted trees of depth <= ${depth}. Trained on greedy-oracle labels of the CNN/DM, BBC and
// Korean dev sets (../shared/corpora/summarization) with corpus weights ${corpusWeights.join('/')}.
import type { SentenceModel } from './sentence-model.ts';

/** The fitted sentence scorer. */
export const LEARNED_MODEL: SentenceModel = {
  featureNames: [${FEATURE_NAMES.map((n) => `'${n}'`).join(', ')}],
  linear: [${model.linear.join(', ')}],
  trees: [
${model.trees.map((t) => `    [${t.map((v) => Math.round(v * 1e5) / 1e5).join(', ')}],`).join('\n')}
  ],
};
`;
  writeFileSync(resolve('src/summarize/learned-model.ts'), out);
  console.error('wrote src/summarize/learned-model.ts');
}
