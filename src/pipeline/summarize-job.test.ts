// The 'summarize' job against a real SQLite store, the embedded queue and a loopback fake of an
// OpenAI-compatible model: article jobs store the offline summary and queue the job; the job
// writes the model's summary once, retries what may pass, and keeps the offline one otherwise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chatReply, startFakeChatServer, type FakeChatServer, type FakeReply } from '../../test/llm-fixtures/fake-chat-server.ts';
import { silentLogger } from '../core/log.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { createDbQueue } from '../queue/db-queue.ts';
import type { Queue } from '../queue/queue.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createOpenAiLlm } from '../summarize/openai-llm.ts';
import { createArticleSummarizer } from '../summarize/summarize-article.ts';
import { ingestDocument, type PipelineDeps } from './process-item.ts';
import { resendPendingSummaries, summarizeStored } from './summarize-job.ts';

// Written for this test.
const PARAGRAPHS = [
  'The harbour council voted on Monday to keep ferry fares unchanged for another year, citing rising living costs.',
  'Councillors approved the freeze by nine votes to two after a three-hour debate. The operator had asked for a five percent rise to cover higher fuel prices.',
  'The council will pay the operator a subsidy of 1.2 million euros to make up the difference. The freeze takes effect on the first of April.',
];
const page = (n: number) =>
  `<!doctype html><html lang="en"><head><title>Council freezes ferry fares ${n}</title></head><body><article><h1>Council freezes ferry fares ${n}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const MODEL_BULLETS = [
  'The harbour council voted on Monday to keep ferry fares unchanged for another year.',
  'Councillors approved the freeze by nine votes to two after the operator asked for a five percent rise.',
  'The council will pay the operator a subsidy of 1.2 million euros.',
];

describe('summarize job', () => {
  let store: Store;
  let queue: Queue;
  let server: FakeChatServer;
  let reply: () => FakeReply = () => ({ body: chatReply(JSON.stringify({ bullets: MODEL_BULLETS })) });
  let deps: PipelineDeps;
  let n = 0;

  before(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    queue = createDbQueue({ database: store.sharedDatabase(), log: silentLogger });
    server = await startFakeChatServer(() => reply());
    const llm = createOpenAiLlm({ url: server.url, model: 'test-model', maxRetries: 0, retryBaseMs: 1 });
    const fetch = { allowPrivateNetworks: true, userAgent: 'Lede-test/1.0', timeoutMs: 3000, maxBytes: 1024 * 1024 };
    deps = { store, log: silentLogger, extract: extractArticle, summarize: createArticleSummarizer({ llm, cacheSize: 0 }), fetch };
  });
  after(async () => {
    await queue.stop();
    await server.close();
    await store.close();
  });

  /** Stores an article with its offline summary, as an article job does when a model is configured. */
  async function storedOffline(): Promise<string> {
    const asked = server.requests.length;
    const { article } = await ingestDocument({ html: page(n), url: `https://harbour.example/news/${n++}` }, deps, { offlineSummary: true });
    assert.equal(server.requests.length, asked, 'the article job does not wait for the model');
    assert.deepEqual(article.summaryMethod, { kind: 'extractive', pending: true });
    assert.ok(article.summary.length > 0);
    return article.id;
  }

  it("should replace the offline summary with the model's once, and leave it alone on a second run", async () => {
    const id = await storedOffline();
    const before = (await store.getArticle(id))!;
    assert.equal(await summarizeStored({ articleId: id }, deps), 'summarized');
    const after = (await store.getArticle(id))!;
    assert.deepEqual(after.summary, MODEL_BULLETS);
    assert.deepEqual(after.summaryMethod, { kind: 'llm', model: 'test-model' });
    assert.ok(after.updatedAt > before.updatedAt, 'a new summary changes the page, so its stamp');
    const asked = server.requests.length;
    assert.equal(await summarizeStored({ articleId: id }, deps), 'already-summarized');
    assert.equal(server.requests.length, asked);
  });

  it('should throw for a retry when the model is down, keeping the offline summary meanwhile', async () => {
    const id = await storedOffline();
    const offline = (await store.getArticle(id))!.summary;
    reply = () => ({ status: 503, body: { error: { message: 'overloaded' } } });
    try {
      await assert.rejects(summarizeStored({ articleId: id }, deps), /llm-http|model failed/);
    } finally {
      reply = () => ({ body: chatReply(JSON.stringify({ bullets: MODEL_BULLETS })) });
    }
    assert.deepEqual((await store.getArticle(id))!.summary, offline);
    assert.equal(await summarizeStored({ articleId: id }, deps), 'summarized');
  });

  it('should give up on the last attempt: the offline summary stays, no longer pending, with the reason', async () => {
    const id = await storedOffline();
    const offline = (await store.getArticle(id))!.summary;
    reply = () => ({ status: 503, body: { error: { message: 'overloaded' } } });
    try {
      assert.equal(await summarizeStored({ articleId: id }, deps, { lastAttempt: true }), 'kept-offline');
    } finally {
      reply = () => ({ body: chatReply(JSON.stringify({ bullets: MODEL_BULLETS })) });
    }
    const got = (await store.getArticle(id))!;
    assert.deepEqual(got.summary, offline);
    assert.deepEqual(got.summaryMethod, { kind: 'extractive', fallback: 'llm-http' });
  });

  it('should keep the offline summary for good when the model refuses or breaks the rules', async () => {
    const id = await storedOffline();
    reply = () => ({ body: chatReply(JSON.stringify({ bullets: ['The moon is made of cheese, officials said on Monday in a statement.'] })) });
    try {
      assert.equal(await summarizeStored({ articleId: id }, deps), 'kept-offline');
    } finally {
      reply = () => ({ body: chatReply(JSON.stringify({ bullets: MODEL_BULLETS })) });
    }
    const method = (await store.getArticle(id))!.summaryMethod;
    assert.equal(method?.kind, 'extractive');
    assert.ok(method?.kind === 'extractive' && method.fallback && !method.pending, JSON.stringify(method));
  });

  it('should end quietly for a deleted article', async () => {
    const id = await storedOffline();
    await store.deleteArticle(id);
    assert.equal(await summarizeStored({ articleId: id }, deps), 'gone');
  });

  it('should send the job again for a pending article that has none, and only for those', async () => {
    const owed = await storedOffline();
    const done = await storedOffline();
    assert.equal(await summarizeStored({ articleId: done }, deps), 'summarized');
    const later = Date.now() + 120_000; // past the grace a fresh article gets
    assert.equal(await resendPendingSummaries({ store, queue, log: silentLogger }, { now: later }), 1);
    assert.deepEqual([...(await queue.openKeys('summarize', [owed, done]))], [owed]);
    assert.equal(await resendPendingSummaries({ store, queue, log: silentLogger }, { now: later }), 0, 'its job is open now');
    assert.equal(await resendPendingSummaries({ store, queue, log: silentLogger }, { now: Date.now() }), 0, 'within the grace, its own article job sends it');
    assert.equal(await summarizeStored({ articleId: owed }, deps), 'summarized');
    assert.deepEqual(await store.pendingSummaries({ since: '2000-01-01T00:00:00.000Z', before: new Date(later).toISOString(), limit: 100 }), []);
  });

  it('should run as a queued job: one open job per article, done by a worker', async () => {
    const id = await storedOffline();
    assert.ok(await queue.send('summarize', { articleId: id }, { singletonKey: id }));
    assert.equal(await queue.send('summarize', { articleId: id }, { singletonKey: id }), null);
    await assert.rejects(queue.send('summarize', { articleId: '' } as never), /articleId/);
    const done = new Promise<void>((resolve) => {
      void queue.work('summarize', { concurrency: 1 }, async (job) => {
        await summarizeStored(job.data, deps);
        if (job.data.articleId === id) resolve(); // (the sweep test left a job of its own)
      });
    });
    await done;
    assert.deepEqual((await store.getArticle(id))!.summaryMethod, { kind: 'llm', model: 'test-model' });
    for (let i = 0; i < 50 && (await queue.counts()).summarize.completed < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await queue.counts()).summarize.completed, 2);
  });
});
