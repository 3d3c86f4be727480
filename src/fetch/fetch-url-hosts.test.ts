// fetchUrl under the per-host limits: every redirect hop waits for a slot of its own host, and
// hosts redirecting to each other never deadlock.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl, fetchUrlThen, type FetchOptions } from './fetch-url.ts';
import { createHostLimiter } from './host-limiter.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loopback host that counts its requests in flight; /go/<url> redirects, anything else answers after 30 ms. */
function host(address: string) {
  const stats = { inFlight: 0, max: 0, served: 0 };
  const server = createServer((req, res) => {
    stats.inFlight++;
    stats.max = Math.max(stats.max, stats.inFlight);
    const done = () => {
      stats.inFlight--;
      stats.served++;
    };
    const path = req.url ?? '/';
    if (path.startsWith('/go/')) {
      res.writeHead(302, { location: decodeURIComponent(path.slice(4)) }).end();
      done();
      return;
    }
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
      done();
    }, 30);
  });
  return { server, stats, address, base: '' };
}

const a = host('127.0.0.2');
const b = host('127.0.0.3');
const opts: FetchOptions = { allowPrivateNetworks: true, userAgent: 'LedeTest/1', accept: 'html', timeoutMs: 5000 };

before(async () => {
  for (const h of [a, b]) {
    await new Promise<void>((r) => h.server.listen(0, h.address, r));
    h.base = `http://${h.address}:${(h.server.address() as AddressInfo).port}`;
  }
});
after(() => {
  for (const h of [a, b]) h.server.close();
});

describe('fetchUrl with per-host limits', () => {
  it('should time the request on the wire, apart from the wait for a slot', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 0, maxTotal: 50 });
    const observed: number[] = [];
    const timings = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        fetchUrlThen(`${a.base}/timed?${i}`, { ...opts, hosts: gate, observe: (_accept, _outcome, seconds) => observed.push(seconds) }, async (outcome, timing) => {
          assert.equal(outcome.kind, 'fetched');
          return timing;
        }),
      ),
    );
    // Each answer takes 30 ms; with one slot, the last one waited for the three before it.
    for (const t of timings) assert.ok(t.requestMs >= 25 && t.requestMs < 1000, `request ${t.requestMs} ms`);
    const waits = timings.map((t) => t.waitMs).sort((x, y) => x - y);
    assert.ok(waits[0]! < 20 && waits[3]! >= 75, `waits ${waits.join(', ')}`);
    assert.deepEqual([...observed].sort(), timings.map((t) => t.requestMs / 1000).sort(), 'metrics see the request, not the wait');
  });

  it('should hold the redirect target to its own host limit', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 0, maxTotal: 50 });
    b.stats.max = 0;
    const target = encodeURIComponent(`${b.base}/page`);
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => fetchUrl(`${a.base}/go/${target}?${i}`, { ...opts, hosts: gate })));
    assert.deepEqual(outcomes.map((o) => o.kind), Array(6).fill('fetched'));
    assert.ok(outcomes[0]!.url.startsWith(`${b.base}/page`), outcomes[0]!.url);
    assert.equal(b.stats.max, 1, 'the target host never had two requests at once');
  });

  it('should finish when two hosts redirect to each other with every slot taken', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 0, maxTotal: 2 });
    const toB = encodeURIComponent(`${b.base}/page`);
    const toA = encodeURIComponent(`${a.base}/page`);
    const all = Promise.all(
      Array.from({ length: 8 }, (_, i) => fetchUrl(i % 2 ? `${a.base}/go/${toB}` : `${b.base}/go/${toA}`, { ...opts, hosts: gate })),
    );
    const outcome = await Promise.race([all.then((o) => o.map((x) => x.kind)), sleep(4000).then(() => 'stuck')]);
    assert.deepEqual(outcome, Array(8).fill('fetched'));
  });

  it('should keep the answering host slot until the caller is done with the body', async () => {
    const gate = createHostLimiter({ perHost: 1, delayMs: 0, maxTotal: 50 });
    let using = 0;
    let maxUsing = 0;
    await Promise.all(
      Array.from({ length: 4 }, () =>
        fetchUrlThen(`${b.base}/page`, { ...opts, hosts: gate }, async (o) => {
          maxUsing = Math.max(maxUsing, ++using);
          await sleep(20);
          using--;
          return o.kind;
        }),
      ),
    );
    assert.equal(maxUsing, 1);
  });

  it('should space requests to the first host only by spacingMs', async () => {
    const gate = createHostLimiter({ perHost: 2, delayMs: 0, maxTotal: 50 });
    const t0 = Date.now();
    await Promise.all([0, 1, 2].map(() => fetchUrl(`${a.base}/page`, { ...opts, hosts: gate, spacingMs: 100 })));
    assert.ok(Date.now() - t0 >= 200, `three starts 100 ms apart took ${Date.now() - t0} ms`);
  });
});
