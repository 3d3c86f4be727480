// `lede poll`: one full round now — every source with a feed polled once (a source that answers
// 429 with a short Retry-After is asked again within the round), new entries queued — then the
// queued articles fetched, extracted, summarized and stored (unless --no-articles). Prints what
// it did and how fast; --json prints the same as one JSON object.
import type { Command } from 'commander';
import type { EntryOutcome } from '../../pipeline/process-entry.ts';
import type { RefreshOutcome } from '../../pipeline/refresh-feed.ts';
import type { QueueCounts } from '../../queue/queue.ts';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

interface PollOptions {
  articles: boolean;
  json?: boolean;
  maxWait: string;
}

const sumCounts = (a: QueueCounts, b: QueueCounts): QueueCounts => ({
  queued: a.queued + b.queued,
  deferred: (a.deferred ?? 0) + (b.deferred ?? 0),
  active: a.active + b.active,
  failed: a.failed + b.failed,
  completed: a.completed + b.completed,
});
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Registers `poll`. */
export function registerPoll(program: Command, boot: Boot): void {
  program
    .command('poll')
    .description('poll every source once, then fetch the articles of the new entries')
    .option('--no-articles', 'only poll: leave the queued articles to `lede start`')
    .option('--max-wait <seconds>', 'wait at most this long for sources that asked to retry later (429/503)', '60')
    .option('--json', 'print the figures as one JSON object')
    .action(async (opts: PollOptions, cmd: Command) => {
      const app = await boot(globals(cmd));
      const { startPoller } = await import('../poller.ts');
      const results = new Map<string, { name: string; outcome: RefreshOutcome }>();
      const entries = { stored: 0, skipped: 0, failed: 0, retried: 0 };
      const maxWaitMs = Math.max(0, Number(opts.maxWait) || 0) * 1000;
      const poller = await startPoller(app, {
        articles: false,
        onRefresh: (source, outcome) => results.set(source.id, { name: source.name, outcome }),
        onEntry: (o: EntryOutcome | 'retry') => {
          if (o === 'stored') entries.stored++;
          else if (o === 'skipped') entries.skipped++;
          else if (o === 'failed') entries.failed++;
          else if (o === 'retry') entries.retried++;
        },
      });
      let report: Record<string, unknown> = {};
      try {
        const t0 = Date.now();
        await poller.scheduler.runOnce({ all: true });
        // Sources that asked to be asked again shortly (Retry-After) get their turn in this round.
        for (let pass = 0; pass < 5; pass++) {
          const waits = [...results.values()]
            .map((r) => (r.outcome.kind === 'failed' && r.outcome.retryAfterMs !== undefined ? Date.parse(r.outcome.nextCheckAt) : NaN))
            .filter((at) => Number.isFinite(at) && at <= t0 + maxWaitMs);
          if (waits.length === 0) break;
          await sleep(Math.max(0, Math.max(...waits) - Date.now()) + 50);
          await poller.scheduler.runOnce();
        }
        const pollMs = Date.now() - t0;
        const all = [...results.values()];
        const count = (kind: RefreshOutcome['kind']) => all.filter((r) => r.outcome.kind === kind).length;
        const sum = (k: 'queued' | 'duplicates' | 'skipped') => all.reduce((n, r) => n + (r.outcome.kind === 'refreshed' ? r.outcome[k] : 0), 0);
        const failures = all.flatMap((r) => (r.outcome.kind === 'failed' ? [{ source: r.name, error: r.outcome.error }] : []));
        report = {
          sources: all.length,
          refreshed: count('refreshed'),
          notModified: count('not-modified'),
          failed: failures.length,
          queued: sum('queued'),
          duplicates: sum('duplicates'),
          withoutLink: sum('skipped'),
          pollSeconds: seconds(pollMs),
        };
        if (!opts.json) {
          print(
            `Polled ${all.length} sources in ${seconds(pollMs)} s: ${report.refreshed} refreshed, ${report.notModified} not modified, ${failures.length} failed; ` +
              `${report.queued} new entries queued, ${report.duplicates} duplicates skipped, ${report.withoutLink} without a link.`,
          );
          for (const f of failures.slice(0, 10)) print(`  ${f.source}: ${f.error}`);
          if (failures.length > 10) print(`  … and ${failures.length - 10} more (\`lede sources list\` shows every error)`);
        }

        if (opts.articles) {
          const t1 = Date.now();
          await poller.startArticles();
          // Until nothing is due or running. A feed's jobs are spaced a fraction of a second apart,
          // so a lull of a few seconds means only retries waiting out their backoff remain: those
          // are left for `lede start`.
          // With a language model, its 'summarize' jobs are waited for as well.
          for (let idleSince = 0; ; ) {
            const all = await app.queue.counts();
            const c = app.poller.summaryJobs ? sumCounts(all['fetch-article'], all.summarize) : all['fetch-article'];
            const deferred = c.deferred ?? 0;
            if (c.queued - deferred > 0 || c.active > 0) idleSince = 0;
            else if (deferred === 0) break;
            else if (!idleSince) idleSince = Date.now();
            else if (Date.now() - idleSince > 5000) break;
            await sleep(200);
          }
          const articleMs = Date.now() - t1;
          const deferred = (await app.queue.counts())['fetch-article'].deferred ?? 0;
          Object.assign(report, { articles: { ...entries, waitingForRetry: deferred, seconds: seconds(articleMs), perSecond: Math.round((entries.stored / Math.max(0.001, articleMs / 1000)) * 10) / 10 } });
          if (!opts.json) {
            print(
              `Articles: ${entries.stored} stored, ${entries.skipped} skipped, ${entries.failed} failed` +
                `${deferred ? `, ${deferred} waiting for a retry` : ''} in ${seconds(articleMs)} s (${(report.articles as { perSecond: number }).perSecond} per second).`,
            );
          }
        }
        if (opts.json) print(JSON.stringify({ ...report, failures: failures.slice(0, 100) }));
        if (failures.length > 0) process.exitCode = 1;
      } finally {
        await poller.stop();
        await app.close();
      }
    });
}
