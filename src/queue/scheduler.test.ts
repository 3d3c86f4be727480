// The scheduler on a real SQLite file: two schedulers (two connections, as two processes) never
// poll one source twice; rounds are bounded; `all` takes every source once; Retry-After is kept.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { silentLogger } from '../core/log.ts';
import type { Source } from '../core/records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { startScheduler } from './scheduler.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lede-scheduler-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openPair(name: string, sources: number): Promise<[Store, Store, string[]]> {
  const file = join(tmp, `${name}.sqlite`);
  const a = openSqliteStore(file);
  await a.migrate();
  const b = openSqliteStore(file);
  const ids: string[] = [];
  for (let i = 0; i < sources; i++) ids.push((await a.addSource({ name: `S${i}`, feedUrl: `https://h${i % 5}.example/${name}/${i}.xml` })).id);
  return [a, b, ids];
}

describe('startScheduler', () => {
  it('should never let two schedulers on one database poll the same source', async () => {
    const [a, b, ids] = await openPair('pair', 60);
    const polls: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const refresh = (store: Store) => async (s: Source) => {
      polls.push(s.id);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await sleep(2 + Math.random() * 8);
      inFlight--;
      const now = new Date();
      await store.recordSourceCheck(s.id, { checkedAt: now.toISOString(), nextCheckAt: new Date(now.getTime() + 3_600_000).toISOString(), error: null });
    };
    const one = startScheduler({ store: a, refresh: refresh(a), log: silentLogger, autoStart: false, concurrency: 8, batchSize: 5 });
    const two = startScheduler({ store: b, refresh: refresh(b), log: silentLogger, autoStart: false, concurrency: 8, batchSize: 5 });
    const [n1, n2] = await Promise.all([one.runOnce(), two.runOnce()]);
    assert.equal(n1 + n2, 60);
    assert.deepEqual([...polls].sort(), [...ids].sort(), 'each source once');
    assert.ok(n1 > 0 && n2 > 0, `both took part (${n1}, ${n2})`);
    assert.ok(maxInFlight <= 16);
    const leased = await a.claimSources({ now: new Date().toISOString(), limit: 100, leaseUntil: new Date(Date.now() + 60_000).toISOString(), all: true });
    assert.equal(leased.length, 60, 'every lease ended');
    await a.releaseSources(leased.map((s) => s.id));
    assert.equal(await one.runOnce(), 0, 'nothing due any more');
    await Promise.all([one.stop(), two.stop()]);
    await a.close();
    await b.close();
  });

  it('should take every source once with `all`, except those within a Retry-After, and survive a crashing refresh', async () => {
    const [store, other, ids] = await openPair('all', 10);
    await other.close();
    const now = new Date();
    const later = new Date(now.getTime() + 3_600_000).toISOString();
    for (const id of ids) await store.recordSourceCheck(id, { checkedAt: now.toISOString(), nextCheckAt: later, error: null });
    await store.recordSourceCheck(ids[0]!, { checkedAt: now.toISOString(), nextCheckAt: later, error: 'fetch: 429', retryAfterUntil: later });
    const polled: string[] = [];
    const scheduler = startScheduler({
      store,
      log: silentLogger,
      autoStart: false,
      concurrency: 3,
      refresh: async (s) => {
        polled.push(s.id);
        if (s.id === ids[1]) throw new Error('poll: bug');
        // A source that comes due again at once is still taken only once in this round.
        await store.recordSourceCheck(s.id, { checkedAt: new Date().toISOString(), nextCheckAt: new Date().toISOString(), error: null });
      },
    });
    assert.equal(await scheduler.runOnce(), 0, 'none due');
    assert.equal(await scheduler.runOnce({ all: true }), 9);
    assert.deepEqual([...polled].sort(), ids.slice(1).sort());
    await scheduler.stop();
    await store.close();
  });

  it('should give back the sources it claimed but did not start when stopped', async () => {
    const [store, other, ids] = await openPair('stop', 6);
    await other.close();
    let release: () => void = () => undefined;
    const polled: string[] = [];
    const scheduler = startScheduler({
      store,
      log: silentLogger,
      autoStart: false,
      concurrency: 1,
      batchSize: 6,
      refresh: async (s) => {
        polled.push(s.id);
        await new Promise<void>((r) => (release = r));
        await store.recordSourceCheck(s.id, { checkedAt: new Date().toISOString(), nextCheckAt: new Date(Date.now() + 3_600_000).toISOString(), error: null });
      },
    });
    const round = scheduler.runOnce({ all: true });
    while (polled.length === 0) await sleep(5);
    const stopping = scheduler.stop();
    release();
    await Promise.all([round, stopping]);
    assert.equal(polled.length, 1);
    const free = await store.claimSources({ now: new Date().toISOString(), limit: 100, leaseUntil: new Date(Date.now() + 60_000).toISOString() });
    assert.deepEqual(free.map((s) => s.id).sort(), ids.filter((id) => id !== polled[0]).sort());
    await store.close();
  });

  it('should keep every host going, whatever order the store hands sources out in', async () => {
    const file = join(tmp, 'hosts.sqlite');
    const store = openSqliteStore(file);
    await store.migrate();
    // 30 sources of one big host fall due first; two small hosts' sources come last in the claim order.
    const hostOfId = new Map<string, string>();
    const add = async (host: string, n: number, dueMinutesAgo: number) => {
      for (let i = 0; i < n; i++) {
        const { id } = await store.addSource({ name: `${host}-${i}`, feedUrl: `https://${host}/feed/${i}.xml` });
        hostOfId.set(id, host);
        const at = new Date(Date.now() - dueMinutesAgo * 60_000 + i * 1000).toISOString();
        await store.recordSourceCheck(id, { checkedAt: at, nextCheckAt: at, error: null });
      }
    };
    await add('big.example', 30, 120);
    await add('small-a.example', 2, 60);
    await add('Small-B.example', 2, 60);
    const starts: string[] = [];
    const running = new Map<string, number>();
    let maxPerHost = 0;
    const scheduler = startScheduler({
      store,
      log: silentLogger,
      autoStart: false,
      concurrency: 4,
      perHost: 2,
      batchSize: 10,
      refresh: async (s) => {
        const host = hostOfId.get(s.id)!;
        starts.push(host);
        running.set(host, (running.get(host) ?? 0) + 1);
        maxPerHost = Math.max(maxPerHost, running.get(host)!);
        await sleep(3);
        running.set(host, running.get(host)! - 1);
        await store.recordSourceCheck(s.id, { checkedAt: new Date().toISOString(), nextCheckAt: new Date(Date.now() + 3_600_000).toISOString(), error: null });
      },
    });
    assert.equal(await scheduler.runOnce(), 34);
    assert.equal(maxPerHost, 2, 'at most perHost of one host in progress');
    const lastSmall = Math.max(...['small-a.example', 'Small-B.example'].map((h) => starts.lastIndexOf(h)));
    assert.ok(lastSmall < 8, `the small hosts started alongside the big one, not after it (last at ${lastSmall}: ${starts.join(' ')})`);
    await scheduler.stop();
    await store.close();
  });
});
