// Prometheus metrics of one process (prom-client): HTTP latency, jobs done and failed by queue,
// fetch latency, and queue depth read from the queue when scraped. Every process keeps its own
// registry; `lede web` serves it at /metrics and `lede worker --metrics-port` on a port of its own.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The metrics a process records. */
export interface Metrics {
  readonly registry: Registry;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  observeJob(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
  observeFetch(kind: 'feed' | 'page' | 'image' | 'other', outcome: string, seconds: number): void;
  /** Reads queue depths at scrape time: queue -> state -> count. */
  setQueueDepthSource(read: () => Promise<Record<string, Record<string, number>>>): void;
}

/** Creates a registry with Lede's metrics and Node's default process metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lede_' });
  const http = new Histogram({
    name: 'lede_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const jobs = new Counter({ name: 'lede_jobs_total', help: 'Jobs finished by queue and outcome', labelNames: ['queue', 'outcome'] as const, registers: [registry] });
  const jobSeconds = new Histogram({
    name: 'lede_job_duration_seconds',
    help: 'Job run time by queue',
    labelNames: ['queue'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const fetches = new Histogram({
    name: 'lede_fetch_duration_seconds',
    help: 'Fetch latency by kind (feed, page, image, other: robots.txt and discovery) and outcome (fetched, not-modified, or the failure reason)',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  let readDepth: (() => Promise<Record<string, Record<string, number>>>) | undefined;
  new Gauge({
    name: 'lede_queue_depth',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    // Every process reads the same database: merged across processes (--workers), it counts once.
    aggregator: 'max',
    async collect() {
      if (!readDepth) return;
      this.reset();
      for (const [queue, states] of Object.entries(await readDepth())) {
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      }
    },
  });
  return {
    registry,
    observeHttp: (method, route, status, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    observeJob: (queue, outcome, seconds) => {
      jobs.inc({ queue, outcome });
      jobSeconds.observe({ queue }, seconds);
    },
    observeFetch: (kind, outcome, seconds) => fetches.observe({ kind, outcome }, seconds),
    setQueueDepthSource: (read) => {
      readDepth = read;
    },
  };
}
