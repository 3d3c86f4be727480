#!/usr/bin/env node
// Entry point for the `lede` command: runs the TypeScript sources through tsx so that a fresh
// clone works after `npm install` with no build step.
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Memory: V8 lets a heap grow to several times its live data before a full collection. A
// polling round makes much short-lived garbage around little live data, so that growth was
// most of the process's memory (10,000 feeds: peak RSS ~380 MB, ~280 MB at 30%, for ~5% more
// CPU). Set before anything is allocated; the threads the process starts inherit it.
// LEDE_HEAP_GROWING_PERCENT sets another figure; 0 leaves V8's own policy.
const growing = process.env.LEDE_HEAP_GROWING_PERCENT ?? '30';
if (!/^\d{1,4}$/.test(growing)) {
  console.error(`lede: LEDE_HEAP_GROWING_PERCENT must be a whole number of percent (0 for V8's own policy), not ${JSON.stringify(growing)}`);
  process.exit(2);
}
if (growing !== '0' && !process.execArgv.some((a) => a.includes('heap-growing-percent'))) setFlagsFromString(`--heap-growing-percent=${growing}`);

// The project's tsconfig (JSX through hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');
