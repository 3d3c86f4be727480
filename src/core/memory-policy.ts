// Lede's memory policy for the process it runs in. V8 lets a heap grow to several times its live
// data before a full collection; Lede's work (polling rounds, extraction of page after page)
// makes much short-lived garbage around little live data, so that growth was most of a process's
// memory: a polling round of 10,000 feeds peaked at ~380 MB RSS, ~280 MB at 30%; extracting the
// trafilatura corpus page after page at ~340 MB, ~215 MB at 30%; for no measurable loss of speed.
// The CLI (bin/lede.js) applies it first thing, and so does the library entry (index.ts) in the
// program that loads it. LEDE_HEAP_GROWING_PERCENT sets another figure; 0 leaves V8's own policy.
import { setFlagsFromString } from 'node:v8';

/** V8's heap growing factor, in percent over the live data, unless LEDE_HEAP_GROWING_PERCENT says otherwise. */
export const DEFAULT_HEAP_GROWING_PERCENT = 30;

/**
 * Applies the policy to this process (and the threads it starts after); returns an error message
 * when LEDE_HEAP_GROWING_PERCENT is not a whole number, and then changes nothing. A
 * --heap-growing-percent given to node itself wins.
 */
export function applyMemoryPolicy(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.LEDE_HEAP_GROWING_PERCENT ?? String(DEFAULT_HEAP_GROWING_PERCENT);
  if (!/^\d{1,4}$/.test(value)) return `LEDE_HEAP_GROWING_PERCENT must be a whole number of percent (0 for V8's own policy), not ${JSON.stringify(value)}`;
  if (value !== '0' && !process.execArgv.some((a) => a.includes('heap-growing-percent'))) setFlagsFromString(`--heap-growing-percent=${Number(value)}`);
  return undefined;
}
