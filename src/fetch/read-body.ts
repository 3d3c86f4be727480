// Reads a response body into memory with a byte cap applied to the decoded (decompressed) bytes,
// so neither a huge body nor a small compression bomb can exhaust memory.
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Thrown while reading when the body passes the cap; the stream is destroyed at once. */
export class BodyTooLargeError extends Error {
  readonly code = 'ERR_LEDE_BODY_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`fetch: body exceeds ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

function decoderFor(contentEncoding: string | undefined): Transform[] {
  // Codings apply in order, so they are undone in reverse (RFC 9110 §8.4).
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse();
  return codings.flatMap((c): Transform[] => {
    if (c === 'gzip' || c === 'x-gzip') return [createGunzip()];
    if (c === 'br') return [createBrotliDecompress()];
    if (c === 'deflate') return [createInflate()];
    return []; // unknown coding: pass through, the charset/sniff steps will cope or fail visibly
  });
}

/** Reads `body` fully, undoing Content-Encoding, and throws BodyTooLargeError past `maxBytes`. */
export async function readBodyCapped(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(chunk);
    }
  };
  // pipeline() destroys every stage on error, which aborts the HTTP request as soon as the cap is passed.
  const run = pipeline as unknown as (...stages: unknown[]) => Promise<void>;
  try {
    await run(body, ...decoderFor(contentEncoding), sink);
  } catch (e) {
    // Tearing the pipeline down can surface another stage's abort error first; the cap is the cause.
    if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
    throw e;
  }
  const out = Buffer.concat(chunks, total);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
