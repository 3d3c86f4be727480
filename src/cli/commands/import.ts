// `lede import`: loads a `lede export` file into the store. The whole file is checked first
// (a bad line: its number and the problem, exit 2, nothing written), then written in one
// transaction. Standard input ("-") is copied to a private temporary file, read twice like a file.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { LedeError } from '../../core/errors.ts';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

async function* fileLines(path: string): AsyncIterable<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
  }
}

/** Registers `import`. */
export function registerImport(program: Command, boot: Boot): void {
  program
    .command('import')
    .description('load a `lede export` file ("-" reads standard input): checked whole, then written in one transaction')
    .argument('<file|->')
    .option('--merge', 'import into a store that holds data: records replace rows with the same id')
    .option('--dry-run', 'check the file and print what it holds; write nothing')
    .action(async (file: string, opts: { merge?: boolean; dryRun?: boolean }, cmd: Command) => {
      let path = file;
      let spool: string | undefined;
      try {
        if (file === '-') {
          spool = await mkdtemp(join(tmpdir(), 'lede-import-'));
          path = join(spool, 'stdin.jsonl');
          await pipeline(process.stdin, createWriteStream(path, { mode: 0o600 }));
        } else {
          try {
            if (!(await stat(file)).isFile()) throw new LedeError('invalid-input', `import: ${file} is not a file`);
          } catch (e) {
            if (e instanceof LedeError) throw e;
            const code = (e as NodeJS.ErrnoException).code;
            throw new LedeError('invalid-input', `import: cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`, { cause: e });
          }
        }
        const { describeCounts, readRecords } = await import('../../pipeline/transfer.ts');
        const { TRANSFER_TYPES } = await import('../../store/transfer-store.ts');
        // The whole file is checked before the store is opened: a bad file touches no database.
        const counts = Object.fromEntries(TRANSFER_TYPES.map((t) => [t, 0])) as Record<(typeof TRANSFER_TYPES)[number], number>;
        for await (const record of readRecords(fileLines(path))) counts[record.type]++;
        if (opts.dryRun) return print(`would import ${describeCounts(counts)} (dry run: nothing written)`);
        const app = await boot(globals(cmd));
        try {
          // Read again, checked again, into one transaction (the file may not change in between unseen).
          const written = await app.store.importRecords(readRecords(fileLines(path)), { merge: opts.merge });
          print(`imported ${describeCounts(written)}`);
        } finally {
          await app.close();
        }
      } finally {
        if (spool) await rm(spool, { recursive: true, force: true });
      }
    });
}
