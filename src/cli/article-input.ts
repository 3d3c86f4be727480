// Reads the <url|file> argument of `ingest` and `extract` into an HTML document or a URL.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedeError } from '../core/errors.ts';
import { decodeBody } from '../fetch/decode-body.ts';
import type { HtmlDocument } from '../pipeline/process-item.ts';

/** A URL to fetch, or a local document already read. */
export type ResolvedInput = { kind: 'url'; url: string } | { kind: 'document'; doc: HtmlDocument };

/** Turns a command-line argument into a URL or a read document; throws a one-line error. */
export async function resolveArticleInput(arg: string): Promise<ResolvedInput> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    let url: URL;
    try {
      url = new URL(arg);
    } catch {
      throw new LedeError('invalid-input', `invalid URL "${arg}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new LedeError('invalid-input', `unsupported URL scheme ${url.protocol} in "${arg}" (use http or https)`);
    }
    return { kind: 'url', url: url.href };
  }
  const path = resolve(arg);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new LedeError('invalid-input', `"${arg}" is neither an http(s) URL nor a readable file`);
  if (info.size > 10 * 1024 * 1024) throw new LedeError('invalid-input', `"${arg}" is larger than 10 MB`);
  const bytes = await readFile(path);
  const { text } = decodeBody(bytes, { kind: 'html' });
  return { kind: 'document', doc: { html: text, url: pathToFileURL(path).href } };
}
