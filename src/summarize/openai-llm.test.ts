import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { isLedeError } from '../core/errors.ts';
import { isLlmError, LlmError, type ChatMessage } from './llm.ts';
import { chatCompletionsUrl, createOpenAiLlm, parseRetryAfter } from './openai-llm.ts';
import { chatReply, startFakeChatServer, type FakeChatServer, type FakeReply } from '../../test/llm-fixtures/fake-chat-server.ts';

const HELLO: ChatMessage[] = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'Hello?' },
];

async function withServer(
  handler: (req: Parameters<Parameters<typeof startFakeChatServer>[0]>[0], i: number) => FakeReply | Promise<FakeReply>,
  run: (server: FakeChatServer) => Promise<void>,
): Promise<void> {
  const server = await startFakeChatServer(handler);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

async function rejectsWith(p: Promise<unknown>, code: LlmError['code']): Promise<LlmError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isLlmError(e), `expected LlmError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, /^llm: /);
    return e;
  }
  assert.fail(`expected ${code}, got success`);
}

test('should build the chat-completions endpoint from every accepted base URL form', () => {
  const cases: [string, string][] = [
    ['http://localhost:11434/v1', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434/v1/', 'http://localhost:11434/v1/chat/completions'],
    ['http://localhost:11434', 'http://localhost:11434/v1/chat/completions'],
    ['https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1/chat/completions'],
    ['https://example.test/v1beta/openai', 'https://example.test/v1beta/openai/chat/completions'],
    ['https://example.test/openai/v1?api-version=2', 'https://example.test/openai/v1/chat/completions?api-version=2'],
  ];
  for (const [value, expected] of cases) assert.equal(chatCompletionsUrl(value), expected, value);
  for (const bad of ['localhost:11434', 'ftp://x.test/v1', 'not a url', 'http://user:key@x.test/v1']) {
    assert.throws(() => chatCompletionsUrl(bad), (e) => isLedeError(e, 'config-invalid'), bad);
  }
});

test('should parse Retry-After as seconds or as an HTTP date', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('0', now), 0);
  assert.equal(parseRetryAfter('2', now), 2000);
  assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now), 5000);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test('should send the chat request and return the assistant content', async () => {
  await withServer(
    () => ({ body: chatReply('Hi there.') }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'test-model' });
      assert.equal(llm.model, 'test-model');
      const value = await llm.chat(HELLO, { maxTokens: 50, temperature: 0.1, json: true });
      assert.equal(value, 'Hi there.');
      const req = server.requests[0]!;
      assert.equal(req.method, 'POST');
      assert.equal(req.path, '/v1/chat/completions');
      assert.equal(req.headers['content-type'], 'application/json');
      assert.deepEqual(req.body, {
        model: 'test-model',
        messages: HELLO,
        stream: false,
        max_tokens: 50,
        temperature: 0.1,
        response_format: { type: 'json_object' },
      });
    },
  );
});

test('should send a Bearer header only when an API key is set', async () => {
  await withServer(
    () => ({ body: chatReply('ok') }),
    async (server) => {
      await createOpenAiLlm({ url: server.url, model: 'm', apiKey: 'sk-test-123' }).chat(HELLO);
      await createOpenAiLlm({ url: server.url, model: 'm' }).chat(HELLO);
      await createOpenAiLlm({ url: server.url, model: 'm', apiKey: '' }).chat(HELLO);
      assert.equal(server.requests[0]!.headers.authorization, 'Bearer sk-test-123');
      assert.equal(server.requests[1]!.headers.authorization, undefined);
      assert.equal(server.requests[2]!.headers.authorization, undefined);
    },
  );
});

test('should fail with llm-timeout when the server stalls, without retrying', async () => {
  await withServer(
    () => ({ stall: true }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', timeoutMs: 100, maxRetries: 2, retryBaseMs: 1 });
      const started = Date.now();
      await rejectsWith(llm.chat(HELLO), 'llm-timeout');
      assert.ok(Date.now() - started < 2000);
      assert.equal(server.requests.length, 1);
    },
  );
});

test('should fail with llm-aborted when the caller aborts', async () => {
  await withServer(
    () => ({ stall: true }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', timeoutMs: 5000 });
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(), 50);
      await rejectsWith(llm.chat(HELLO, { signal: ctrl.signal }), 'llm-aborted');
    },
  );
});

test('should retry a 429 after the delay Retry-After asks for', async () => {
  await withServer(
    (_req, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } } : { body: chatReply('ok') }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', retryBaseMs: 1 });
      const started = Date.now();
      assert.equal(await llm.chat(HELLO), 'ok');
      assert.equal(server.requests.length, 2);
      assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
    },
  );
});

test('should fail at once with llm-rate-limited when Retry-After is longer than it will wait', async () => {
  await withServer(
    () => ({ status: 429, headers: { 'retry-after': '120' }, body: {} }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxRetryDelayMs: 1000 });
      const e = await rejectsWith(llm.chat(HELLO), 'llm-rate-limited');
      assert.equal(e.retryAfterMs, 120_000);
      assert.equal(e.status, 429);
      assert.equal(server.requests.length, 1);
    },
  );
});

test('should retry a 500 twice and then succeed', async () => {
  await withServer(
    (_req, i) => (i < 2 ? { status: 500, body: { error: 'boom' } } : { body: chatReply('ok') }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxRetries: 2, retryBaseMs: 1 });
      assert.equal(await llm.chat(HELLO), 'ok');
      assert.equal(server.requests.length, 3);
    },
  );
});

test('should fail with llm-http after maxRetries when the server always answers 500', async () => {
  await withServer(
    () => ({ status: 500, body: { error: 'boom' } }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxRetries: 2, retryBaseMs: 1 });
      const e = await rejectsWith(llm.chat(HELLO), 'llm-http');
      assert.equal(e.status, 500);
      assert.equal(server.requests.length, 3);
    },
  );
});

test('should not retry a 400 or a 401', async () => {
  for (const status of [400, 401]) {
    await withServer(
      () => ({ status, body: { error: { message: 'bad request' } } }),
      async (server) => {
        const llm = createOpenAiLlm({ url: server.url, model: 'm', maxRetries: 2, retryBaseMs: 1 });
        const e = await rejectsWith(llm.chat(HELLO, { json: true }), 'llm-http');
        assert.equal(e.status, status);
        assert.match(e.message, /bad request/);
        assert.equal(server.requests.length, 1);
      },
    );
  }
});

test('should drop response_format when the server rejects it (LM Studio) and remember that', async () => {
  await withServer(
    (req) =>
      (req.body as { response_format?: unknown }).response_format
        ? { status: 400, body: { error: "'response_format.type' must be 'json_schema' or 'text'" } }
        : { body: chatReply('{"a":1}') },
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxRetries: 0 });
      assert.equal(await llm.chat(HELLO, { json: true }), '{"a":1}');
      assert.equal(await llm.chat(HELLO, { json: true }), '{"a":1}');
      assert.equal(server.requests.length, 3);
    },
  );
});

test('should retry network errors and then fail with llm-network', async () => {
  // A port that was free a moment ago: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  let calls = 0;
  const counting: typeof fetch = (input, init) => {
    calls++;
    return fetch(input, init);
  };
  const llm = createOpenAiLlm({ url: `http://127.0.0.1:${port}/v1`, model: 'm', maxRetries: 2, retryBaseMs: 1, fetchImpl: counting });
  await rejectsWith(llm.chat(HELLO), 'llm-network');
  assert.equal(calls, 3);
});

test('should fail with llm-malformed on a body that is not JSON or not a chat completion', async () => {
  const replies: FakeReply[] = [
    { body: '{"choices": [ {"message": ' },
    { body: '<html>Bad gateway</html>' },
    { body: { error: { message: 'model not loaded' } } },
    { body: { choices: [] } },
    { body: chatReply('', { finishReason: 'length' }) },
  ];
  for (const reply of replies) {
    await withServer(
      () => reply,
      async (server) => {
        const llm = createOpenAiLlm({ url: server.url, model: 'm', retryBaseMs: 1 });
        await rejectsWith(llm.chat(HELLO), 'llm-malformed');
        assert.equal(server.requests.length, 1);
      },
    );
  }
});

test('should fail with llm-refused when the model declines', async () => {
  await withServer(
    (_req, i) => (i === 0 ? { body: chatReply('', { refusal: 'I cannot help with that.' }) } : { body: chatReply('x', { finishReason: 'content_filter' }) }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm' });
      await rejectsWith(llm.chat(HELLO), 'llm-refused');
      await rejectsWith(llm.chat(HELLO), 'llm-refused');
    },
  );
});

test('should keep at most maxConcurrency requests in flight', async () => {
  await withServer(
    () => ({ delayMs: 40, body: chatReply('ok') }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxConcurrency: 2 });
      const values = await Promise.all(Array.from({ length: 6 }, () => llm.chat(HELLO)));
      assert.deepEqual(values, Array(6).fill('ok'));
      assert.equal(server.requests.length, 6);
      assert.ok(server.maxInFlight <= 2, `max in flight ${server.maxInFlight}`);
      assert.equal(server.maxInFlight, 2, 'two at a time, not one');
    },
  );
});

test('should reject bad settings with config-invalid', () => {
  assert.throws(() => createOpenAiLlm({ url: 'http://x.test/v1', model: ' ' }), (e) => isLedeError(e, 'config-invalid'));
  assert.throws(() => createOpenAiLlm({ url: 'http://x.test/v1', model: 'm', maxConcurrency: 0 }), (e) => isLedeError(e, 'config-invalid'));
  assert.throws(() => createOpenAiLlm({ url: 'http://x.test/v1', model: 'm', timeoutMs: 1.5 }), (e) => isLedeError(e, 'config-invalid'));
});

test('should honour Retry-After on a 503 too', async () => {
  await withServer(
    (_req, i) => (i === 0 ? { status: 503, headers: { 'retry-after': '120' }, body: {} } : { body: chatReply('ok') }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxRetryDelayMs: 1000 });
      const e = await rejectsWith(llm.chat(HELLO), 'llm-http');
      assert.equal(e.retryAfterMs, 120_000);
      assert.equal(server.requests.length, 1);
    },
  );
});

test('should stop waiting for a free slot when the caller aborts', async () => {
  await withServer(
    () => ({ stall: true }),
    async (server) => {
      const llm = createOpenAiLlm({ url: server.url, model: 'm', maxConcurrency: 1, timeoutMs: 300 });
      const first = rejectsWith(llm.chat(HELLO), 'llm-timeout');
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(), 20);
      await rejectsWith(llm.chat(HELLO, { signal: ctrl.signal }), 'llm-aborted');
      await first;
      assert.equal(server.requests.length, 1);
    },
  );
});
