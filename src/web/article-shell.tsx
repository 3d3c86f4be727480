// The article page without its poll: the same bytes for every reader of one version of the
// article, so it is rendered once and kept in the page cache, and each request only renders the
// reader's poll and puts it in its place (issue #6: a page served from the cache costs a string
// concatenation, not a render).
import { createHash } from 'node:crypto';
import { raw } from 'hono/html';
import { LedeError } from '../core/errors.ts';
import type { Sized } from './page-cache.ts';
import { renderDocument } from './render-page.tsx';
import { ArticlePage } from './views/article-page.tsx';
import { publisherOf } from './views/publisher-card.tsx';
import type { WebDeps } from './web-deps.ts';

// Where the poll goes. Everything after it in the page is the layout's own markup (the footer),
// so its last occurrence is the slot even if an article's body held the same text.
const POLL_SLOT = '<!--lede:poll-->';

/** A rendered article page around the slot of its poll. */
export interface ArticleShell extends Sized {
  /** The page up to the poll. */
  readonly before: string;
  /** The page after the poll. */
  readonly after: string;
  /** A hash of before and after: with the poll's bytes, it makes the page's ETag. */
  readonly hash: string;
}

/** Reads the article and its source and renders the page around an empty poll slot. */
export async function renderArticleShell(deps: WebDeps, id: string): Promise<ArticleShell> {
  const article = await deps.store.getArticle(id);
  // Deleted between the request's first read and this one.
  if (!article) throw new LedeError('not-found', `There is no article with id ${id}.`);
  const source = article.sourceId ? await deps.store.getSource(article.sourceId) : undefined;
  const html = await renderDocument(
    deps,
    <ArticlePage model={{ article, publisher: publisherOf(source, article.siteName, article.canonicalUrl) }} poll={raw(POLL_SLOT)} />,
  );
  const at = html.lastIndexOf(POLL_SLOT);
  const before = html.slice(0, at);
  const after = html.slice(at + POLL_SLOT.length);
  const hash = createHash('sha1').update(before).update('\u0000').update(after).digest('base64url');
  return { before, after, hash, bytes: Buffer.byteLength(before) + Buffer.byteLength(after) };
}
