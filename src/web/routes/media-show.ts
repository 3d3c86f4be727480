// GET /media/:sig?url= — the media proxy (issue #7, LEDE_MEDIA_PROXY): fetches an image of
// another host through the guarded fetch and passes on raster images only, so readers never
// talk to publishers' hosts. 404 while the proxy is off; 403 unless Lede signed the URL.
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FetchOutcome } from '../../core/records.ts';
import { fetchImage } from '../../pipeline/fetch-image.ts';
import { verifyMediaSignature } from '../media-proxy.ts';
import type { WebDeps } from '../web-deps.ts';

// The upstream URL is fixed by the signature, so the bytes behind it may be cached a long time.
const CACHE_CONTROL = 'public, max-age=86400, immutable';

// Errors are short plain text: the address is an <img> source, nobody reads a page there.
function refuse(c: Context, status: ContentfulStatusCode, message: string): Response {
  return c.text(message, status, { 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; sandbox" });
}

// Conditional headers from the browser are forwarded upstream only when they are plausible validators.
function validator(value: string | undefined): string | undefined {
  return value && value.length <= 256 && !/[\r\n]/.test(value) ? value : undefined;
}

function failureStatus(outcome: Extract<FetchOutcome, { kind: 'failed' }>): ContentfulStatusCode {
  switch (outcome.reason) {
    case 'unsupported-content-type':
      return 415;
    case 'too-large':
      return 413;
    default:
      return 502;
  }
}

/** Registers the media proxy route. */
export function registerMediaShow(app: Hono, deps: WebDeps): void {
  app.get('/media/:sig', async (c) => {
    const proxy = deps.mediaProxy;
    if (!proxy) return c.notFound();
    const url = c.req.query('url');
    if (!url) return refuse(c, 400, 'media: missing url');
    if (!verifyMediaSignature(deps.secret, url, c.req.param('sig'))) return refuse(c, 403, 'media: bad signature');
    const outcome = await fetchImage(url, deps.pipeline?.fetch, {
      maxBytes: proxy.maxBytes,
      etag: validator(c.req.header('if-none-match')),
      lastModified: validator(c.req.header('if-modified-since')),
    });
    if (outcome.kind === 'not-modified') {
      return c.body(null, 304, { 'Cache-Control': CACHE_CONTROL });
    }
    if (outcome.kind === 'failed') {
      deps.log.info('media: upstream refused', { url, reason: outcome.reason, status: outcome.status, error: outcome.message });
      const status = failureStatus(outcome);
      return refuse(c, status, status === 502 ? `media: upstream failed (${outcome.reason})` : `media: ${outcome.message.replace(/^fetch: /, '')}`);
    }
    const type = outcome.imageType;
    if (!type) return refuse(c, 415, 'media: not a raster image');
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
      // Only Lede's own pages embed these; other sites do not get a free image relay.
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (outcome.etag) headers['ETag'] = outcome.etag;
    if (outcome.lastModified) headers['Last-Modified'] = outcome.lastModified;
    // A copy typed as backed by a plain ArrayBuffer, which Response bodies require.
    return c.body(new Uint8Array(outcome.bytes), 200, headers);
  });
}
