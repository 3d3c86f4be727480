// The `lede export` file: JSON Lines, a header line, one line per record (TransferRecord of the
// store port), and an end line with the count of each type, so a file cut short is refused
// rather than imported in part. Each line type has a strict zod schema; nested JSON values
// (authors, images, summary method, job payloads) are checked for the fields Lede reads and may
// carry more, which an import keeps as they are.
import { z } from 'zod';
import { TRANSFER_TYPES, type TransferCounts, type TransferRecord } from '../store/transfer-store.ts';

/** The header's `type`. */
export const EXPORT_FORMAT = 'lede-export';
/** The end line's `type`. */
export const EXPORT_END = 'lede-export-end';
/** The version this code writes and reads. */
export const EXPORT_VERSION = 1;

/** The first line of an export. */
export interface ExportHeader {
  readonly type: typeof EXPORT_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
}

/** The last line of an export. */
export interface ExportEnd {
  readonly type: typeof EXPORT_END;
  readonly counts: TransferCounts;
}

const text = z.string();
const maybe = z.string().nullable();
const count = z.number().int().nonnegative();
const key = z.string().min(1);

const author = z.looseObject({ name: z.string(), email: z.string().optional(), outlet: z.string().optional() });
const image = z.looseObject({
  url: z.string(),
  caption: z.string().optional(),
  credit: z.string().optional(),
  alt: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});
const summaryMethod = z.union([
  z.looseObject({ kind: z.literal('extractive'), fallback: z.string().optional() }),
  z.looseObject({ kind: z.literal('llm'), model: z.string() }),
]);

/** The header line's schema. */
export const headerSchema = z.strictObject({ type: z.literal(EXPORT_FORMAT), version: z.number().int(), exportedAt: z.string() });

/** The end line's schema. */
export const endSchema = z.strictObject({
  type: z.literal(EXPORT_END),
  counts: z.strictObject(Object.fromEntries(TRANSFER_TYPES.map((t) => [t, count])) as Record<(typeof TRANSFER_TYPES)[number], typeof count>),
});

/** One schema per record type; each checks a whole line. */
export const RECORD_SCHEMAS: Readonly<Record<TransferRecord['type'], z.ZodType>> = {
  source: z.strictObject({
    type: z.literal('source'),
    id: key,
    name: text,
    homepageUrl: maybe,
    feedUrl: maybe,
    logoUrl: maybe,
    email: maybe,
    description: maybe,
    lang: maybe,
    createdAt: text,
    lastCheckedAt: maybe,
    nextCheckAt: maybe,
    lastError: maybe,
    errorCount: count,
    etag: maybe,
    lastModified: maybe,
    pollIntervalMinutes: z.number().nonnegative().nullable(),
    retryAfterUntil: maybe,
    lastSuccessAt: maybe,
  }),
  article: z.strictObject({
    type: z.literal('article'),
    id: key,
    sourceId: z.string().nullable(),
    url: text,
    canonicalUrl: key,
    title: text,
    deck: z.array(z.string()),
    authors: z.array(author),
    summary: z.array(z.string()),
    summaryMethod: summaryMethod.nullable(),
    publishedAt: maybe,
    modifiedAt: maybe,
    siteName: maybe,
    lang: maybe,
    excerpt: maybe,
    // Exports made before teasers were marked have no such field.
    partial: z.boolean().default(false),
    leadImage: image.nullable(),
    images: z.array(image),
    contentHtml: text,
    text,
    fetchedAt: text,
    updatedAt: text,
    sortAt: text,
  }),
  'feed-entry': z.strictObject({
    type: z.literal('feed-entry'),
    sourceId: key,
    entryKey: key,
    articleId: z.string().nullable(),
    seenAt: text,
    url: maybe,
    canonicalUrl: maybe,
    contentHash: maybe,
    title: maybe,
    publishedAt: maybe,
    state: z.enum(['queued', 'done', 'failed', 'skipped']),
    attempts: count,
    error: maybe,
    updatedAt: maybe,
  }),
  reaction: z.strictObject({ type: z.literal('reaction'), articleId: key, readerId: key, reaction: key, createdAt: text, updatedAt: text }),
  job: z.strictObject({
    type: z.literal('job'),
    id: key,
    name: key,
    data: z.record(z.string(), z.unknown()),
    state: z.enum(['queued', 'active', 'failed']),
    singletonKey: maybe,
    runAfter: text,
    attempts: count,
    retryLimit: count,
    retryDelaySeconds: count,
    lockedUntil: maybe,
    lockedBy: maybe,
    lastError: maybe,
    createdAt: text,
    updatedAt: text,
  }),
  admin: z.strictObject({ type: z.literal('admin'), id: key, email: key, passwordHash: key, createdAt: text }),
  'api-token': z.strictObject({ type: z.literal('api-token'), id: key, name: text, tokenHash: key, createdAt: text, lastUsedAt: maybe, revokedAt: maybe }),
};

/** The first problem zod found, as "field title: expected string, received number". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `missing field "${path}"`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return path ? `field "${path}": ${issue.message}` : issue.message;
}
