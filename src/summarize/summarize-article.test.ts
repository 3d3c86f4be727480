import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LlmError, type Llm } from './llm.ts';
import { createOpenAiLlm } from './openai-llm.ts';
import { summarize } from './summarize.ts';
import { createArticleSummarizer } from './summarize-article.ts';
import { chatReply, startFakeChatServer, userContent, type FakeChatServer, type FakeReply, type CapturedRequest } from '../../test/llm-fixtures/fake-chat-server.ts';

// Written for this test; not taken from any corpus.
const ARTICLE = {
  title: 'Council freezes ferry fares',
  lang: 'en',
  text: `The harbour council voted on Monday to keep ferry fares unchanged for another year, citing rising living costs.

Councillors approved the freeze by nine votes to two after a three-hour debate. The operator had asked for a five percent rise to cover higher fuel prices.

The council will pay the operator a subsidy of 1.2 million euros to make up the difference. The freeze takes effect on the first of April.`,
};
const LLM_BULLETS = [
  'The harbour council voted on Monday to keep ferry fares unchanged for another year.',
  'Councillors approved the freeze by nine votes to two after the operator asked for a five percent rise.',
  'The council will pay the operator a subsidy of 1.2 million euros.',
];

interface Warning {
  msg: string;
  fields?: Record<string, unknown>;
}

function recorder(): { warnings: Warning[]; warn(msg: string, fields?: Record<string, unknown>): void } {
  const warnings: Warning[] = [];
  return { warnings, warn: (msg, fields) => void warnings.push({ msg, ...(fields ? { fields } : {}) }) };
}

async function withServer(
  handler: (req: CapturedRequest, i: number) => FakeReply,
  run: (server: FakeChatServer, llm: Llm) => Promise<void>,
): Promise<void> {
  const server = await startFakeChatServer(handler);
  try {
    await run(server, createOpenAiLlm({ url: server.url, model: 'qwen2.5:7b', maxRetries: 1, retryBaseMs: 1 }));
  } finally {
    await server.close();
  }
}

const ok = (): FakeReply => ({ body: chatReply(JSON.stringify({ bullets: LLM_BULLETS })) });

test('should summarize offline and say so when no LLM is configured', async () => {
  const result = await createArticleSummarizer()(ARTICLE);
  assert.deepEqual(result.method, { kind: 'extractive' });
  assert.deepEqual(result.bullets, await summarize(ARTICLE.text, { lang: 'en', bullets: 3 }));
  assert.equal(result.bullets.length, 3);
});

test('should use the LLM summary and name the model when the LLM answers well', async () => {
  await withServer(ok, async (server, llm) => {
    const log = recorder();
    const result = await createArticleSummarizer({ llm, log })(ARTICLE);
    assert.deepEqual(result, { bullets: LLM_BULLETS, method: { kind: 'llm', model: 'qwen2.5:7b' } });
    assert.equal(server.requests.length, 1);
    assert.deepEqual(log.warnings, []);
  });
});

const FAILURES: { name: string; reply: FakeReply; code: string }[] = [
  { name: 'a 500', reply: { status: 500, body: { error: 'boom' } }, code: 'llm-http' },
  { name: 'invalid output', reply: { body: chatReply('{"bullets":["HACKED","HACKED","HACKED"]}') }, code: 'llm-invalid-output' },
  { name: 'malformed JSON', reply: { body: '{"choices":' }, code: 'llm-malformed' },
];

for (const f of FAILURES) {
  test(`should fall back to the offline summary and warn with the code on ${f.name}`, async () => {
    await withServer(
      () => f.reply,
      async (_server, llm) => {
        const log = recorder();
        const result = await createArticleSummarizer({ llm, log })(ARTICLE);
        assert.deepEqual(result.method, { kind: 'extractive', fallback: f.code });
        assert.deepEqual(result.bullets, await summarize(ARTICLE.text, { lang: 'en', bullets: 3 }));
        assert.equal(log.warnings.length, 1);
        assert.equal(log.warnings[0]!.fields?.code, f.code);
        assert.equal(log.warnings[0]!.fields?.model, 'qwen2.5:7b');
      },
    );
  });
}

test('should fall back on an unexpected error from the Llm', async () => {
  const broken: Llm = { model: 'broken', chat: async () => Promise.reject(new TypeError('oops')) };
  const log = recorder();
  const result = await createArticleSummarizer({ llm: broken, log })(ARTICLE);
  assert.deepEqual(result.method, { kind: 'extractive', fallback: 'unexpected' });
  assert.equal(log.warnings[0]!.fields?.code, 'unexpected');
});

test('should fall back quietly when the caller aborts', async () => {
  const slow: Llm = {
    model: 'slow',
    chat: (_m, o) =>
      new Promise((_resolve, reject) => o?.signal?.addEventListener('abort', () => reject(new LlmError('llm-aborted', 'llm: aborted')))),
  };
  const log = recorder();
  const ctrl = new AbortController();
  setTimeout(() => ctrl.abort(), 10);
  const result = await createArticleSummarizer({ llm: slow, log })(ARTICLE, { signal: ctrl.signal });
  assert.deepEqual(result.method, { kind: 'extractive', fallback: 'llm-aborted' });
  assert.deepEqual(log.warnings, []);
});

test('should call the server once for two identical articles (cache), and again for another', async () => {
  await withServer(ok, async (server, llm) => {
    const summarizeArticle = createArticleSummarizer({ llm });
    const first = await summarizeArticle(ARTICLE);
    const second = await summarizeArticle({ ...ARTICLE });
    assert.deepEqual(second, first);
    assert.equal(server.requests.length, 1);
    second.bullets.push('mutating a result does not touch the cache');
    assert.equal((await summarizeArticle(ARTICLE)).bullets.length, 3);
    await summarizeArticle({ ...ARTICLE, title: 'Ferry fares frozen' });
    assert.equal(server.requests.length, 2);
  });
});

test('should share one request between identical articles summarized at the same time', async () => {
  await withServer(
    () => ({ ...ok(), delayMs: 30 }),
    async (server, llm) => {
      const summarizeArticle = createArticleSummarizer({ llm });
      const results = await Promise.all([summarizeArticle(ARTICLE), summarizeArticle(ARTICLE)]);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(results[0], results[1]);
    },
  );
});

test('should evict the least recently used summary and not cache failures', async () => {
  await withServer(
    (_req, i) => (i === 1 ? { status: 400, body: {} } : ok()),
    async (server, llm) => {
      const summarizeArticle = createArticleSummarizer({ llm, cacheSize: 1 });
      const other = { ...ARTICLE, title: 'Another title' };
      assert.equal((await summarizeArticle(ARTICLE)).method.kind, 'llm'); // request 0
      assert.equal((await summarizeArticle(other)).method.kind, 'extractive'); // request 1: 400, not cached
      assert.equal((await summarizeArticle(other)).method.kind, 'llm'); // request 2, evicts ARTICLE
      assert.equal((await summarizeArticle(ARTICLE)).method.kind, 'llm'); // request 3
      assert.equal(server.requests.length, 4);
    },
  );
});

test('should ask for no more bullets than the article can support, and skip the LLM for empty text', async () => {
  const brief = { lang: 'en', text: 'The harbour council voted on Monday to keep ferry fares unchanged for another year.' };
  await withServer(
    () => ({ body: chatReply(JSON.stringify({ bullets: ['The harbour council voted on Monday to keep ferry fares unchanged.'] })) }),
    async (server, llm) => {
      const summarizeArticle = createArticleSummarizer({ llm });
      const result = await summarizeArticle(brief, { bullets: 3 });
      assert.equal(result.method.kind, 'llm');
      assert.equal(result.bullets.length, 1);
      const system = (server.requests[0]!.body as { messages: { content: string }[] }).messages[0]!.content;
      assert.match(system, /exactly 1 bullet\b/);
      assert.match(userContent(server.requests[0]!), /ferry fares/);
      assert.deepEqual(await summarizeArticle({ text: '   ' }), { bullets: [], method: { kind: 'extractive' } });
      assert.equal(server.requests.length, 1);
    },
  );
});
