// Rouge-harness adapter for src/summarize alone (the shared adapter loads src/index.ts, which
// needs every stage to exist). Run from the project root:
//   node ../shared/tools/rouge/dist/cli.js --data D.jsonl --summarizer bench/summarize/adapter.mjs
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = process.env.LEDE_ROOT || process.cwd();
const require = createRequire(join(root, 'package.json'));
// require.resolve picks tsx's CommonJS entry, which cannot be import()ed; use its ESM twin.
const api = require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
const { tsImport } = await import(pathToFileURL(api).href);
const mod = await tsImport(pathToFileURL(join(root, 'src', 'summarize', 'summarize.ts')).href, import.meta.url);

export async function summarize(text, { maxSentences = 3 } = {}) {
  const lang = process.env.LEDE_SUMMARY_LANG || undefined;
  return mod.summarize(text, { bullets: maxSentences, lang });
}
