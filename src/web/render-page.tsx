// Renders a page element with the display settings every view reads (the time zone, image addresses).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { answer } from './conditional.ts';
import { mediaProxyUrl } from './media-proxy.ts';
import { DisplayContext } from './views/layout.tsx';
import type { WebDeps } from './web-deps.ts';

/** Answers with the page as HTML. */
export async function renderPage(c: Context, deps: WebDeps, page: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  const mediaUrl = deps.mediaProxy ? (url: string) => mediaProxyUrl(deps.secret, url) : (url: string) => url;
  const html = await (<DisplayContext.Provider value={{ timeZone: deps.timeZone ?? 'UTC', mediaUrl }}>{page}</DisplayContext.Provider>).toString();
  return answer(c, `<!DOCTYPE html>${html}`, 'text/html; charset=UTF-8', status);
}
