// The dedupe keys of a feed entry: its key (id, else link), its canonical URL (the link without
// tracking parameters) and a hash of its normalized title and summary.
import { createHash } from 'node:crypto';
import type { FeedEntry } from '../core/records.ts';
import { stripTracking } from '../extract/canonical-url.ts';
import type { NewFeedEntry } from '../store/store.ts';

/** Keys longer than this are replaced by their hash (the queue's payloads cap keys at 2048). */
const MAX_KEY = 1000;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function normalize(text: string | undefined): string {
  return (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z0-9#]+;/gi, ' ')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

function httpUrl(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Hash of the normalized title and summary, or undefined when both are empty. */
export function contentHash(e: Pick<FeedEntry, 'title' | 'summary'>): string | undefined {
  const title = normalize(e.title);
  const summary = normalize(e.summary);
  if (!title && !summary) return undefined;
  return sha(`${title}\n${summary}`).slice(0, 32);
}

/** The entry as the store records it, or undefined when it has neither id, link nor text to know it by. */
export function entryForStore(e: FeedEntry): NewFeedEntry | undefined {
  const url = httpUrl(e.link);
  const hash = contentHash(e);
  const raw = e.id?.trim() || url || (hash ? `hash:${hash}` : undefined);
  if (!raw) return undefined;
  const entryKey = raw.length > MAX_KEY ? `sha256:${sha(raw)}` : raw;
  const title = e.title?.trim().slice(0, 500);
  const publishedAt = e.publishedAt ?? e.updatedAt;
  return {
    entryKey,
    ...(url ? { url, canonicalUrl: stripTracking(url) } : { skipReason: 'poll: entry has no link to fetch' }),
    ...(hash ? { contentHash: hash } : {}),
    ...(title ? { title } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}
