// Reads the <url|file> argument of `ingest` and `extract` into a URL or a read HTML document.
import { LedeError } from '../core/errors.ts';
import type { HtmlDocument } from '../pipeline/process-item.ts';
import { readHtmlFile } from '../pipeline/read-document.ts';

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
  return { kind: 'document', doc: await readHtmlFile(arg) };
}
