// OPML subscription lists in and out of the store: import without fetching any feed (validated
// whole before the first write), export of every source that has a feed.
import { normalizeLanguageTag } from '../core/language-tag.ts';
import type { Source } from '../core/records.ts';
import { generateOpml, parseOpml, type OpmlSkip } from '../fetch/opml.ts';
import type { NewSource, Store } from '../store/store.ts';

/** How an OPML import treated one feed. */
export type ImportStatus = 'new' | 'updated' | 'unchanged';

/** What importOpml did: each feed's source and status, and the outlines left out. */
export interface OpmlImport {
  readonly sources: readonly { readonly source: Source; readonly status: ImportStatus }[];
  readonly skipped: readonly OpmlSkip[];
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

/**
 * Imports an OPML subscription list without fetching any feed: each one is created, or updated
 * by feed URL (importing twice changes nothing; fields the file lacks, and the logo and email,
 * are kept). The whole file is parsed and checked before the first write: an invalid one throws
 * LedeError('invalid-input', 'opml: …') and writes nothing.
 */
export async function importOpml(body: string | Uint8Array, store: Store): Promise<OpmlImport> {
  const doc = parseOpml(body);
  const byFeed = new Map((await store.listSources()).flatMap((s) => (s.feedUrl ? [[s.feedUrl, s] as const] : [])));
  const plan = doc.feeds.map((f) => {
    const lang = normalizeLanguageTag(f.language);
    const old = byFeed.get(f.feedUrl);
    if (!old) {
      const source: NewSource = { name: f.title ?? hostOf(f.homepageUrl ?? f.feedUrl), feedUrl: f.feedUrl, homepageUrl: f.homepageUrl, description: f.description, lang };
      return { status: 'new' as const, source };
    }
    const source: NewSource = {
      id: old.id,
      feedUrl: old.feedUrl,
      logoUrl: old.logoUrl,
      email: old.email,
      name: f.title ?? old.name,
      homepageUrl: f.homepageUrl ?? old.homepageUrl,
      description: f.description ?? old.description,
      lang: lang ?? old.lang,
    };
    const same = source.name === old.name && source.homepageUrl === old.homepageUrl && source.description === old.description && source.lang === old.lang;
    return { status: same ? ('unchanged' as const) : ('updated' as const), source, old };
  });
  // One upsert per feed: the store has no multi-source transaction, so only a store failure
  // (not a bad file, checked above) can stop an import half-way; running it again completes it.
  const sources: { source: Source; status: ImportStatus }[] = [];
  for (const p of plan) {
    sources.push({ status: p.status, source: p.status === 'unchanged' && p.old ? p.old : await store.upsertSource(p.source) });
  }
  return { sources, skipped: doc.skipped };
}

/** Writes every source that has a feed as an OPML 2.0 subscription list; `withoutFeed` counts the others. */
export async function exportOpml(store: Store, now = new Date()): Promise<{ opml: string; exported: number; withoutFeed: number }> {
  const all = await store.listSources();
  const entries = all.flatMap((s) => (s.feedUrl ? [{ name: s.name, feedUrl: s.feedUrl, homepageUrl: s.homepageUrl, description: s.description, lang: s.lang }] : []));
  return { opml: generateOpml(entries, { title: 'Lede sources', dateCreated: now }), exported: entries.length, withoutFeed: all.length - entries.length };
}
