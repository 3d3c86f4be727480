// POST /articles/:id/reactions — the poll form (works without JavaScript).
import type { Context, Hono } from 'hono';
import { forbidden } from '../../api/http-errors.ts';
import { castLimitedReaction, DEFAULT_VOTE_LIMITS } from '../../pipeline/reactions.ts';
import { clientAddress, trustList } from '../client-address.ts';
import { checkCsrf, readReader } from '../reader-identity.ts';
import type { WebDeps } from '../web-deps.ts';
import { HttpErrorResponse } from '../http-error-response.ts';

/**
 * The form's fields. The poll posts application/x-www-form-urlencoded, read here with
 * URLSearchParams: hono's parseBody goes through a Fetch Response's formData(), several times
 * slower (issue #6). Anything else (multipart) still goes through parseBody.
 */
async function readForm(c: Context): Promise<Record<string, unknown>> {
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    const params = new URLSearchParams(await c.req.text());
    return { csrf: params.get('csrf') ?? undefined, reaction: params.get('reaction') ?? undefined };
  }
  return c.req.parseBody();
}

/** Registers the poll form's target. */
export function registerReactionCreate(app: Hono, deps: WebDeps): void {
  const proxies = trustList(deps.trustProxy ?? []);
  app.post('/articles/:id/reactions', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const readerId = readReader(c, deps.secret);
    // The signed cookie is set by the article page; a form posted without it, or with another
    // reader's token, did not come from that page.
    if (!readerId || !checkCsrf(deps.secret, readerId, form.csrf)) {
      throw new HttpErrorResponse(forbidden('Your vote could not be checked. Reload the article and vote again.'));
    }
    await castLimitedReaction(
      deps.store,
      deps.reactions,
      { articleId: id, readerId, reaction: form.reaction, address: clientAddress(c, proxies) },
      deps.voteLimits ?? DEFAULT_VOTE_LIMITS,
    );
    return c.redirect(`/articles/${encodeURIComponent(id)}#poll`, 303);
  });
}
