// The articles API: list, show, and react.
import type { Hono } from 'hono';
import { z } from 'zod';
import { articleToJson } from '../../core/article-json.ts';
import { LedeError } from '../../core/errors.ts';
import type { Source } from '../../core/records.ts';
import { castLimitedReaction, DEFAULT_VOTE_LIMITS, readReactions } from '../../pipeline/reactions.ts';
import { clientAddress, trustList } from '../../web/client-address.ts';
import { ensureReader, readReader } from '../../web/reader-identity.ts';
import { answerJson } from '../../web/conditional.ts';
import type { WebDeps } from '../../web/web-deps.ts';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  source: z.string().max(64).optional(),
});
const reactionBody = z.object({ reaction: z.string() });

/** Registers /api/articles routes. */
export function registerArticlesApi(app: Hono, deps: WebDeps): void {
  const proxies = trustList(deps.trustProxy ?? []);
  app.get('/api/articles', async (c) => {
    const q = listQuery.safeParse(c.req.query());
    if (!q.success) throw new LedeError('invalid-input', `api: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
    const [page, sources] = await Promise.all([
      deps.store.listArticles({ limit: q.data.limit, cursor: q.data.cursor, sourceId: q.data.source }),
      deps.store.listSources(),
    ]);
    const byId = new Map<string, Source>(sources.map((s) => [s.id, s]));
    return answerJson(c, {
      items: page.items.map((a) => articleToJson(a, a.sourceId ? byId.get(a.sourceId) : undefined)),
      nextCursor: page.nextCursor,
    });
  });

  app.get('/api/articles/:id', async (c) => {
    const article = await deps.store.getArticle(c.req.param('id'));
    if (!article) throw new LedeError('not-found', `api: no article with id ${c.req.param('id')}`);
    const source = article.sourceId ? await deps.store.getSource(article.sourceId) : undefined;
    // Voting through the API needs the reader cookie this answer issues, like the page's form.
    ensureReader(c, deps.secret);
    c.header('Cache-Control', 'private, no-cache');
    const { counts } = await readReactions(deps.store, deps.reactions, article.id, undefined);
    return answerJson(c, articleToJson(article, source, { reactions: counts }));
  });

  app.post('/api/articles/:id/reactions', async (c) => {
    const id = c.req.param('id');
    if (!(await deps.store.getArticle(id))) throw new LedeError('not-found', `api: no article with id ${id}`);
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new LedeError('invalid-input', 'api: send the reaction as application/json: {"reaction": "<id>"}');
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new LedeError('invalid-input', 'api: the request body is not valid JSON');
    }
    const parsed = reactionBody.safeParse(body);
    if (!parsed.success) throw new LedeError('invalid-input', 'api: expected {"reaction": "<id>"}');
    const readerId = readReader(c, deps.secret);
    if (!readerId) throw new LedeError('forbidden', `api: a vote needs the reader cookie that GET /api/articles/${id} sets`);
    await castLimitedReaction(
      deps.store,
      deps.reactions,
      { articleId: id, readerId, reaction: parsed.data.reaction, address: clientAddress(c, proxies) },
      deps.voteLimits ?? DEFAULT_VOTE_LIMITS,
    );
    const { counts } = await readReactions(deps.store, deps.reactions, id, readerId);
    return c.json({ reaction: parsed.data.reaction, reactions: counts }, 200);
  });
}
