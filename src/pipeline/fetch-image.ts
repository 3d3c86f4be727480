// Images for the media proxy: one guarded fetch that passes raster images only, the type taken
// from their magic bytes (never from the upstream header).
import type { FetchOutcome } from '../core/records.ts';
import { sniffImageType } from '../fetch/content-type-check.ts';
import { fetchUrl } from '../fetch/fetch-url.ts';
import type { FetchSettings } from './process-item.ts';

const DEFAULT_USER_AGENT = 'Lede/0.1 (media proxy)';
const DEFAULT_TIMEOUT_MS = 15_000;

/** What fetchImage found: the fetch outcome, with the sniffed type of a fetched image (undefined: not a raster image). */
export type ImageOutcome = Exclude<FetchOutcome, { kind: 'fetched' }> | (Extract<FetchOutcome, { kind: 'fetched' }> & { imageType: string | undefined });

/** Fetches an image through the SSRF guard, capped at `maxBytes`, with the browser's validators. */
export async function fetchImage(
  url: string,
  settings: FetchSettings | undefined,
  opts: { maxBytes: number; etag?: string; lastModified?: string },
): Promise<ImageOutcome> {
  const outcome = await fetchUrl(url, {
    accept: 'image',
    allowPrivateNetworks: settings?.allowPrivateNetworks ?? false,
    userAgent: settings?.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: opts.maxBytes,
    ...(opts.etag ? { etag: opts.etag } : {}),
    ...(opts.lastModified ? { lastModified: opts.lastModified } : {}),
  });
  // fetchUrl sniffed already; checking again keeps this function safe on its own.
  return outcome.kind === 'fetched' ? { ...outcome, imageType: sniffImageType(outcome.bytes) } : outcome;
}
