// Adding and removing sources and articles: one function each for the CLI, the admin pages and
// the write API.
import { LedeError } from '../core/errors.ts';
import type { Source } from '../core/records.ts';
import type { NewSource, Store } from '../store/store.ts';
import { discoverSource } from './discover-source.ts';
import type { FetchSettings } from './process-item.ts';

/** Finds the feed behind a feed or site URL and adds it as a source; conflict when it is already one. */
export async function addSourceFromUrl(
  url: string,
  deps: { store: Store; fetch: FetchSettings },
  given: Partial<NewSource> = {},
): Promise<Source> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new LedeError('invalid-input', `sources: "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new LedeError('invalid-input', `sources: "${url}" is not an http(s) URL`);
  }
  const found = await discoverSource(parsed.href, deps.fetch, given);
  return deps.store.addSource(found);
}

/** Deletes a source (its articles stay); not-found when there is none. */
export async function removeSource(store: Store, id: string): Promise<void> {
  if (!(await store.deleteSource(id))) throw new LedeError('not-found', `sources: no source with id ${id}`);
}

/** Deletes an article with its reactions; not-found when there is none. */
export async function removeArticle(store: Store, id: string): Promise<void> {
  if (!(await store.deleteArticle(id))) throw new LedeError('not-found', `articles: no article with id ${id}`);
}

/** Resets an article's poll; not-found when there is no such article. */
export async function resetPoll(store: Store, articleId: string): Promise<number> {
  if (!(await store.getArticle(articleId))) throw new LedeError('not-found', `reactions: no article with id ${articleId}`);
  return store.clearReactions(articleId);
}
