// Worker-thread entry of the isolated feed parser (parse-feed-isolated.ts): parses feeds off the
// main thread, so a feed of 100,000 entries costs this worker time and heap, never the poller's
// event loop. Plain JavaScript because it must register the TypeScript loader first.
import { parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX through hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { parseFeed } = await import('./parse-feed.ts');

parentPort.on('message', async (job) => {
  try {
    const feed = await parseFeed(job.body, job.opts);
    parentPort.postMessage({ id: job.id, feed });
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: { invalid: e?.code === 'feed-invalid', message: e instanceof Error ? e.message : String(e) } });
  }
});
// One small feed parsed before the worker says it is ready: the parser's code is compiled on first
// use, and that time belongs to the worker's start, not to the budget of the first feed it is given.
await parseFeed('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>i</title><link>http://warm.invalid/1</link></item></channel></rss>', {}).catch(() => {});
parentPort.postMessage({ ready: true });
