// The admin pages: sign-in, sources with their health, articles with their polls, API tokens (the
// job queues are in admin-jobs-page.tsx).
// Everything shown from a source is text, escaped by the templates.
import { articlePath, sourcePath } from '../../core/article-json.ts';
import type { Source, StoredArticle } from '../../core/records.ts';
import type { ApiTokenInfo, SourceStats } from '../../store/store.ts';
import type { Child } from 'hono/jsx';
import { Layout, Time } from './layout.tsx';

/** A POST button with the session's CSRF token. */
function ActionButton(props: { action: string; csrf: string; label: string; confirm?: boolean; name?: string }) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="csrf" value={props.csrf} />
      <button type="submit" class={props.confirm ? 'danger' : undefined} data-action={props.name ?? props.label.toLowerCase()}>
        {props.label}
      </button>
    </form>
  );
}

/** The frame of every admin page: tabs, the signed-in admin, sign-out, title and notice. */
export function AdminFrame(props: { title: string; email: string; csrf: string; current: 'sources' | 'articles' | 'jobs' | 'tokens'; notice?: string; children: Child }) {
  const tabs = [
    ['sources', '/admin', 'Sources'],
    ['articles', '/admin/articles', 'Articles and polls'],
    ['jobs', '/admin/jobs', 'Jobs'],
    ['tokens', '/admin/tokens', 'API tokens'],
  ] as const;
  return (
    <Layout title={`${props.title} · Lede admin`}>
      <nav class="admin-nav" aria-label="Admin">
        {tabs.map(([id, href, label]) => (
          <a href={href} aria-current={id === props.current ? 'page' : undefined}>
            {label}
          </a>
        ))}
        <span class="who">{props.email}</span>
        <ActionButton action="/admin/logout" csrf={props.csrf} label="Sign out" name="sign-out" />
      </nav>
      <h1 class="page-title">{props.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}

/** The sign-in form. */
export function LoginPage(props: { csrf: string; email?: string; error?: string }) {
  return (
    <Layout title="Sign in · Lede admin">
      <section class="login">
        <h1 class="page-title">Sign in</h1>
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/admin/login">
          <input type="hidden" name="csrf" value={props.csrf} />
          <p>
            <label>
              Email <input type="email" name="email" value={props.email ?? ''} autocomplete="username" required />
            </label>
          </p>
          <p>
            <label>
              Password <input type="password" name="password" autocomplete="current-password" required />
            </label>
          </p>
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
        <p class="poll-note">
          Create an admin on the server with <code>lede admin create you@example.org</code>.
        </p>
      </section>
    </Layout>
  );
}

/** Sources with their health, and the form to add one. */
export function AdminSourcesPage(props: {
  email: string;
  csrf: string;
  sources: readonly Source[];
  stats: ReadonlyMap<string, SourceStats>;
  notice?: string;
}) {
  return (
    <AdminFrame title="Sources" email={props.email} csrf={props.csrf} current="sources" notice={props.notice}>
      <form method="post" action="/admin/sources" class="add-source">
        <input type="hidden" name="csrf" value={props.csrf} />
        <label>
          Feed or site URL <input type="url" name="url" required placeholder="https://publisher.example/" />
        </label>{' '}
        <label>
          Name <input type="text" name="name" placeholder="(from the feed)" />
        </label>{' '}
        <button type="submit">Add source</button>
      </form>
      {props.sources.length === 0 ? <p class="empty">No sources yet.</p> : null}
      <table class="sources admin">
        <thead>
          <tr>
            <th scope="col">Publisher</th>
            <th scope="col">Last check</th>
            <th scope="col">Status</th>
            <th scope="col">Next check</th>
            <th scope="col">Articles (per day)</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((s) => {
            const st = props.stats.get(s.id);
            return (
              <tr data-source={s.id}>
                <td>
                  <a href={sourcePath(s.id)}>{s.name}</a>
                  <br />
                  <small>{s.feedUrl ?? 'no feed'}</small>
                </td>
                <td>
                  <Time iso={s.lastCheckedAt} />
                </td>
                <td data-status={s.lastError ? 'error' : s.lastCheckedAt ? 'ok' : 'new'}>
                  {s.lastError ? (
                    <span class="error">
                      {s.lastError}
                      {st && st.errorCount > 1 ? ` (${st.errorCount} times in a row)` : ''}
                    </span>
                  ) : s.lastCheckedAt ? (
                    'OK'
                  ) : (
                    'Not checked yet'
                  )}
                </td>
                <td>
                  <Time iso={s.nextCheckAt} />
                </td>
                <td>
                  {st?.articles ?? 0} ({st?.articlesPerDay ?? 0})
                </td>
                <td>
                  <ActionButton action={`/admin/sources/${s.id}/check`} csrf={props.csrf} label="Check now" name="check" />
                  <ActionButton action={`/admin/sources/${s.id}/delete`} csrf={props.csrf} label="Delete" confirm name="delete" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </AdminFrame>
  );
}

/** Recent articles with their poll totals. */
export function AdminArticlesPage(props: {
  email: string;
  csrf: string;
  articles: readonly { article: StoredArticle; votes: number }[];
  nextHref: string | null;
  notice?: string;
}) {
  return (
    <AdminFrame title="Articles and polls" email={props.email} csrf={props.csrf} current="articles" notice={props.notice}>
      {props.articles.length === 0 ? <p class="empty">No articles yet.</p> : null}
      <table class="admin">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Stored</th>
            <th scope="col">Votes</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.articles.map(({ article, votes }) => (
            <tr data-article={article.id}>
              <td>
                <a href={articlePath(article.id)}>{article.title}</a>
              </td>
              <td>
                <Time iso={article.fetchedAt} />
              </td>
              <td>{votes}</td>
              <td>
                <ActionButton action={`/admin/articles/${article.id}/reactions/reset`} csrf={props.csrf} label="Reset poll" name="reset-poll" />
                <ActionButton action={`/admin/articles/${article.id}/delete`} csrf={props.csrf} label="Delete" confirm name="delete" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.nextHref ? (
        <p class="pager">
          <a href={props.nextHref}>Older articles</a>
        </p>
      ) : null}
    </AdminFrame>
  );
}

/** API tokens: create (the secret is shown once) and revoke. */
export function AdminTokensPage(props: { email: string; csrf: string; tokens: readonly ApiTokenInfo[]; created?: string; notice?: string }) {
  return (
    <AdminFrame title="API tokens" email={props.email} csrf={props.csrf} current="tokens" notice={props.notice}>
      {props.created ? (
        <p class="notice" role="status">
          New token (shown once, copy it now): <code data-token>{props.created}</code>
        </p>
      ) : null}
      <form method="post" action="/admin/tokens" class="add-source">
        <input type="hidden" name="csrf" value={props.csrf} />
        <label>
          Name <input type="text" name="name" required maxlength={100} placeholder="newsroom CMS" />
        </label>{' '}
        <button type="submit">Create token</button>
      </form>
      <table class="admin">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((t) => (
            <tr data-token-id={t.id}>
              <td>{t.name}</td>
              <td>
                <Time iso={t.createdAt} />
              </td>
              <td>{t.lastUsedAt ? <Time iso={t.lastUsedAt} /> : 'never'}</td>
              <td>{t.revokedAt ? 'revoked' : <ActionButton action={`/admin/tokens/${t.id}/revoke`} csrf={props.csrf} label="Revoke" confirm name="revoke" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminFrame>
  );
}
