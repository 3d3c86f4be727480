// Seeding for `npm run bench:serve`: the loopback demo publisher is ingested through the real CLI
// (`lede sources add` + `lede poll`), then each ingested article is copied under other URLs,
// titles and dates through the store API, so the home page lists a realistic number of articles.
import { register } from 'tsx/esm/api';
import { runLede } from './processes.mjs';

register(); // the store and the fixture site are TypeScript

/** Starts the demo publisher site on a free loopback port. */
export async function startFixture() {
  const { startFixtureSite } = await import('../../src/demo/fixture-site.ts');
  return startFixtureSite();
}

/** Opens the backend's store directly (the CLI and `lede start` use the same settings). */
async function openStore(backend) {
  if (backend.databaseUrl) {
    const { openPostgresStore } = await import('../../src/store/postgres/postgres-store.ts');
    return openPostgresStore({ connectionString: backend.databaseUrl, schema: backend.schema, maxConnections: 4 });
  }
  const { openSqliteStore } = await import('../../src/store/sqlite/sqlite-store.ts');
  return openSqliteStore(`${backend.dataDir}/lede.sqlite`);
}

/**
 * Ingests the fixture site's two publishers into the backend and adds copies until there are
 * `total` articles. Returns the ingested originals (with bodies) and the article count.
 */
export async function seed(backend, siteUrl, total) {
  for (const path of ['/harbor/', '/hanbit/']) await runLede(['sources', 'add', `${siteUrl}${path}`], backend.env);
  const polled = await runLede(['poll'], backend.env);
  const store = await openStore(backend);
  try {
    const listed = (await store.listArticles({ limit: 100 })).items;
    if (listed.length === 0) throw new Error(`lede poll ingested nothing:\n${polled}`);
    const originals = [];
    for (const a of listed) originals.push(await store.getArticle(a.id));
    let count = originals.length;
    for (let n = 1; count < total; n++) {
      for (const a of originals) {
        if (count >= total) break;
        const { id: _id, sourceId, fetchedAt: _f, updatedAt: _u, ...content } = a;
        const hoursBack = n * 5 + count;
        const publishedAt = new Date(Date.parse(a.publishedAt ?? '2026-11-25T00:00:00Z') - hoursBack * 3600_000).toISOString();
        await store.saveArticle(
          {
            ...content,
            url: `${a.url}-${n}`,
            canonicalUrl: `${a.canonicalUrl}-${n}`,
            title: `${a.title} (${n === 1 ? 'earlier' : `update ${n}`})`,
            publishedAt,
            modifiedAt: publishedAt,
          },
          { sourceId },
        );
        count++;
      }
    }
    return { originals, count, polled: polled.trim() };
  } finally {
    await store.close();
  }
}
