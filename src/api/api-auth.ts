// Bearer tokens for the write API (`lede tokens create`): no cookie is accepted here, so a
// browser session can never be ridden cross-site into a write.
import type { Context } from 'hono';
import { LedeError } from '../core/errors.ts';
import { authenticateApiToken } from '../pipeline/admin-accounts.ts';
import type { ApiTokenInfo, Store } from '../store/store.ts';

/** The API token of the request; throws unauthorized (401) when it is missing, unknown or revoked. */
export async function requireApiToken(c: Context, store: Store): Promise<ApiTokenInfo> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new LedeError('unauthorized', 'api: this endpoint needs an API token: Authorization: Bearer <token> (create one with `lede tokens create`)');
  const token = await authenticateApiToken(store, match[1]);
  if (!token) throw new LedeError('unauthorized', 'api: the API token is not valid or has been revoked');
  return token;
}

/** The JSON body of a write request; throws invalid-input when it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new LedeError('invalid-input', 'api: send the request body as application/json');
  }
  try {
    return await c.req.json();
  } catch {
    throw new LedeError('invalid-input', 'api: the request body is not valid JSON');
  }
}
