// The article page: source, summary, headline, deck, body with photos, byline, publisher, poll,
// in that order, each part marked with data-part for tests and themes. The poll is the reader's own
// (poll.tsx) and comes in as a child, so the rest can be rendered once for every reader.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { httpUrl } from '../../core/http-url.ts';
import type { ImageRef, StoredArticle, SummaryMethod } from '../../core/records.ts';
import { rewriteImageSources } from '../media-proxy.ts';
import { display, Layout, Time } from './layout.tsx';
import { type Publisher, PublisherCard } from './publisher-card.tsx';

/** What the article page shows of the article and its publisher (the same for every reader). */
export interface ArticlePageModel {
  article: StoredArticle;
  publisher: Publisher;
}

/** The small print under the summary saying how it was made. */
export function summaryNote(method: SummaryMethod | undefined): string {
  if (method?.kind === 'llm') return `Summary: AI, model ${method.model}`;
  return method?.pending ? 'Summary: automatic, extractive (the AI summary is on its way)' : 'Summary: automatic, extractive';
}

/** Marks each photo figure of the (already sanitized) body for tests and themes. */
function markPhotos(html: string): string {
  return html.replace(/<figure>/g, '<figure data-part="photo">');
}

function Photo(props: { image: ImageRef }) {
  const { image } = props;
  const { mediaUrl } = display();
  const src = httpUrl(image.url);
  if (!src) return null;
  return (
    <figure data-part="photo">
      <img src={mediaUrl(src)} alt={image.alt ?? image.caption ?? ''} loading="lazy" />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption}
          {image.credit ? <cite>{image.credit}</cite> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Byline(props: { article: StoredArticle; publisher: Publisher }) {
  const { authors } = props.article;
  if (authors.length === 0) return null;
  return (
    <address class="byline" data-part="byline">
      {authors.map((a, i) => (
        <span class="author">
          {i > 0 ? ', ' : ''}
          <span class="name">{a.name}</span>
          {a.outlet ? <span class="outlet"> · {a.outlet}</span> : null}
          {a.email ? (
            <>
              {' '}
              <a class="email" href={`mailto:${a.email}`}>
                {a.email}
              </a>
            </>
          ) : null}
        </span>
      ))}
    </address>
  );
}

/** Renders the article page. */
export function ArticlePage(props: { model: ArticlePageModel; /** The reader's poll (PollSection). */ poll: Child }) {
  const { article, publisher } = props.model;
  const showLead = article.leadImage && article.images.length === 0 && !article.contentHtml.includes('<img');
  const { mediaUrl } = display();
  const original = httpUrl(article.canonicalUrl) ?? httpUrl(article.url);
  return (
    <Layout title={article.title} lang={article.lang} description={article.summary[0]}>
      <article class="article" lang={article.lang}>
        <p class="source" data-part="source">
          {publisher.id ? <a href={`/sources/${publisher.id}`}>{publisher.name}</a> : publisher.name}
          {' · '}
          <Time iso={article.publishedAt} lang={article.lang} />
        </p>
        <section class="summary-box" aria-label="Summary">
          <ul class="summary" data-part="summary">
            {article.summary.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
          <p class="summary-note">{summaryNote(article.summaryMethod)}</p>
        </section>
        <h1 data-part="headline">{article.title}</h1>
        {article.deck.length > 0 ? (
          <div class="deck">
            {article.deck.map((d) => (
              <p class="deck-line" data-part="deck">
                {d}
              </p>
            ))}
          </div>
        ) : null}
        {showLead && article.leadImage ? <Photo image={article.leadImage} /> : null}
        <div class="body" data-part="body">
          {raw(rewriteImageSources(markPhotos(article.contentHtml), mediaUrl))}
          {article.partial ? (
            <p class="partial" data-part="partial">
              This is the start of the article: {publisher.name} shows the rest to its subscribers.{' '}
              {original ? (
                <a href={original} rel="noopener noreferrer">
                  Read the rest at {publisher.name}
                </a>
              ) : null}
            </p>
          ) : null}
        </div>
        <Byline article={article} publisher={publisher} />
        {original && !article.partial ? (
          <p class="original">
            <a href={original} rel="noopener noreferrer">
              Read the original at {publisher.name}
            </a>
          </p>
        ) : null}
      </article>
      <PublisherCard publisher={publisher} />
      {props.poll}
    </Layout>
  );
}
