// GET /articles/:id — the article page: the cached page of the article's current version
// (article-shell.tsx) with this reader's poll put in.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { LedeError } from '../../core/errors.ts';
import { withCounts } from '../../store/store.ts';
import { type ArticleShell, blankPollOf, pageWith, renderArticleShell } from '../article-shell.tsx';
import { answerWith, httpDate } from '../conditional.ts';
import { DEFAULT_PAGE_CACHE_BYTES, PageCache } from '../page-cache.ts';
import { csrfToken, issueReader, readReader } from '../reader-identity.ts';
import type { WebDeps } from '../web-deps.ts';
import { PollSection } from '../views/poll.tsx';

/** Registers the article page route. */
export function registerArticleShow(app: Hono, deps: WebDeps): void {
  const shells = new PageCache<ArticleShell>(deps.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES);
  app.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const known = readReader(c, deps.secret);
    // One query tells whether the kept page is current and what this reader chose.
    const stamp = await deps.store.articleStamp(id, known);
    if (!stamp) throw new LedeError('not-found', `There is no article with id ${id}.`);
    const readerId = known ?? issueReader(c, deps.secret);
    // Counts are shown only to a reader who voted, and then read fresh: right after their own vote.
    // A kept page is taken without an await (the common case); a missing one is rendered meanwhile.
    const countsRead = stamp.chosen ? deps.store.reactionCounts(id) : undefined;
    countsRead?.catch(() => {}); // awaited below; handled here in case rendering fails first
    const shell = shells.get(id, stamp.version) ?? (await shells.getOrMake(id, stamp.version, () => renderArticleShell(deps, id)));
    const counts = countsRead && (await countsRead);
    const csrf = csrfToken(deps.secret, readerId);
    const poll = counts
      ? await (<PollSection model={{ articleId: id, reactions: withCounts(deps.reactions, counts), chosen: stamp.chosen, csrf }} />).toString()
      : blankPollOf(shell, csrf);
    c.header('Cache-Control', 'private, no-cache');
    // Last-Modified only while the page changes only with the article: not once the reader's
    // counts show (other readers' votes change them), and not with a cookie issued just now (a
    // copy cached before would carry another reader's CSRF token).
    const lastModified = known && !stamp.chosen ? httpDate(stamp.updatedAt) : undefined;
    const etag = `W/"${createHash('sha1').update(shell.hash).update(poll).digest('base64url')}"`;
    return answerWith(c, { etag, lastModified }, () => pageWith(shell, poll), 'text/html; charset=UTF-8');
  });
}
