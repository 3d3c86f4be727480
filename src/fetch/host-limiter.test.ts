// The per-host limiter with real timers: concurrency per host and overall, rests, spacing, pauses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { hostKey } from '../core/http-url.ts';
import { createHostLimiter, type GateOptions, type HostGate } from './host-limiter.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` within a slot of the host of `url`, as fetchUrl does: acquire, then release however `fn` ends. */
async function within<T>(gate: HostGate, url: string, fn: () => Promise<T>, opts: GateOptions = {}): Promise<T> {
  const release = await gate.acquire(url, opts);
  try {
    return await fn();
  } finally {
    release();
  }
}

/** Runs `n` requests to each URL and records per-host concurrency and start/end times. */
async function drive(gate: ReturnType<typeof createHostLimiter>, urls: string[], n: number, workMs: number, spacingMs?: number) {
  const inFlight = new Map<string, number>();
  const max = new Map<string, number>();
  const spans: { host: string; start: number; end: number }[] = [];
  let total = 0;
  let maxTotal = 0;
  await Promise.all(
    urls.flatMap((url) =>
      Array.from({ length: n }, () =>
        within(gate, url, async () => {
          const host = hostKey(url);
          const start = Date.now();
          inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
          max.set(host, Math.max(max.get(host) ?? 0, inFlight.get(host)!));
          maxTotal = Math.max(maxTotal, ++total);
          await sleep(workMs);
          inFlight.set(host, inFlight.get(host)! - 1);
          total--;
          spans.push({ host, start, end: Date.now() });
        }, spacingMs ? { spacingMs } : {}),
      ),
    ),
  );
  return { max, spans, maxTotal };
}

describe('createHostLimiter', () => {
  it('should never run more than the limit per host, and rest each slot between requests', async () => {
    const gate = createHostLimiter({ perHost: 2, delayMs: 40, maxTotal: 100 });
    const { max, spans } = await drive(gate, ['http://a.example/1', 'http://A.example:8080/2', 'http://b.example/x'], 4, 10);
    assert.deepEqual([max.get('a.example'), max.get('b.example')], [2, 2]);
    // Two slots, eight requests of ~10 ms to a.example: four rounds with three rests of 40 ms.
    const a = spans.filter((s) => s.host === 'a.example').sort((x, y) => x.start - y.start);
    assert.ok(a.at(-1)!.start - a[0]!.start >= 3 * 40 + 3 * 10 - 5, `spread ${a.at(-1)!.start - a[0]!.start} ms`);
  });

  it('should wait the rest after a request ends before the next one on a single slot', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 60 });
    const { spans } = await drive(gate, ['http://one.example/'], 3, 5);
    const sorted = spans.sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]!.start - sorted[i - 1]!.end >= 58, `gap ${sorted[i]!.start - sorted[i - 1]!.end}`);
  });

  it('should cap requests overall without letting a busy host hold up the others', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 200, maxTotal: 3 });
    const urls = Array.from({ length: 6 }, (_, i) => `http://h${i}.example/`);
    const t0 = Date.now();
    const { maxTotal } = await drive(gate, urls, 1, 30);
    assert.equal(maxTotal, 3);
    // Six hosts, three at a time: two waves of ~30 ms, no host rest in the way.
    assert.ok(Date.now() - t0 < 150, `took ${Date.now() - t0} ms`);
  });

  it('should space request starts by Crawl-delay and hold a paused host', async () => {
    const gate = createHostLimiter({ perHost: 2, delayMs: 0 });
    const { spans } = await drive(gate, ['http://slow.example/'], 3, 1, 50);
    const starts = spans.map((s) => s.start).sort((x, y) => x - y);
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 1]! >= 48);
    const until = Date.now() + 80;
    gate.pause('http://slow.example/other', until);
    let started = 0;
    await within(gate, 'http://slow.example/', async () => void (started = Date.now()));
    assert.ok(started >= until - 2);
  });

  it('should pass errors through and free the slot', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 0 });
    await assert.rejects(within(gate, 'http://e.example/', async () => Promise.reject(new Error('fetch: boom'))), /boom/);
    await assert.rejects(within(gate, 'http://e.example/', () => { throw new Error('fetch: sync'); }), /sync/);
    assert.equal(await within(gate, 'http://e.example/', async () => 7), 7);
  });

  it('should not keep a process alive for a rest nobody waits on, yet keep it for one somebody does', () => {
    // A minute's rest: a timer holding the process would hold it that long (the test would time out).
    const script = (second: boolean) => `
      import { createHostLimiter } from ${JSON.stringify(new URL('./host-limiter.ts', import.meta.url).href)};
      const gate = createHostLimiter({ perHost: 1, delayMs: ${second ? 300 : 60_000} });
      const release = await gate.acquire('https://a.example/1');
      release();
      ${second ? "gate.acquire('https://a.example/2').then((r) => { r(); console.log('second ran'); });" : "console.log('released');"}
    `;
    for (const second of [false, true]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(second)], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(run.error, undefined, `the process ended (${run.error?.message})`);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), second ? 'second ran' : 'released');
    }
  });
});
