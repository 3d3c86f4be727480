// /metrics under `--workers N`: a scrape lands on one web process, but must show the whole
// installation on the machine. The web process asks the primary, the primary gathers every
// process's metrics (its own, with the poller's, included) over the cluster's IPC channel and
// merges them with prom-client's AggregatorRegistry: counters and histograms add up, gauges
// follow their own aggregator (the queue depth, read by every process from the same database,
// is taken once).
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';

type MetricJson = MetricObjectWithValues<MetricValue<string>>;

const REQUEST = 'lede:metrics-request'; // web process → primary: the whole picture, please
const COLLECT = 'lede:metrics-collect'; // primary → every web process: your metrics as JSON
const PART = 'lede:metrics-part'; // web process → primary
const ANSWER = 'lede:metrics-answer'; // primary → the web process that asked

interface Message {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly metrics?: MetricJson[];
  readonly text?: string;
}

const asMessage = (m: unknown): Message => (m && typeof m === 'object' ? (m as Message) : {});

/** In the primary: answers its web processes' requests with the metrics of every process. */
export function serveClusterMetrics(own: Registry, timeoutMs = 2000): void {
  let next = 0;
  const waiting = new Map<number, (worker: Worker, metrics: MetricJson[]) => void>();
  cluster.on('message', (worker, raw) => {
    const m = asMessage(raw);
    if (m.type === PART && typeof m.id === 'number') waiting.get(m.id)?.(worker, m.metrics ?? []);
    if (m.type !== REQUEST) return;
    const id = next++;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w.isConnected());
    const parts: MetricJson[][] = [];
    void new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      const answered = new Set<number>();
      waiting.set(id, (from, metrics) => {
        if (answered.has(from.id)) return;
        answered.add(from.id);
        parts.push(metrics);
        if (answered.size >= workers.length) {
          clearTimeout(timer);
          resolve();
        }
      });
      for (const w of workers) w.send({ type: COLLECT, id });
      if (workers.length === 0) resolve();
    })
      .then(async () => {
        waiting.delete(id);
        const all = [await own.getMetricsAsJSON(), ...parts];
        const text = await AggregatorRegistry.aggregate(all).metrics();
        if (worker.isConnected()) worker.send({ type: ANSWER, id: m.id, text });
      })
      .catch(() => {
        waiting.delete(id);
        if (worker.isConnected()) worker.send({ type: ANSWER, id: m.id });
      });
  });
}

/**
 * In a web process: answers the primary's collections with `own`, and returns the reader of the
 * whole installation's metrics (this process's alone, marked as such, should the primary not answer).
 */
export function clusterMetricsReader(own: Registry, timeoutMs = 3000): () => Promise<string> {
  let next = 0;
  const answers = new Map<number, (text: string | undefined) => void>();
  process.on('message', (raw) => {
    const m = asMessage(raw);
    if (m.type === COLLECT) {
      void own.getMetricsAsJSON().then((metrics) => process.send?.({ type: PART, id: m.id, metrics }));
    } else if (m.type === ANSWER && typeof m.id === 'number') {
      answers.get(m.id)?.(m.text);
    }
  });
  return async () => {
    const id = next++;
    const text = await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      answers.set(id, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
      process.send?.({ type: REQUEST, id });
    });
    answers.delete(id);
    return text ?? `# lede: the primary process did not answer; metrics of web process ${process.pid} only\n${await own.metrics()}`;
  };
}
