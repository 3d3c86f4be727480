// Renders a page element with the display settings every view reads (the time zone, image addresses).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { mediaProxyUrl } from './media-proxy.ts';
import { DisplayContext } from './views/layout.tsx';
import type { WebDeps } from './web-deps.ts';

/** Answers with the page as HTML. */
export function renderPage(c: Context, deps: WebDeps, page: Child, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  const mediaUrl = deps.mediaProxy ? (url: string) => mediaProxyUrl(deps.secret, url) : (url: string) => url;
  return c.html(<DisplayContext.Provider value={{ timeZone: deps.timeZone ?? 'UTC', mediaUrl }}>{page}</DisplayContext.Provider>, status);
}
