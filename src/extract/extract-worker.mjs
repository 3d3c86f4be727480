// Worker-thread entry of the isolated extractor (extract-isolated.ts): parses pages off the main
// thread so a hostile page can only exhaust this worker's heap and time, never stall the server.
// Plain JavaScript because it must register the TypeScript loader before importing the stage.
import { parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX through hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { extractArticle } = await import('./extract-article.ts');

parentPort.on('message', async (job) => {
  try {
    const article = await extractArticle(job.html, job.opts);
    parentPort.postMessage({ id: job.id, article });
  } catch (e) {
    parentPort.postMessage({
      id: job.id,
      error: { code: e?.code ?? 'internal', message: e instanceof Error ? e.message : String(e) },
    });
  }
});
parentPort.postMessage({ ready: true });
