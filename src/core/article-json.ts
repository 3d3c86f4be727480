// The public JSON shape of an article, shared by the API and `lede ingest --json`.
import type { Author, ImageRef, ReactionCount, Source, StoredArticle, SummaryMethod } from './records.ts';

/** A source as the API shows it. */
export interface SourceJson {
  id: string;
  name: string;
  homepageUrl: string | null;
  feedUrl: string | null;
  logoUrl: string | null;
  email: string | null;
  description: string | null;
  lang: string | null;
  path: string;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  lastError: string | null;
}

/** An article as the API shows it. */
export interface ArticleJson {
  id: string;
  path: string;
  url: string;
  source: SourceJson | null;
  title: string;
  deck: readonly string[];
  summary: readonly string[];
  /** How the summary was made. */
  summaryMethod: SummaryMethod;
  authors: readonly Author[];
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  lang: string | null;
  leadImage: ImageRef | null;
  images: readonly ImageRef[];
  /** True when the publisher's page held only the start of the article (a teaser or a paywall); the rest is at `url`. */
  partial: boolean;
  contentHtml?: string;
  text?: string;
  reactions?: readonly ReactionCount[];
}

/** The reader page path of an article. */
export const articlePath = (id: string): string => `/articles/${encodeURIComponent(id)}`;
/** The page path of a source. */
export const sourcePath = (id: string): string => `/sources/${encodeURIComponent(id)}`;

/** Converts a source to its JSON shape. */
export function sourceToJson(s: Source): SourceJson {
  return {
    id: s.id,
    name: s.name,
    homepageUrl: s.homepageUrl ?? null,
    feedUrl: s.feedUrl ?? null,
    logoUrl: s.logoUrl ?? null,
    email: s.email ?? null,
    description: s.description ?? null,
    lang: s.lang ?? null,
    path: sourcePath(s.id),
    lastCheckedAt: s.lastCheckedAt ?? null,
    nextCheckAt: s.nextCheckAt ?? null,
    lastError: s.lastError ?? null,
  };
}

/** Converts an article to its JSON shape; `full` adds the body and the reactions. */
export function articleToJson(
  a: StoredArticle,
  source: Source | undefined,
  extra?: { reactions: readonly ReactionCount[] },
): ArticleJson {
  const json: ArticleJson = {
    id: a.id,
    path: articlePath(a.id),
    url: a.canonicalUrl,
    source: source ? sourceToJson(source) : null,
    title: a.title,
    deck: a.deck,
    summary: a.summary,
    summaryMethod: a.summaryMethod ?? { kind: 'extractive' },
    authors: a.authors,
    publishedAt: a.publishedAt ?? null,
    modifiedAt: a.modifiedAt ?? null,
    siteName: a.siteName ?? null,
    lang: a.lang ?? null,
    leadImage: a.leadImage ?? null,
    images: a.images,
    partial: a.partial === true,
  };
  if (extra) {
    json.contentHtml = a.contentHtml;
    json.text = a.text;
    json.reactions = extra.reactions;
  }
  return json;
}
