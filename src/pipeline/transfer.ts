// Moving a whole install between stores (SQLite to PostgreSQL and back): `exportLines` writes
// the JSONL file of transfer-format.ts a page at a time, and `importExport` checks a whole file
// before it writes anything, then writes it in one transaction of the store. The file is read
// twice, line by line, so neither pass holds more than the ids that later lines may refer to.
import { LedeError } from '../core/errors.ts';
import { TRANSFER_TYPES, type TransferCounts, type TransferRecord, type TransferStore } from '../store/transfer-store.ts';
import { describeIssue, EXPORT_END, EXPORT_FORMAT, EXPORT_VERSION, endSchema, headerSchema, RECORD_SCHEMAS, type ExportEnd, type ExportHeader } from './transfer-format.ts';

/** Lines of a file, in order, without their line ends (a fresh iterable per call). */
export type LineSource = () => AsyncIterable<string>;

const zeroCounts = (): TransferCounts => Object.fromEntries(TRANSFER_TYPES.map((t) => [t, 0])) as TransferCounts;

/**
 * The export of `store` as JSONL chunks of about 64 kB (each ends with a newline): the header,
 * every record, and the end line with the counts. `counts` is filled in as records go by.
 */
export async function* exportLines(
  store: TransferStore,
  opts: { credentials?: boolean; now?: Date; counts?: TransferCounts } = {},
): AsyncIterable<string> {
  const counts = opts.counts ?? zeroCounts();
  const header: ExportHeader = { type: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: (opts.now ?? new Date()).toISOString() };
  let chunk = JSON.stringify(header) + '\n';
  for await (const record of store.exportRecords({ credentials: opts.credentials })) {
    counts[record.type]++;
    chunk += JSON.stringify(record) + '\n';
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  const end: ExportEnd = { type: EXPORT_END, counts };
  yield chunk + JSON.stringify(end) + '\n';
}

function invalid(line: number, message: string): LedeError {
  return new LedeError('invalid-input', `import: line ${line}: ${message}`);
}

function parseJson(line: number, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (e) {
    throw invalid(line, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * The records of an export file, each checked as it is read: the header first (this version),
 * a schema per type, no key twice, references only to records of earlier lines (so a file holds
 * all it needs and writes in order), and the end line last with the right counts. The first
 * problem throws LedeError('invalid-input', 'import: line N: …').
 */
export async function* readRecords(lines: AsyncIterable<string>): AsyncIterable<TransferRecord> {
  const sources = new Set<string>();
  const articles = new Set<string>();
  const canonicalUrls = new Set<string>();
  // Keys of the other types, to refuse a record given twice (an upsert would silently keep one).
  const seen = new Set<string>();
  const counts = zeroCounts();
  let n = 0;
  let header = false;
  let end: ExportEnd | undefined;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    if (end) throw invalid(n, 'a line after the end line');
    const value = parseJson(n, raw);
    const type = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
    if (!header) {
      if (type !== EXPORT_FORMAT) throw invalid(n, `not a Lede export (the first line must be {"type":"${EXPORT_FORMAT}",…})`);
      const h = headerSchema.safeParse(value);
      if (!h.success) throw invalid(n, `header: ${describeIssue(h.error)}`);
      if (h.data.version !== EXPORT_VERSION) throw invalid(n, `export version ${h.data.version} is not supported (this Lede reads version ${EXPORT_VERSION})`);
      header = true;
      continue;
    }
    if (type === EXPORT_END) {
      const e = endSchema.safeParse(value);
      if (!e.success) throw invalid(n, `end line: ${describeIssue(e.error)}`);
      for (const t of TRANSFER_TYPES) {
        if (e.data.counts[t] !== counts[t]) throw invalid(n, `the end line counts ${e.data.counts[t]} ${t} records, the file holds ${counts[t]}`);
      }
      end = e.data as ExportEnd;
      continue;
    }
    if (typeof type !== 'string' || !(type in RECORD_SCHEMAS)) {
      throw invalid(n, type === undefined ? 'a record without a "type"' : `unknown record type ${JSON.stringify(type)}`);
    }
    const parsed = RECORD_SCHEMAS[type as TransferRecord['type']].safeParse(value);
    if (!parsed.success) throw invalid(n, `${type}: ${describeIssue(parsed.error)}`);
    // The line as read, not zod's copy: fields of nested values Lede does not know stay as they are.
    const record = value as TransferRecord;
    checkRecord(n, record, { sources, articles, canonicalUrls, seen });
    counts[record.type]++;
    yield record;
  }
  if (!header) throw invalid(n, 'the file is empty');
  if (!end) throw invalid(n, `the file ends without its end line ({"type":"${EXPORT_END}",…}): an export cut short?`);
}

/** Refuses a record whose key came before or whose references do not. */
function checkRecord(
  n: number,
  r: TransferRecord,
  known: { sources: Set<string>; articles: Set<string>; canonicalUrls: Set<string>; seen: Set<string> },
): void {
  const refers = (what: string, id: string, ids: Set<string>) => {
    if (!ids.has(id)) throw invalid(n, `${r.type} refers to ${what} ${JSON.stringify(id)}, which no earlier line holds`);
  };
  const once = (set: Set<string>, k: string, what: string) => {
    if (set.has(k)) throw invalid(n, `${r.type} ${what} is given twice`);
    set.add(k);
  };
  switch (r.type) {
    case 'source':
      once(known.sources, r.id, JSON.stringify(r.id));
      return;
    case 'article':
      if (r.sourceId !== null) refers('source', r.sourceId, known.sources);
      once(known.articles, r.id, JSON.stringify(r.id));
      once(known.canonicalUrls, r.canonicalUrl, `with canonical URL ${r.canonicalUrl}`);
      return;
    case 'feed-entry':
      refers('source', r.sourceId, known.sources);
      if (r.articleId !== null) refers('article', r.articleId, known.articles);
      once(known.seen, `e\0${r.sourceId}\0${r.entryKey}`, `${JSON.stringify(r.entryKey)} of source ${JSON.stringify(r.sourceId)}`);
      return;
    case 'reaction':
      refers('article', r.articleId, known.articles);
      once(known.seen, `r\0${r.articleId}\0${r.readerId}`, `of reader ${JSON.stringify(r.readerId)} on article ${JSON.stringify(r.articleId)}`);
      return;
    default:
      once(known.seen, `${r.type}\0${r.id}`, JSON.stringify(r.id));
  }
}

/** What an import did, or (dry run) would do. */
export interface ImportOutcome {
  readonly counts: TransferCounts;
  readonly written: boolean;
}

/**
 * Imports an export file: reads it whole first (readRecords), so a bad line changes nothing,
 * then reads it again into one transaction of the store. Without `merge` a store that holds
 * data is refused (LedeError 'conflict'); with it, records replace the rows with the same key.
 */
export async function importExport(store: TransferStore, lines: LineSource, opts: { merge?: boolean; dryRun?: boolean } = {}): Promise<ImportOutcome> {
  const counts = zeroCounts();
  for await (const record of readRecords(lines())) counts[record.type]++;
  if (opts.dryRun) return { counts, written: false };
  const written = await store.importRecords(readRecords(lines()), { merge: opts.merge });
  return { counts: written, written: true };
}

/** "3 sources, 120 articles, 400 feed entries, 950 reactions, 0 jobs" (credentials when present). */
export function describeCounts(counts: TransferCounts): string {
  const names: Record<TransferRecord['type'], [string, string]> = {
    source: ['source', 'sources'],
    article: ['article', 'articles'],
    'feed-entry': ['feed entry', 'feed entries'],
    reaction: ['reaction', 'reactions'],
    job: ['job', 'jobs'],
    admin: ['admin', 'admins'],
    'api-token': ['API token', 'API tokens'],
  };
  return TRANSFER_TYPES.filter((t) => counts[t] > 0 || (t !== 'admin' && t !== 'api-token'))
    .map((t) => `${counts[t]} ${names[t][counts[t] === 1 ? 0 : 1]}`)
    .join(', ');
}
