// The LLM port: the one thing the summarize stage needs from a language model. Adapters sit
// beside it (openai-llm.ts); the composition root picks one, so nothing here knows about HTTP.

/** One message of a chat exchange. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Options of one chat call. */
export interface ChatOptions {
  /** Upper bound on generated tokens. */
  readonly maxTokens?: number;
  /** Sampling temperature; low values keep summaries factual. */
  readonly temperature?: number;
  /** Ask the server for a JSON object (servers may ignore this; callers must still validate). */
  readonly json?: boolean;
  /** Aborts the call, including any wait for a free slot or a retry. */
  readonly signal?: AbortSignal;
}

/**
 * A chat model. `chat` returns the assistant's raw text, which is untrusted: validate it
 * before use. Failures are thrown as {@link LlmError} with a stable code.
 *
 * @example
 * ```ts
 * const llm: Llm = createOpenAiLlm({ url: 'http://localhost:11434/v1', model: 'llama3.1:8b' });
 * try {
 *   const text = await llm.chat(
 *     [{ role: 'system', content: 'Answer in one word.' }, { role: 'user', content: 'Capital of France?' }],
 *     { maxTokens: 10, temperature: 0 },
 *   );
 * } catch (e) {
 *   if (isLlmError(e, 'llm-rate-limited')) console.log('retry in', e.retryAfterMs);
 * }
 * ```
 */
export interface Llm {
  /** The model name, recorded with every summary it makes ("llama3.1:8b"). */
  readonly model: string;
  /** Sends the messages and resolves with the assistant's reply text. */
  chat(messages: readonly ChatMessage[], opts?: ChatOptions): Promise<string>;
}

/** Stable reason codes of LlmError. */
export type LlmErrorCode =
  /** No answer within the adapter's per-attempt timeout. */
  | 'llm-timeout'
  /** The caller's AbortSignal fired. */
  | 'llm-aborted'
  /** HTTP 429 after every retry, or a Retry-After longer than the adapter will wait. */
  | 'llm-rate-limited'
  /** Any other non-2xx status (see `status`). */
  | 'llm-http'
  /** The server could not be reached (refused, reset, DNS). */
  | 'llm-network'
  /** A 2xx answer that is not a chat-completions response. */
  | 'llm-malformed'
  /** The model or the server's filter declined to answer. */
  | 'llm-refused'
  /** The reply was read but broke the caller's output rules (count, length, language…). */
  | 'llm-invalid-output';

// Not a LedeError: LedeErrorCode is a closed union owned by core/errors.ts, and these codes
// belong to this port. Same shape (code + module-prefixed message + cause).
/** A failure of an LLM call, with a stable code; message prefixed with "llm:". */
export class LlmError extends Error {
  readonly code: LlmErrorCode;
  /** HTTP status for 'llm-http' and 'llm-rate-limited'. */
  readonly status?: number;
  /** How long the server asked us to wait (Retry-After on a 429 or 503), when it said. */
  readonly retryAfterMs?: number;
  constructor(
    code: LlmErrorCode,
    message: string,
    options: { cause?: unknown; status?: number; retryAfterMs?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** True when `e` is an LlmError, optionally with the given code. */
export function isLlmError(e: unknown, code?: LlmErrorCode): e is LlmError {
  return e instanceof LlmError && (code === undefined || e.code === code);
}
