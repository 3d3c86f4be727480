// The article page's per-request read on PostgreSQL, batched. Every page view asks the store for
// its article's stamp (is the kept page current, what did this reader choose); on PostgreSQL each
// ask is a round trip that costs the server and the client more than the answer. Asks that arrive
// while earlier batches are running wait and then go together in one statement (unnest of the
// ids and readers, WITH ORDINALITY to match rows to asks): one query at low load, one per batch
// under load. Each ask is still read after it arrived, so a page is never older than the request.
import type { ArticleStamp } from '../store.ts';
import { STAMP_SOURCE_COLUMNS, type StampRow, stampOf } from '../rows.ts';

/** Runs the batch statement (a named prepared statement) and gives its rows. */
export type BatchRunner = (name: string, text: string, values: unknown[]) => Promise<readonly unknown[]>;

interface Ask {
  readonly id: string;
  readonly readerId: string | null;
  resolve(stamp: ArticleStamp | undefined): void;
  reject(e: unknown): void;
}

/** Batches in flight at once: a pool connection each, so the page reads never take the whole pool. */
const MAX_IN_FLIGHT = 2;
/** Asks per statement at most. */
const MAX_BATCH = 256;

const TEXT = `select k.ord, a.updated_at, a.source_id, ${STAMP_SOURCE_COLUMNS.map((c) => `s.${c}`).join(', ')},
  (select r.reaction from reactions r where r.article_id = k.id and r.reader_id = k.reader_id) as chosen
from unnest($1::text[], $2::text[]) with ordinality as k(id, reader_id, ord)
join articles a on a.id = k.id
left join sources s on s.id = a.source_id`;

/** Returns articleStamp for PostgreSQL, batching concurrent asks. */
export function batchedArticleStamp(run: BatchRunner): (id: string, readerId?: string) => Promise<ArticleStamp | undefined> {
  const waiting: Ask[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || inFlight >= MAX_IN_FLIGHT || waiting.length === 0) return;
    scheduled = true;
    // After the current turn of the event loop: the asks of requests read in this turn go together.
    setImmediate(() => {
      scheduled = false;
      while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) void send(waiting.splice(0, MAX_BATCH));
    });
  }

  async function send(batch: Ask[]): Promise<void> {
    inFlight++;
    try {
      const rows = (await run(
        'lede_article_stamp_batch',
        TEXT,
        [batch.map((a) => a.id), batch.map((a) => a.readerId)],
      )) as (StampRow & { ord: string | number })[];
      const found = new Map<number, StampRow>(rows.map((r) => [Number(r.ord), r]));
      batch.forEach((ask, i) => {
        const row = found.get(i + 1);
        ask.resolve(row ? stampOf(row) : undefined);
      });
    } catch (e) {
      for (const ask of batch) ask.reject(e);
    } finally {
      inFlight--;
      schedule();
    }
  }

  return (id, readerId) =>
    new Promise<ArticleStamp | undefined>((resolve, reject) => {
      waiting.push({ id, readerId: readerId ?? null, resolve, reject });
      schedule();
    });
}
