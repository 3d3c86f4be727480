// Lists of articles (home page, source page): source, headline, summary and time per article.
import { articlePath, sourcePath } from '../../core/article-json.ts';
import type { Source } from '../../core/records.ts';
import type { ArticleHead } from '../../store/store.ts';
import { Time } from './layout.tsx';

/** A list of article cards, newest first, with an "older" link when there are more. */
export function ArticleList(props: {
  articles: readonly ArticleHead[];
  sources: ReadonlyMap<string, Source>;
  nextHref?: string | null;
}) {
  if (props.articles.length === 0) {
    return <p class="empty">No articles yet. Add a source with <code>lede sources add URL</code> or ingest one with <code>lede ingest URL</code>.</p>;
  }
  return (
    <>
      <ol class="article-list">
        {props.articles.map((a) => {
          const source = a.sourceId ? props.sources.get(a.sourceId) : undefined;
          return (
            <li class="card" lang={a.lang}>
              <p class="source">
                {source ? <a href={sourcePath(source.id)}>{source.name}</a> : (a.siteName ?? new URL(a.canonicalUrl).hostname)}
                {' · '}
                <Time iso={a.publishedAt ?? a.fetchedAt} lang={a.lang} />
              </p>
              <h2>
                <a href={articlePath(a.id)}>{a.title}</a>
              </h2>
              <ul class="summary">
                {a.summary.map((s) => (
                  <li>{s}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {props.nextHref ? (
        <p class="pager">
          <a href={props.nextHref} rel="next">
            Older articles
          </a>
        </p>
      ) : null}
    </>
  );
}
