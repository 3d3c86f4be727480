// A real `lede worker --metrics-port` process polling the demo publisher: its /metrics counts the
// fetches it made (feed and page latency, by outcome) and the jobs it ran (poll-source and
// fetch-article, with their run time), and /ready answers once its database and queue do.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { freePort, waitUntil } from '../e2e/browser-helpers.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'lede.js');

describe('lede worker metrics', () => {
  let site: FixtureSite;
  let data: string;
  let worker: ChildProcess | undefined;
  before(async () => {
    site = await startFixtureSite();
    data = mkdtempSync(join(tmpdir(), 'lede-worker-metrics-'));
    const store = openSqliteStore(join(data, 'lede.sqlite'));
    await store.migrate();
    await store.addSource({ name: site.publishers[0]!.name, feedUrl: site.publishers[0]!.feedUrl, lang: site.publishers[0]!.lang });
    await store.close();
  });
  after(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
    }
    await site.close();
    rmSync(data, { recursive: true, force: true });
  });

  it('should count fetches by kind and outcome and jobs by queue, with durations', { timeout: 120_000 }, async () => {
    const port = await freePort();
    worker = spawn(process.execPath, [BIN, '--data', data, 'worker', '--metrics-port', String(port)], {
      env: { ...process.env, LEDE_ALLOW_PRIVATE_NETWORKS: '1', LEDE_LOG_LEVEL: 'error', LEDE_HOST_DELAY_MS: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    const metric = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    const text = await waitUntil(async () => {
      const t = await (await fetch(`${base}/metrics`)).text();
      return metric(t, /^lede_jobs_total\{queue="fetch-article",outcome="completed"\} (\d+)/m) >= 2 ? t : undefined;
    }, 'two article jobs in /metrics', 90_000);
    assert.ok(metric(text, /^lede_fetch_duration_seconds_count\{kind="feed",outcome="fetched"\} (\d+)/m) >= 1, 'the feed fetch is counted');
    assert.ok(metric(text, /^lede_fetch_duration_seconds_count\{kind="page",outcome="fetched"\} (\d+)/m) >= 2, 'the article pages are counted');
    assert.ok(metric(text, /^lede_jobs_total\{queue="poll-source",outcome="completed"\} (\d+)/m) >= 1, 'the poll is counted');
    assert.ok(metric(text, /^lede_job_duration_seconds_sum\{queue="fetch-article"\} ([\d.e-]+)/m) > 0, 'job durations are measured');
    assert.equal((await fetch(`${base}/ready`)).status, 200);
  });
});
