// Test helper (not shipped in any code path): a loopback HTTP server that speaks the OpenAI
// chat-completions protocol, so adapter and summarizer tests run with no internet. Shared by
// openai-llm.test.ts, llm-summarize.test.ts and summarize-article.test.ts.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received. */
export interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when it was not JSON). */
  readonly body: unknown;
}

/** What the fake server answers: a status, headers, a body, and an optional delay or stall. */
export interface FakeReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** A string is sent as is (to test malformed JSON); anything else is JSON-encoded. */
  readonly body?: unknown;
  readonly delayMs?: number;
  /** Never answer (until the server closes). */
  readonly stall?: boolean;
}

/** A running fake chat-completions server. */
export interface FakeChatServer {
  /** Base URL in the form users configure: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  readonly requests: CapturedRequest[];
  /** Highest number of requests in flight at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** Builds a chat-completions response whose assistant message is `content`. */
export function chatReply(content: string, extra: { finishReason?: string; refusal?: string } = {}): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, ...(extra.refusal ? { refusal: extra.refusal } : {}) },
        finish_reason: extra.finishReason ?? 'stop',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** The text of the last user message of a captured chat request. */
export function userContent(req: CapturedRequest): string {
  const messages = (req.body as { messages?: { role: string; content: string }[] } | undefined)?.messages ?? [];
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}

/** Starts a fake server on 127.0.0.1; `handler` gets the request and its 0-based index. */
export async function startFakeChatServer(
  handler: (req: CapturedRequest, index: number) => FakeReply | Promise<FakeReply>,
): Promise<FakeChatServer> {
  const requests: CapturedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const captured: CapturedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
        requests.push(captured);
        const reply = await handler(captured, requests.length - 1);
        if (reply.stall) {
          res.on('close', () => inFlight--);
          return;
        }
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        inFlight--;
        const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(payload);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
