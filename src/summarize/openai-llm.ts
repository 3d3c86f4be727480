// Llm adapter for any OpenAI-compatible chat-completions endpoint: OpenAI and other hosted
// APIs, Ollama, vLLM, llama.cpp server, LM Studio. One POST per attempt, a per-attempt
// timeout, retries with exponential backoff and jitter on 429/5xx/network errors (honouring
// Retry-After), a small semaphore bounding concurrent requests, and a zod check of the reply.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { LedeError } from '../core/errors.ts';
import { LlmError, type ChatMessage, type ChatOptions, type Llm, type LlmErrorCode } from './llm.ts';
import { createSemaphore } from './llm-semaphore.ts';

/** Settings of createOpenAiLlm. */
export interface OpenAiLlmOptions {
  /** Base URL of the API; see chatCompletionsUrl for the accepted forms. */
  readonly url: string;
  /** Model name as the server knows it ("gpt-4o-mini", "llama3.1:8b"). */
  readonly model: string;
  /** Sent as `Authorization: Bearer <key>` when set and non-empty. */
  readonly apiKey?: string;
  /** Per-attempt timeout, including reading the body (default 30,000). Timeouts are not retried. */
  readonly timeoutMs?: number;
  /** Most requests in flight at once through this instance (default 2). */
  readonly maxConcurrency?: number;
  /** Retries after the first attempt on 429, 408, 5xx and network errors (default 2). */
  readonly maxRetries?: number;
  /** First backoff delay; doubles per retry, with jitter (default 500). */
  readonly retryBaseMs?: number;
  /** Longest wait before a retry; a longer Retry-After fails at once with 'llm-rate-limited' (default 30,000). */
  readonly maxRetryDelayMs?: number;
  /** Replaces global fetch (tests, proxies). */
  readonly fetchImpl?: typeof fetch;
}

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/**
 * The chat-completions endpoint for a base URL. Expected: the API base including its version,
 * as OpenAI SDKs take it (`https://api.openai.com/v1`, `http://localhost:11434/v1` for Ollama,
 * `http://localhost:8080/v1` for llama.cpp, `http://localhost:1234/v1` for LM Studio).
 * Also accepted: a bare origin (`http://localhost:11434` gets `/v1` added) and the full
 * endpoint (`…/chat/completions`, used as is). Any other path gets `/chat/completions`
 * appended, unchanged (`https://generativelanguage.googleapis.com/v1beta/openai`). The
 * query string is kept. Throws LedeError('config-invalid') for anything else.
 */
export function chatCompletionsUrl(base: string): string {
  let u: URL;
  try {
    u = new URL(base.trim());
  } catch (cause) {
    throw new LedeError('config-invalid', `llm: LEDE_LLM_URL is not a URL: ${base}`, { cause });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new LedeError('config-invalid', `llm: LEDE_LLM_URL must be http(s): ${base}`);
  }
  // fetch() refuses URLs with credentials; say so at startup rather than on every call.
  if (u.username || u.password) throw new LedeError('config-invalid', 'llm: put the API key in LEDE_LLM_API_KEY, not in the URL');
  const path = u.pathname.replace(/\/+$/, '');
  if (path.endsWith('/chat/completions')) u.pathname = path;
  else if (path === '') u.pathname = '/v1/chat/completions';
  else u.pathname = `${path}/chat/completions`;
  u.hash = '';
  return u.toString();
}

/** Milliseconds a Retry-After header asks for (delta-seconds or HTTP-date), or undefined. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const ChatResponse = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

type Attempt =
  | { readonly ok: true; readonly content: string }
  | { readonly ok: false; readonly error: LlmError; readonly retry: boolean; readonly jsonRejected?: boolean };

/** Creates an Llm that talks to an OpenAI-compatible chat-completions endpoint. */
export function createOpenAiLlm(options: OpenAiLlmOptions): Llm {
  const endpoint = chatCompletionsUrl(options.url);
  const model = options.model.trim();
  if (!model) throw new LedeError('config-invalid', 'llm: LEDE_LLM_MODEL is empty');
  const timeoutMs = positiveInt(options.timeoutMs, 30_000, 'timeoutMs', 1);
  const maxRetries = positiveInt(options.maxRetries, 2, 'maxRetries', 0);
  const retryBaseMs = positiveInt(options.retryBaseMs, 500, 'retryBaseMs', 0);
  const maxRetryDelayMs = positiveInt(options.maxRetryDelayMs, 30_000, 'maxRetryDelayMs', 0);
  const slots = createSemaphore(positiveInt(options.maxConcurrency, 2, 'maxConcurrency', 1));
  const fetchImpl = options.fetchImpl ?? fetch;
  // Never log the query string: some gateways carry a key there.
  const where = (() => {
    const u = new URL(endpoint);
    return `${u.origin}${u.pathname}`;
  })();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey?.trim()) headers.authorization = `Bearer ${options.apiKey.trim()}`;
  // LM Studio answers 400 to response_format json_object (it only takes json_schema); after
  // one such answer, stop asking. Callers validate the text anyway.
  let jsonMode = true;

  async function attempt(messages: readonly ChatMessage[], opts: ChatOptions, json: boolean): Promise<Attempt> {
    const body: Record<string, unknown> = { model, messages, stream: false };
    if (opts.maxTokens !== undefined) body.max_tokens = opts.maxTokens;
    if (opts.temperature !== undefined) body.temperature = opts.temperature;
    if (json) body.response_format = { type: 'json_object' };
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const res = await fetchImpl(endpoint, { method: 'POST', headers, body: JSON.stringify(body), signal });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      text = await readCapped(res, MAX_RESPONSE_BYTES);
    } catch (cause) {
      if (cause instanceof LlmError) return { ok: false, error: cause, retry: false };
      if (opts.signal?.aborted) return fail('llm-aborted', `llm: request to ${where} aborted`, false, { cause });
      if (timeout.aborted) return fail('llm-timeout', `llm: no answer from ${where} within ${timeoutMs} ms`, false, { cause });
      const reason = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
      return fail('llm-network', `llm: cannot reach ${where}: ${reason}`, true, { cause });
    }
    if (status === 429) {
      const ms = parseRetryAfter(retryAfter);
      return fail('llm-rate-limited', `llm: ${where} answered 429 (rate limited)`, true, { status, retryAfterMs: ms });
    }
    if (status < 200 || status > 299) {
      const msg = `llm: ${where} answered ${status}: ${snippet(text)}`;
      const jsonRejected = json && status === 400 && /response_format/i.test(text);
      const retry = status === 408 || status >= 500;
      // A 503 may carry Retry-After too (RFC 9110 §10.2.3).
      const retryAfterMs = retry ? parseRetryAfter(retryAfter) : undefined;
      return { ...fail('llm-http', msg, retry, { status, retryAfterMs }), jsonRejected };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      return fail('llm-malformed', `llm: ${where} answered with invalid JSON: ${snippet(text)}`, false, { cause });
    }
    const shape = ChatResponse.safeParse(parsed);
    if (!shape.success) {
      return fail('llm-malformed', `llm: ${where} answered without choices[0].message: ${snippet(text)}`, false, { cause: shape.error });
    }
    const choice = shape.data.choices[0]!;
    if (choice.message.refusal?.trim() || choice.finish_reason === 'content_filter') {
      return fail('llm-refused', `llm: ${model} declined: ${snippet(choice.message.refusal ?? 'content filter')}`, false);
    }
    const content = choice.message.content ?? '';
    if (!content.trim()) {
      const why = choice.finish_reason === 'length' ? ' (max tokens reached)' : '';
      return fail('llm-malformed', `llm: ${model} returned an empty reply${why}`, false);
    }
    return { ok: true, content };
  }

  async function chat(messages: readonly ChatMessage[], opts: ChatOptions = {}): Promise<string> {
    const release = await slots.acquire(opts.signal);
    // The slot is held across retries on purpose: backing off while keeping our place is what
    // eases the load on a server that just answered 429 or 503.
    try {
      for (let retries = 0; ; ) {
        const json = opts.json === true && jsonMode;
        const r = await attempt(messages, opts, json);
        if (r.ok) return r.content;
        if (r.jsonRejected) {
          jsonMode = false;
          continue; // not counted as a retry: the same request without response_format
        }
        if (!r.retry || retries >= maxRetries) throw r.error;
        const backoff = Math.min(maxRetryDelayMs, retryBaseMs * 2 ** retries) * (0.5 + Math.random() * 0.5);
        const delay = r.error.retryAfterMs ?? backoff;
        if (delay > maxRetryDelayMs) throw r.error;
        retries++;
        try {
          await sleep(delay, undefined, opts.signal ? { signal: opts.signal } : undefined);
        } catch (cause) {
          throw new LlmError('llm-aborted', `llm: request to ${where} aborted`, { cause });
        }
      }
    } finally {
      release();
    }
  }

  return { model, chat };
}

function fail(
  code: LlmErrorCode,
  message: string,
  retry: boolean,
  extra: { cause?: unknown; status?: number; retryAfterMs?: number | undefined } = {},
): Attempt & { ok: false } {
  const { retryAfterMs, ...rest } = extra;
  return { ok: false, retry, error: new LlmError(code, message, retryAfterMs === undefined ? rest : { ...rest, retryAfterMs }) };
}

function snippet(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 200)}…` : one || '(empty body)';
}

function positiveInt(value: number | undefined, fallback: number, name: string, min: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new LedeError('config-invalid', `llm: ${name} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new LlmError('llm-malformed', `llm: response larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
