// The publisher card: logo, name, contact email and one-line description.
import type { Source } from '../../core/records.ts';
import { sourcePath } from '../../core/article-json.ts';
import { httpUrl } from '../../core/http-url.ts';
import { display } from './layout.tsx';

/** A publisher as the card shows it, from a source or, lacking one, the page's site name. */
export interface Publisher {
  id?: string;
  name: string;
  logoUrl?: string;
  email?: string;
  description?: string;
  homepageUrl?: string;
}

/** Builds the publisher shown for an article. */
export function publisherOf(source: Source | undefined, siteName: string | undefined, url: string): Publisher {
  if (source) return { ...source };
  return { name: siteName || new URL(url).hostname, homepageUrl: new URL(url).origin };
}

/** The publisher card. */
export function PublisherCard(props: { publisher: Publisher; headingLevel?: 2 | 1 }) {
  const p = props.publisher;
  const { mediaUrl } = display();
  // Only http(s) addresses become links and images, whatever a source's feed claimed.
  const logoUrl = httpUrl(p.logoUrl);
  const homepageUrl = httpUrl(p.homepageUrl);
  const name = p.id ? <a href={sourcePath(p.id)}>{p.name}</a> : p.name;
  return (
    <section class="publisher" data-part="publisher" aria-label="Publisher">
      {logoUrl ? <img class="logo" src={mediaUrl(logoUrl)} alt={p.name} loading="lazy" /> : null}
      <div>
        {props.headingLevel === 1 ? <h1 class="name">{name}</h1> : <p class="name">{name}</p>}
        {p.email ? (
          <p class="email">
            <a href={`mailto:${p.email}`}>{p.email}</a>
          </p>
        ) : null}
        {p.description ? <p class="description">{p.description}</p> : null}
        {homepageUrl ? (
          <p class="homepage">
            <a href={homepageUrl} rel="noopener noreferrer">
              {homepageUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}
