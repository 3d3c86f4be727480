// Reads a saved HTML page from disk into a document the pipeline can extract, decoding its
// bytes with the charset the page declares (BOM or <meta>), as a fetch would.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedeError } from '../core/errors.ts';
import { decodeBody } from '../fetch/decode-body.ts';
import type { HtmlDocument } from './process-item.ts';

/** Largest file read, like the fetch body cap. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads an HTML file; throws invalid-input when it is missing or too large. */
export async function readHtmlFile(path: string): Promise<HtmlDocument> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) throw new LedeError('invalid-input', `"${path}" is neither an http(s) URL nor a readable file`);
  if (info.size > MAX_FILE_BYTES) throw new LedeError('invalid-input', `"${path}" is larger than 10 MB`);
  const { text } = decodeBody(await readFile(absolute), { kind: 'html' });
  return { html: text, url: pathToFileURL(absolute).href };
}
