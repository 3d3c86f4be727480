// The sources API.
import type { Hono } from 'hono';
import { sourceToJson } from '../../core/article-json.ts';
import { LedeError } from '../../core/errors.ts';
import { answerJson } from '../../web/conditional.ts';
import type { WebDeps } from '../../web/web-deps.ts';

/** Registers /api/sources routes. */
export function registerSourcesApi(app: Hono, deps: WebDeps): void {
  app.get('/api/sources', async (c) => answerJson(c, { items: (await deps.store.listSources()).map(sourceToJson) }));
  app.get('/api/sources/:id', async (c) => {
    const source = await deps.store.getSource(c.req.param('id'));
    if (!source) throw new LedeError('not-found', `api: no source with id ${c.req.param('id')}`);
    return answerJson(c, sourceToJson(source));
  });
}
