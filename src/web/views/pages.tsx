// The home, source, sources and error pages.
import { sourcePath } from '../../core/article-json.ts';
import type { Source } from '../../core/records.ts';
import type { ArticleHead } from '../../store/store.ts';
import { ArticleList } from './article-list.tsx';
import { Layout, Time } from './layout.tsx';
import { PublisherCard } from './publisher-card.tsx';

/** The home page: the latest articles. */
export function HomePage(props: { articles: readonly ArticleHead[]; sources: ReadonlyMap<string, Source>; nextHref: string | null }) {
  return (
    <Layout title="Lede: latest news">
      <h1 class="page-title">Latest</h1>
      <ArticleList articles={props.articles} sources={props.sources} nextHref={props.nextHref} />
    </Layout>
  );
}

/** A source's page: its publisher card and its articles. */
export function SourcePage(props: { source: Source; articles: readonly ArticleHead[]; nextHref: string | null }) {
  const sources = new Map([[props.source.id, props.source]]);
  return (
    <Layout title={`${props.source.name} on Lede`} lang={props.source.lang}>
      <PublisherCard publisher={props.source} headingLevel={1} />
      <ArticleList articles={props.articles} sources={sources} nextHref={props.nextHref} />
    </Layout>
  );
}

/** Every source with its health. */
export function SourcesPage(props: { sources: readonly Source[] }) {
  return (
    <Layout title="Sources on Lede">
      <h1 class="page-title">Sources</h1>
      {props.sources.length === 0 ? <p class="empty">No sources yet. Add one with <code>lede sources add URL</code>.</p> : null}
      <table class="sources">
        <thead>
          <tr>
            <th scope="col">Publisher</th>
            <th scope="col">Last checked</th>
            <th scope="col">Next check</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((s) => (
            <tr>
              <td>
                <a href={sourcePath(s.id)}>{s.name}</a>
              </td>
              <td>
                <Time iso={s.lastCheckedAt} />
              </td>
              <td>
                <Time iso={s.nextCheckAt} />
              </td>
              <td>{s.lastError ? <span class="error">{s.lastError}</span> : s.lastCheckedAt ? 'OK' : 'Not checked yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** A readable error page. */
export function ErrorPage(props: { status: number; title: string; message: string }) {
  return (
    <Layout title={`${props.status} ${props.title}`}>
      <section class="error-page">
        <h1>{props.title}</h1>
        <p>{props.message}</p>
        {props.status === 401 ? (
          <p>
            <a href="/admin/login">Sign in</a>
          </p>
        ) : null}
        <p>
          <a href="/">Back to the latest articles</a>
        </p>
      </section>
    </Layout>
  );
}
