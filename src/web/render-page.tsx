// Renders a page element with the display settings every view reads (the time zone, image addresses).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { answer } from './conditional.ts';
import { mediaProxyUrl } from './media-proxy.ts';
import { renderWith } from './views/layout.tsx';
import type { WebDeps } from './web-deps.ts';

/** The page as a whole HTML document. */
export async function renderDocument(deps: WebDeps, page: Child): Promise<string> {
  const mediaUrl = deps.mediaProxy ? (url: string) => mediaProxyUrl(deps.secret, url) : (url: string) => url;
  const html = renderWith({ timeZone: deps.timeZone ?? 'UTC', mediaUrl }, page);
  return `<!DOCTYPE html>${html}`;
}

/** Answers with the page as HTML; `lastModified` (an HTTP date) when the page has a meaningful one. */
export async function renderPage(c: Context, deps: WebDeps, page: Child, status: ContentfulStatusCode = 200, lastModified?: string): Promise<Response> {
  return answer(c, await renderDocument(deps, page), 'text/html; charset=UTF-8', status, lastModified);
}
