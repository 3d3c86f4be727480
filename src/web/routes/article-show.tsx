// GET /articles/:id — the article page.
import type { Hono } from 'hono';
import { LedeError } from '../../core/errors.ts';
import { readReactions } from '../../pipeline/reactions.ts';
import { csrfToken, ensureReader } from '../reader-identity.ts';
import { renderPage } from '../render-page.tsx';
import type { WebDeps } from '../web-deps.ts';
import { ArticlePage } from '../views/article-page.tsx';
import { publisherOf } from '../views/publisher-card.tsx';

/** Registers the article page route. */
export function registerArticleShow(app: Hono, deps: WebDeps): void {
  app.get('/articles/:id', async (c) => {
    const article = await deps.store.getArticle(c.req.param('id'));
    if (!article) throw new LedeError('not-found', `There is no article with id ${c.req.param('id')}.`);
    const source = article.sourceId ? await deps.store.getSource(article.sourceId) : undefined;
    const readerId = ensureReader(c, deps.secret);
    const { counts, chosen } = await readReactions(deps.store, deps.reactions, article.id, readerId);
    c.header('Cache-Control', 'private, no-cache');
    return renderPage(
      c,
      deps,
      <ArticlePage
        model={{
          article,
          publisher: publisherOf(source, article.siteName, article.canonicalUrl),
          reactions: counts,
          chosen,
          csrf: csrfToken(deps.secret, readerId),
        }}
      />,
    );
  });
}
