// The write API, behind API tokens: add and delete sources, ingest and delete articles, reset a poll.
import type { Hono } from 'hono';
import { z } from 'zod';
import { articleToJson, sourceToJson } from '../../core/article-json.ts';
import { LedeError } from '../../core/errors.ts';
import { httpUrl } from '../../core/http-url.ts';
import { addSourceFromUrl, removeArticle, removeSource, resetPoll } from '../../pipeline/manage-sources.ts';
import { ingestUrl } from '../../pipeline/process-item.ts';
import type { WebDeps } from '../../web/web-deps.ts';
import { jsonBody, requireApiToken } from '../api-auth.ts';

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();
const webUrl = z.string().max(2048).refine((u) => httpUrl(u) !== undefined, 'must be an http(s) URL');
const newSourceBody = z.object({
  url: webUrl,
  name: optionalText(200),
  logoUrl: webUrl.optional(),
  email: z.string().email().max(254).optional(),
  description: optionalText(500),
  lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/).optional(),
});
const ingestBody = z.object({ url: webUrl, sourceId: z.string().max(64).optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new LedeError('invalid-input', `api: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** Registers the token-protected write routes. */
export function registerWriteApi(app: Hono, deps: WebDeps): void {
  const pipeline = () => {
    if (!deps.pipeline) throw new LedeError('invalid-input', 'api: this process cannot fetch (read-only web process)');
    return deps.pipeline;
  };

  app.post('/api/sources', async (c) => {
    await requireApiToken(c, deps.store);
    const body = parse(newSourceBody, await jsonBody(c));
    const { url, ...given } = body;
    const source = await addSourceFromUrl(url, { store: deps.store, fetch: pipeline().fetch }, given);
    return c.json(sourceToJson(source), 201);
  });

  app.delete('/api/sources/:id', async (c) => {
    await requireApiToken(c, deps.store);
    await removeSource(deps.store, c.req.param('id'));
    return c.body(null, 204);
  });

  app.post('/api/articles', async (c) => {
    await requireApiToken(c, deps.store);
    const body = parse(ingestBody, await jsonBody(c));
    const { article, created } = await ingestUrl(body.url, pipeline(), { sourceId: body.sourceId });
    const source = article.sourceId ? await deps.store.getSource(article.sourceId) : undefined;
    return c.json(articleToJson(article, source), created ? 201 : 200);
  });

  app.delete('/api/articles/:id', async (c) => {
    await requireApiToken(c, deps.store);
    await removeArticle(deps.store, c.req.param('id'));
    return c.body(null, 204);
  });

  app.delete('/api/articles/:id/reactions', async (c) => {
    await requireApiToken(c, deps.store);
    const removed = await resetPoll(deps.store, c.req.param('id'));
    return c.json({ removed });
  });
}
