// GET / — the latest articles, rendered once per version of the listing and kept in the page cache.
import type { Hono } from 'hono';
import type { Source } from '../../core/records.ts';
import { answerWith, etagOf, httpDate } from '../conditional.ts';
import { DEFAULT_PAGE_CACHE_BYTES, PageCache, type Sized } from '../page-cache.ts';
import { renderDocument } from '../render-page.tsx';
import type { WebDeps } from '../web-deps.ts';
import { HomePage } from '../views/pages.tsx';

interface RenderedPage extends Sized {
  /** The page as UTF-8: encoded once, not on every response. */
  readonly html: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** Registers the home page route. */
export function registerHomeShow(app: Hono, deps: WebDeps): void {
  // Listing pages are few (the first page and whichever older pages readers open): a slice of the budget.
  const pages = new PageCache<RenderedPage>(Math.floor((deps.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES) / 8));
  app.get('/', async (c) => {
    const cursor = c.req.query('cursor') ?? null;
    const opts = { limit: 30, cursor };
    // A few short columns of the listed rows tell whether the kept page is current, in any process.
    const stamp = await deps.store.listStamp(opts);
    const page = await pages.getOrMake(cursor ?? '', stamp.version, async () => {
      const [list, sources] = await Promise.all([deps.store.listArticleHeads(opts), deps.store.listSources()]);
      const byId = new Map<string, Source>(sources.map((s) => [s.id, s]));
      const nextHref = list.nextCursor ? `/?cursor=${encodeURIComponent(list.nextCursor)}` : null;
      const html = await renderDocument(deps, <HomePage articles={list.items} sources={byId} nextHref={nextHref} />);
      const bytes = new Uint8Array(Buffer.from(html));
      return { html: bytes, etag: etagOf(html), bytes: bytes.byteLength };
    });
    // Last-Modified: the newest change among the listed articles. It moves with every article added
    // or updated on the page; a deletion or a renamed source does not move it, and then only the
    // ETag (which browsers send first, and which wins: conditional.ts) tells the page changed.
    return answerWith(c, { etag: page.etag, lastModified: httpDate(stamp.updatedAt) }, () => page.html, 'text/html; charset=UTF-8');
  });
}
