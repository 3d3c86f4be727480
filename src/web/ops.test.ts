// /health, /ready and /metrics: what load balancers and Prometheus read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_REACTIONS } from '../core/config.ts';
import { silentLogger } from '../core/log.ts';
import { createMetrics } from '../core/metrics.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { createWebApp } from './app.tsx';

describe('operations endpoints', () => {
  it('should report health, readiness and Prometheus metrics with route labels', async () => {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    const metrics = createMetrics();
    metrics.setQueueDepthSource(async () => ({ 'fetch-article': { queued: 7, active: 1 } }));
    metrics.observeJob('fetch-article', 'completed', 0.2);
    metrics.observeJob('fetch-article', 'failed', 0.1);
    let queueUp = true;
    const app = createWebApp({
      store, reactions: DEFAULT_REACTIONS, secret: 'ops-secret-0123456789', log: silentLogger, metrics,
      ready: async () => {
        if (!queueUp) throw new Error('queue down');
      },
    });
    assert.deepEqual(await (await app.request('/health')).json(), { ok: true });
    assert.equal((await app.request('/ready')).status, 200);
    await app.request('/articles/abc');
    await app.request('/articles/def');
    const text = await (await app.request('/metrics')).text();
    assert.match(text, /lede_http_request_duration_seconds_count\{method="GET",route="\/articles\/:id",status="404"\} 2/);
    assert.match(text, /lede_jobs_total\{queue="fetch-article",outcome="completed"\} 1/);
    assert.match(text, /lede_jobs_total\{queue="fetch-article",outcome="failed"\} 1/);
    assert.match(text, /lede_queue_depth\{queue="fetch-article",state="queued"\} 7/);
    assert.match(text, /lede_process_resident_memory_bytes/);
    queueUp = false;
    assert.equal((await app.request('/ready')).status, 503);
    await store.close();
    assert.equal((await app.request('/ready')).status, 503, 'a closed store is not ready');
    const plain = createWebApp({ store: openSqliteStore(':memory:'), reactions: DEFAULT_REACTIONS, secret: 'ops-secret-0123456789', log: silentLogger });
    assert.equal((await plain.request('/metrics')).status, 404);
  });
});
