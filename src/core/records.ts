// The typed records that flow between pipeline stages. Stages return new records and never
// mutate their input, so every field is read-only.

/** A person named by a feed (author, contributor). */
export interface Person {
  readonly name?: string;
  readonly email?: string;
  readonly url?: string;
}

/** A reporter credited on an article. */
export interface Author {
  readonly name: string;
  readonly email?: string;
  /** Outlet named in the reporter line, when the byline names one ("Hankyung.com"). */
  readonly outlet?: string;
}

/** A photo of an article, with its caption and credit kept apart. */
export interface ImageRef {
  /** Absolute URL. */
  readonly url: string;
  readonly caption?: string;
  /** Photo credit without its label: "Hankyung DB" for "photo=Hankyung DB". */
  readonly credit?: string;
  readonly alt?: string;
  readonly width?: number;
  readonly height?: number;
}

/** What the extract stage makes of one HTML page. */
export interface ExtractedArticle {
  /** The URL the page was fetched from (after redirects). */
  readonly url: string;
  /** rel=canonical / og:url when present and same-site, else `url`; tracking parameters stripped. */
  readonly canonicalUrl: string;
  readonly title: string;
  /** Sub-headlines, in order; empty when the original has none. */
  readonly deck: readonly string[];
  readonly authors: readonly Author[];
  /** ISO 8601 at the offset the page wrote ("2024-05-01T10:20:00.000+09:00"), UTC ("…Z") when it wrote none: the day is the one the page printed. */
  readonly publishedAt?: string;
  /** ISO 8601, at the page's offset as publishedAt. */
  readonly modifiedAt?: string;
  readonly siteName?: string;
  /**
   * BCP 47 language tag. extractArticle gives the one the page declares (or the caller's hint);
   * the pipeline's language step detects it from the text when the page declares none.
   */
  readonly lang?: string;
  /** Short description from the page's metadata. */
  readonly excerpt?: string;
  readonly leadImage?: ImageRef;
  /** Every photo of the body, each once, in document order. */
  readonly images: readonly ImageRef[];
  /** Sanitized body HTML (no scripts, no event handlers, absolute URLs). */
  readonly contentHtml: string;
  /**
   * Plain text of the body, paragraphs separated by blank lines. Photo captions and credits are
   * not in it: they are on the images and, once, in the figures of contentHtml.
   */
  readonly text: string;
  /** True when the page holds only the start of the article and says so (a teaser or a paywall): the rest is at the publisher. */
  readonly partial?: boolean;
}

/** How a summary was made: by the offline extractive summarizer, or by a language model. */
export type SummaryMethod =
  | {
      readonly kind: 'extractive';
      /** Why a configured language model was not used (its error code). */
      readonly fallback?: string;
      /** The model's summary is on its way (a 'summarize' job); the offline one stands in meanwhile. */
      readonly pending?: boolean;
    }
  | { readonly kind: 'llm'; readonly model: string };

/** An extracted article with its summary bullets. */
export interface SummarizedArticle extends ExtractedArticle {
  readonly summary: readonly string[];
  /** Absent on articles stored before summaries recorded their method (treated as extractive). */
  readonly summaryMethod?: SummaryMethod;
}

/** A publisher Lede takes articles from. */
export interface Source {
  readonly id: string;
  readonly name: string;
  readonly homepageUrl?: string;
  readonly feedUrl?: string;
  readonly logoUrl?: string;
  readonly email?: string;
  readonly description?: string;
  readonly lang?: string;
  readonly createdAt: string;
  readonly lastCheckedAt?: string;
  readonly nextCheckAt?: string;
  readonly lastError?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Failed checks in a row (0 after a good one). */
  readonly errorCount?: number;
  /** The interval of the current schedule, adapted to how often the source publishes. */
  readonly pollIntervalMinutes?: number;
  /** No fetch before this time: the source answered 429/503 with Retry-After. */
  readonly retryAfterUntil?: string;
  /** The last check without an error. */
  readonly lastSuccessAt?: string;
}

/** A reaction readers can pick in the poll. */
export interface ReactionChoice {
  readonly id: string;
  readonly label: string;
}

/** A reaction with its current count. */
export interface ReactionCount extends ReactionChoice {
  readonly count: number;
}

/** An article as stored and served. */
export interface StoredArticle extends SummarizedArticle {
  readonly id: string;
  readonly sourceId: string | null;
  readonly fetchedAt: string;
  readonly updatedAt: string;
}

/** A feed, parsed from RSS 0.9x/1.0/2.0, Atom, RDF or JSON Feed. */
export interface Feed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title?: string;
  readonly link?: string;
  readonly description?: string;
  readonly language?: string;
  readonly imageUrl?: string;
  readonly authors: readonly Person[];
  /** ISO 8601, UTC. */
  readonly updatedAt?: string;
  /** How long a poller may wait before asking again, in minutes: RSS `<ttl>`, or `sy:updatePeriod` / `sy:updateFrequency`. */
  readonly ttlMinutes?: number;
  readonly entries: readonly FeedEntry[];
}

/** One entry of a feed. */
export interface FeedEntry {
  readonly id?: string;
  readonly title?: string;
  readonly link?: string;
  /** ISO 8601, UTC. */
  readonly publishedAt?: string;
  /** ISO 8601, UTC. */
  readonly updatedAt?: string;
  readonly authors: readonly Person[];
  readonly summary?: string;
  readonly contentHtml?: string;
  readonly categories: readonly string[];
  readonly enclosures: readonly { readonly url: string; readonly type?: string; readonly length?: number }[];
  readonly imageUrl?: string;
}

/** Why a fetch failed: a stable reason code. */
export type FetchFailureReason =
  | 'invalid-url'
  | 'blocked-address'
  | 'dns-failed'
  | 'connect-failed'
  | 'timeout'
  | 'too-many-redirects'
  | 'too-large'
  | 'http-error'
  | 'unsupported-content-type'
  | 'network-error';

/** The outcome of fetching one URL. */
export type FetchOutcome =
  | {
      readonly kind: 'fetched';
      /** The URL asked for. */
      readonly requestedUrl: string;
      /** The URL after redirects. */
      readonly url: string;
      readonly status: number;
      /** Media type without parameters, lower-cased ("text/html"). */
      readonly contentType: string;
      /** Body decoded to text with the detected charset. */
      readonly body: string;
      /** The raw bytes (feeds are parsed from bytes so their XML declaration can name the charset). */
      readonly bytes: Uint8Array;
      /** WHATWG encoding name used to decode the body ("utf-8", "euc-kr"). */
      readonly charset: string;
      readonly etag?: string;
      readonly lastModified?: string;
      /** Cache-Control max-age of the response, in seconds. */
      readonly maxAgeSeconds?: number;
    }
  | { readonly kind: 'not-modified'; readonly url: string; readonly maxAgeSeconds?: number }
  | {
      readonly kind: 'failed';
      readonly url: string;
      readonly reason: FetchFailureReason;
      /** HTTP status for 'http-error'. */
      readonly status?: number;
      /** Retry-After of a 429 or 503 answer, in seconds. */
      readonly retryAfterSeconds?: number;
      /** One-line human message, prefixed with the module ("fetch: …"). */
      readonly message: string;
    };
