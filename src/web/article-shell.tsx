// The article page without its poll: the same bytes for every reader of one version of the
// article, so it is rendered once and kept in the page cache, and each request only renders the
// reader's poll and puts it in its place (issue #6: a page served from the cache costs a string
// concatenation, not a render).
import { createHash } from 'node:crypto';
import { raw } from 'hono/html';
import { LedeError } from '../core/errors.ts';
import type { Sized } from './page-cache.ts';
import { renderDocument } from './render-page.tsx';
import { withCounts } from '../store/store.ts';
import { ArticlePage } from './views/article-page.tsx';
import { PollSection } from './views/poll.tsx';
import { publisherOf } from './views/publisher-card.tsx';
import type { WebDeps } from './web-deps.ts';

// Where the poll goes. Everything after it in the page is the layout's own markup (the footer),
// so its last occurrence is the slot even if an article's body held the same text.
const POLL_SLOT = '<!--lede:poll-->';

/** A rendered article page around the slot of its poll. */
export interface ArticleShell extends Sized {
  /** The page up to the poll, as UTF-8 (a response then needs no encoding of the whole page). */
  readonly before: Buffer;
  /** The page after the poll, as UTF-8. */
  readonly after: Buffer;
  /** A hash of before and after: with the poll's bytes, it makes the page's ETag. */
  readonly hash: string;
  /** The poll of a reader who has not voted (no counts), around the place of their CSRF token. */
  readonly blankPoll: readonly [string, string];
}

// Stands for the CSRF token in the blank poll: letters only, so escaping leaves it as it is.
const CSRF_SLOT = 'ledecsrfslot';

/** The whole page with `poll` in its place. */
export function pageWith(shell: ArticleShell, poll: string): Uint8Array<ArrayBuffer> {
  const middle = Buffer.from(poll);
  // Buffer.concat allocates an ordinary (never shared) ArrayBuffer.
  return Buffer.concat([shell.before, middle, shell.after], shell.before.length + middle.length + shell.after.length) as Uint8Array<ArrayBuffer>;
}

/** The poll of a reader who has not voted, with the token put in: the same bytes as PollSection renders. */
export function blankPollOf(shell: ArticleShell, csrf: string): string {
  return shell.blankPoll[0] + csrf + shell.blankPoll[1];
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
  const before = Buffer.from(html.slice(0, at));
  const after = Buffer.from(html.slice(at + POLL_SLOT.length));
  const hash = createHash('sha1').update(before).update('\u0000').update(after).digest('base64url');
  const blank = await (<PollSection model={{ articleId: id, reactions: withCounts(deps.reactions, {}), csrf: CSRF_SLOT }} />).toString();
  const slot = blank.indexOf(CSRF_SLOT);
  const blankPoll = [blank.slice(0, slot), blank.slice(slot + CSRF_SLOT.length)] as const;
  return { before, after, hash, blankPoll, bytes: before.length + after.length + Buffer.byteLength(blank) };
}
