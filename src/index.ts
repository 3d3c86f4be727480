// The library API: what benchmarks and other programs import.
export { extractArticle } from './extract/extract-article.ts';
export type { ExtractOptions } from './extract/extract-article.ts';
export { summarize } from './summarize/summarize.ts';
export type { SummarizeOptions } from './summarize/summarize.ts';
export { parseFeed } from './fetch/parse-feed.ts';
export type { ParseFeedOptions } from './fetch/parse-feed.ts';
export { FeedParseError, LedeError } from './core/errors.ts';
export type {
  Author,
  ExtractedArticle,
  ExtractedArticle as Article,
  Feed,
  FeedEntry,
  ImageRef,
  Person,
  SummarizedArticle,
} from './core/records.ts';
