// The library API: what benchmarks and other programs import. Loading it applies Lede's memory
// policy to the program, as the CLI does (core/memory-policy.ts; LEDE_HEAP_GROWING_PERCENT=0
// leaves the program's own).
import { applyMemoryPolicy } from './core/memory-policy.ts';

const refused = applyMemoryPolicy();
if (refused) throw new Error(`lede: ${refused}`);

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
