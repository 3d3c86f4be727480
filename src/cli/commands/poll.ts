// `lede poll`: polls every source once, now, and ingests new entries.
import type { Command } from 'commander';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

/** Registers `poll`. */
export function registerPoll(program: Command, boot: Boot): void {
  program
    .command('poll')
    .description('poll every source once and ingest new entries')
    .action(async (_opts: unknown, cmd: Command) => {
      const app = await boot(globals(cmd));
      const { refreshSource } = await import('../../pipeline/refresh-feed.ts');
      let failures = 0;
      try {
        for (const source of await app.store.listSources()) {
          if (!source.feedUrl) continue;
          const r = await refreshSource(source, app.pipeline, { intervalMinutes: app.config.pollIntervalMinutes });
          if (r.kind === 'failed') failures++;
          print(
            r.kind === 'refreshed'
              ? `${source.name}: ${r.entries} entries, ${r.ingested} new, ${r.failed} failed`
              : r.kind === 'not-modified'
                ? `${source.name}: not modified`
                : `${source.name}: ${r.error}`,
          );
        }
      } finally {
        await app.close();
      }
      if (failures > 0) process.exitCode = 1;
    });
}
