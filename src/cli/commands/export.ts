// `lede export`: every source, article, feed entry, reaction and pending job as JSONL (see
// src/pipeline/transfer-format.ts), streamed a page at a time, to move an install between stores.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { LedeError } from '../../core/errors.ts';
import type { TransferCounts } from '../../store/transfer-store.ts';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

/** Registers `export`. */
export function registerExport(program: Command, boot: Boot): void {
  program
    .command('export')
    .description('write the whole store (sources, articles, feed entries, reactions, pending jobs) as JSONL')
    .option('--output <file>', 'write to this file (mode 600) instead of standard output')
    .option('--credentials', 'also export admin accounts and API tokens (their hashes)')
    .action(async (opts: { output?: string; credentials?: boolean }, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        const { exportLines, describeCounts } = await import('../../pipeline/transfer.ts');
        const counts = {} as TransferCounts;
        const { TRANSFER_TYPES } = await import('../../store/transfer-store.ts');
        for (const t of TRANSFER_TYPES) counts[t] = 0;
        const lines = Readable.from(exportLines(app.store, { credentials: !!opts.credentials, counts }));
        if (!opts.output || opts.output === '-') {
          await pipeline(lines, process.stdout, { end: false });
          return;
        }
        // Written beside the target, then renamed: an interrupted export never leaves half a file.
        const tmp = `${opts.output}.${process.pid}.tmp`;
        try {
          await pipeline(lines, createWriteStream(tmp, { mode: 0o600 }));
          await rename(tmp, opts.output);
        } catch (e) {
          await rm(tmp, { force: true });
          if (e instanceof LedeError) throw e;
          const code = (e as NodeJS.ErrnoException).code;
          if (!code) throw e;
          throw new LedeError('invalid-input', `export: cannot write ${opts.output} (${code})`, { cause: e });
        }
        print(`exported ${describeCounts(counts)} to ${opts.output}`);
      } finally {
        await app.close();
      }
    });
}
