// Export and import against the real databases: SQLite → JSONL → PostgreSQL → JSONL → SQLite
// with every field, votes and poll state; bad files leave the target exactly as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SummarizedArticle } from '../core/records.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { exportLines, importExport } from './transfer.ts';
import { dropSchemas, PG_URL, pgReachable } from '../store/postgres/pg-test-support.ts';

const pgSchema = `lede_transfer_${process.pid}_${Date.now().toString(36)}`;

async function exportText(store: Store, credentials = true): Promise<string> {
  let out = '';
  for await (const chunk of exportLines(store, { credentials })) out += chunk;
  return out;
}
const body = (text: string) => text.split('\n').slice(1).join('\n');
const linesOf = (text: string) => () => (async function* () { yield* text.split('\n'); })();

function article(n: number, extra: Partial<SummarizedArticle> = {}): SummarizedArticle {
  return {
    url: `https://news.example/a/${n}?utm_source=x`,
    canonicalUrl: `https://news.example/a/${n}`,
    title: `Headline ${n} 한국어`,
    deck: [`Deck ${n}`, 'Second deck'],
    authors: [{ name: 'Jane Doe', email: 'jane@news.example', outlet: 'Daily' }],
    publishedAt: n % 3 === 0 ? undefined : new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    modifiedAt: '2026-01-02T03:04:05.678Z',
    siteName: 'News',
    excerpt: 'An excerpt',
    leadImage: n % 2 ? { url: 'https://news.example/lead.jpg', alt: 'Lead', width: 640, height: 480 } : undefined,
    images: [{ url: 'https://news.example/p.png', caption: 'A cat', credit: 'Photo: X' }],
    contentHtml: '<p>Body "quoted" \u2028 emoji 🐈</p>',
    text: 'Body',
    summary: ['One.', 'Two.', 'Three.'],
    summaryMethod: n % 2 ? { kind: 'llm', model: 'qwen2.5:7b' } : { kind: 'extractive', fallback: 'llm-timeout' },
    lang: 'en',
    ...extra,
  };
}

/** A SQLite install with sources (one polled, one failing), articles, entries of every state, votes, a job, an admin and a token. */
async function seed(store: Store): Promise<void> {
  const a = await store.addSource({ name: 'Harbor', feedUrl: 'https://harbor.example/feed.xml', homepageUrl: 'https://harbor.example/', lang: 'en' });
  const b = await store.addSource({ id: 'hanbit', name: '한빛일보', feedUrl: 'https://hanbit.example/rss.xml', email: 'desk@hanbit.example', description: 'Daily' });
  await store.addSource({ name: 'No feed', homepageUrl: 'https://site.example/' });
  const ids: string[] = [];
  for (let n = 0; n < 12; n++) {
    const { article: saved } = await store.saveArticle(article(n, n % 4 === 1 ? { partial: true } : {}), { sourceId: n % 2 ? a.id : b.id, entryKey: `guid-${n}` });
    ids.push(saved.id);
  }
  await store.saveArticle(article(99), { sourceId: null });
  await store.recordFeedPoll(
    a.id,
    [
      { entryKey: 'new-1', url: 'https://harbor.example/new-1', canonicalUrl: 'https://harbor.example/new-1', contentHash: 'h1', title: 'New one', publishedAt: '2026-02-01T00:00:00.000Z' },
      { entryKey: 'nolink', title: 'No link', skipReason: 'poll: entry without a link' },
    ],
    { checkedAt: '2026-02-01T00:00:00.000Z', nextCheckAt: '2026-02-01T00:30:00.000Z', error: null, etag: '"abc"', lastModified: 'Sun, 01 Feb 2026 00:00:00 GMT', intervalMinutes: 37.5 },
    { job: (key) => ({ name: 'fetch-article', data: { sourceId: a.id, entryKey: key }, singletonKey: `${a.id}:${key}`, retryLimit: 3, retryDelaySeconds: 30 }) },
  );
  await store.markFeedEntry(b.id, 'guid-0', { state: 'failed', error: 'fetch: 500', attempt: true });
  await store.recordSourceCheck(b.id, { checkedAt: '2026-02-01T00:00:00.000Z', nextCheckAt: '2026-02-01T01:00:00.000Z', error: 'fetch: 503', retryAfterUntil: '2026-02-01T00:10:00.000Z' });
  for (let r = 0; r < 30; r++) await store.setReaction(ids[r % ids.length]!, `reader-${r}`, r % 3 ? 'informative' : 'sad');
  await store.setReaction(ids[0]!, 'reader-0', 'angry'); // a changed vote
  const admin = await store.createAdmin('ed@news.example', 'scrypt$hash');
  await store.createSession('sessionhash', admin.id, '2099-01-01T00:00:00.000Z');
  await store.createApiToken('ci', 'tokenhash');
}

describe('lede export / import', { skip: pgReachable ? undefined : `no PostgreSQL at ${PG_URL} (set LEDE_TEST_DATABASE_URL)` }, () => {
  let sqlite: Store;
  let postgres: Store;
  let first = '';
  before(async () => {
    sqlite = openSqliteStore(':memory:');
    await sqlite.migrate();
    await seed(sqlite);
    postgres = openPostgresStore({ connectionString: PG_URL, schema: pgSchema });
    await postgres.migrate();
    first = await exportText(sqlite);
  });
  after(async () => {
    await sqlite?.close();
    await postgres?.close();
    await dropSchemas(pgSchema);
  });

  it('should write a header, every record type and an end line with the counts', () => {
    const lines = first.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; counts?: Record<string, number>; version?: number });
    assert.equal(lines[0]!.type, 'lede-export');
    assert.equal(lines[0]!.version, 1);
    const types = lines.slice(1, -1).map((l) => l.type);
    assert.deepEqual([...new Set(types)], ['source', 'article', 'feed-entry', 'reaction', 'job', 'admin', 'api-token']);
    assert.deepEqual(lines.at(-1), { type: 'lede-export-end', counts: { source: 3, article: 13, 'feed-entry': 14, reaction: 30, job: 1, admin: 1, 'api-token': 1 } });
    assert.ok(!first.includes('sessionhash'), 'sessions are not exported');
  });

  it('should leave credentials out unless asked', async () => {
    const text = await exportText(sqlite, false);
    assert.ok(!text.includes('"type":"admin"') && !text.includes('tokenhash'));
  });

  it('should import SQLite into PostgreSQL and export the same records again', async () => {
    const outcome = await importExport(postgres, linesOf(first));
    assert.equal(outcome.counts.article, 13);
    assert.equal(body(await exportText(postgres)), body(first));
  });

  it('should keep articles, votes and poll state usable after the move', async () => {
    const [a, b] = await Promise.all([sqlite.listArticles({ limit: 100 }), postgres.listArticles({ limit: 100 })]);
    assert.deepEqual(b.items, a.items, 'same articles in the same newest-first order');
    const id = a.items[0]!.id;
    assert.deepEqual(await postgres.reactionCounts(id), await sqlite.reactionCounts(id));
    const changed = (await sqlite.listArticles({ limit: 100 })).items.find((x) => x.canonicalUrl.endsWith('/a/0'))!.id;
    assert.equal(await postgres.readerReaction(changed, 'reader-0'), 'angry');
    await postgres.setReaction(changed, 'reader-0', 'sad'); // changing a vote after the move
    assert.equal(await postgres.readerReaction(changed, 'reader-0'), 'sad');
    await postgres.setReaction(changed, 'reader-0', 'angry');
    assert.deepEqual(await postgres.listSources(), await sqlite.listSources());
    assert.deepEqual(await postgres.feedEntryCounts(), await sqlite.feedEntryCounts());
    const harbor = (await postgres.listSources()).find((s) => s.name === 'Harbor')!;
    const again = await postgres.recordFeedPoll(harbor.id, [{ entryKey: 'new-1', url: 'https://harbor.example/new-1' }, { entryKey: 'guid-1' }], { checkedAt: '2026-02-02T00:00:00.000Z', nextCheckAt: '2026-02-02T00:30:00.000Z', error: null });
    assert.deepEqual(again.queued, [], 'entries seen before the move are not queued again');
    assert.ok(await postgres.useApiToken('tokenhash', '2026-02-02T00:00:00.000Z'));
  });

  it('should import PostgreSQL back into a new SQLite store with the same records', async () => {
    const fromPg = await exportText(postgres);
    const back = openSqliteStore(':memory:');
    try {
      await back.migrate();
      await importExport(back, linesOf(fromPg));
      const text = await exportText(back);
      assert.equal(body(text), body(fromPg));
    } finally {
      await back.close();
    }
  });

  it('should refuse a store that holds data unless merging, and merge without duplicates', async () => {
    const before = await exportText(postgres);
    await assert.rejects(importExport(postgres, linesOf(first)), (e: Error) => /not empty \(sources, articles, feed_entries, reactions, jobs, admins, api_tokens\).*--merge/.test(e.message));
    await importExport(postgres, linesOf(before), { merge: true });
    await importExport(postgres, linesOf(before), { merge: true });
    assert.equal(body(await exportText(postgres)), body(before));
  });

  const lines = () => first.trimEnd().split('\n');
  const replaceLine = (type: string, edit: (r: Record<string, unknown>) => unknown) => {
    const all = lines();
    const i = all.findIndex((l) => l.includes(`"type":"${type}"`));
    all[i] = String(edit(JSON.parse(all[i]!) as Record<string, unknown>));
    return { text: all.join('\n'), line: i + 1 };
  };
  const BAD: { name: string; make: () => { text: string; line: number }; expected: RegExp }[] = [
    { name: 'a line that is not JSON', make: () => replaceLine('article', (r) => JSON.stringify(r).slice(0, -5)), expected: /not valid JSON/ },
    { name: 'a wrong type', make: () => replaceLine('reaction', (r) => JSON.stringify({ ...r, reaction: 5 })), expected: /reaction: field "reaction": .*expected string/i },
    { name: 'a missing field', make: () => replaceLine('article', (r) => JSON.stringify({ ...r, title: undefined })), expected: /article: missing field "title"/ },
    { name: 'an unknown record type', make: () => replaceLine('job', (r) => JSON.stringify({ ...r, type: 'jobz' })), expected: /unknown record type "jobz"/ },
    { name: 'a reference to a source not in the file', make: () => replaceLine('feed-entry', (r) => JSON.stringify({ ...r, sourceId: 'nowhere' })), expected: /feed-entry refers to source "nowhere", which no earlier line holds/ },
    {
      name: 'a file cut short',
      make: () => {
        const all = lines();
        return { text: all.slice(0, -1).join('\n'), line: all.length - 1 };
      },
      expected: /ends without its end line/,
    },
    { name: 'counts that do not match', make: () => replaceLine('lede-export-end', (r) => JSON.stringify({ ...r, counts: { ...(r.counts as object), reaction: 31 } })), expected: /end line counts 31 reaction records, the file holds 30/ },
  ];
  for (const c of BAD) {
    it(`should refuse ${c.name} with its line number and change nothing`, async () => {
      const target = openSqliteStore(':memory:');
      try {
        await target.migrate();
        await target.addSource({ id: 'keep', name: 'Kept' });
        const beforeText = await exportText(target);
        const { text, line } = c.make();
        await assert.rejects(importExport(target, linesOf(text), { merge: true }), (e: Error) => {
          assert.match(e.message, new RegExp(`^import: line ${line}: `));
          assert.match(e.message, c.expected);
          return true;
        });
        assert.equal(body(await exportText(target)), body(beforeText));
      } finally {
        await target.close();
      }
    });
  }

  it('should carry teasers over, and read an export made before teasers were marked as whole articles', async () => {
    assert.equal(lines().filter((l) => l.includes('"type":"article"') && l.includes('"partial":true')).length, 3);
    const target = openSqliteStore(':memory:');
    try {
      await target.migrate();
      const old = lines().map((l) => (l.includes('"type":"article"') ? JSON.stringify({ ...(JSON.parse(l) as object), partial: undefined }) : l));
      await importExport(target, linesOf(old.join('\n')));
      const items = (await target.listArticles({ limit: 100 })).items;
      assert.equal(items.length, 13);
      assert.ok(items.every((a) => a.partial === undefined));
    } finally {
      await target.close();
    }
  });

  it('should roll back everything when the database refuses a row half-way', async () => {
    // Valid file, but its second article takes a canonical URL the store already has under another id.
    const target = openSqliteStore(':memory:');
    try {
      await target.migrate();
      const all = lines();
      const articles = all.filter((l) => l.includes('"type":"article"'));
      const taken = JSON.parse(articles[1]!) as { canonicalUrl: string };
      const src = await target.addSource({ id: 'other', name: 'Other' });
      await target.saveArticle(article(5000, { canonicalUrl: taken.canonicalUrl }), { sourceId: src.id });
      const beforeText = await exportText(target);
      await assert.rejects(importExport(target, linesOf(first), { merge: true }), /store: import failed, nothing was written/);
      assert.equal(body(await exportText(target)), body(beforeText));
    } finally {
      await target.close();
    }
  });
});
