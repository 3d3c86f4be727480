// Load generation for `npm run bench:serve`: one autocannon run after a warm-up, summarised as
// requests per second and latency percentiles. Latencies are kept per response in milliseconds
// (autocannon's own histogram rounds them down to whole milliseconds).
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const TICK_MS = 10; // Linux USER_HZ is 100

/** CPU time (user + system, ms) of the processes `pids` and their direct children; undefined off Linux. */
export function cpuMs(pids) {
  try {
    // Fields after "pid (comm) ": state, ppid, … utime (index 11), stime (12).
    const stat = (pid) => {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    };
    const all = new Set(pids);
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (pids.includes(Number(stat(d)[1]))) all.add(Number(d));
      } catch {
        // the process ended meanwhile
      }
    }
    let ticks = 0;
    for (const pid of all) {
      const f = stat(pid);
      ticks += Number(f[11]) + Number(f[12]);
    }
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}

function runOnce(opts, samples) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    if (samples) instance.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Measures `opts` (autocannon options: url, connections, requests, overallRate…) for `duration`
 * seconds after a `warmup`-second run whose results are dropped. `serverPids`: the server's
 * processes, whose CPU time per response is reported.
 */
export async function measure(opts, { duration, warmup, serverPids = [] }) {
  if (warmup > 0) await runOnce({ ...opts, duration: warmup });
  const samples = [];
  const cpu0 = serverPids.length ? cpuMs(serverPids) : undefined;
  const r = await runOnce({ ...opts, duration }, samples);
  const cpu1 = serverPids.length ? cpuMs(serverPids) : undefined;
  const sorted = Float64Array.from(samples).sort();
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, v]) => [code, v.count]));
  return {
    rps: r.requests.average,
    total: r.requests.total,
    seconds: r.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    // autocannon's histogram, corrected for coordinated omission when a rate is set (whole ms)
    acP50: r.latency.p50,
    acP99: r.latency.p99,
    statuses,
    bad: r['1xx'] + r['4xx'] + r['5xx'] + r.errors + r.timeouts,
    errors: r.errors,
    timeouts: r.timeouts,
    cpuMsPerRequest: cpu0 !== undefined && cpu1 !== undefined && r.requests.total ? (cpu1 - cpu0) / r.requests.total : undefined,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
  };
}
