// `lede sources import|export`: OPML subscription lists in and out. Import checks the whole file
// before the first write and fetches no feed (the next poll does), so a long list imports at once.
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LedeError } from '../../core/errors.ts';
import type { ImportStatus, OpmlImport } from '../../pipeline/opml-sources.ts';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

// Far above any real subscription list (10,000 feeds is about 2 MB), low enough to refuse a wrong file fast.
const MAX_OPML_BYTES = 20 * 1024 * 1024;

const SKIP_LABELS: Readonly<Record<string, string>> = {
  'no-xml-url': 'without xmlUrl',
  'invalid-xml-url': 'with an invalid xmlUrl',
  duplicate: 'duplicate',
  comment: 'commented out',
};

function tooLarge(what: string): LedeError {
  return new LedeError('invalid-input', `sources: ${what} is larger than ${MAX_OPML_BYTES / 1024 / 1024} MB; not an OPML subscription list?`);
}

/** Reads an OPML file, or standard input for "-", refusing anything over the size cap. */
async function readOpmlInput(arg: string): Promise<Uint8Array> {
  if (arg === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buf.length;
      if (size > MAX_OPML_BYTES) throw tooLarge('standard input');
      chunks.push(buf);
    }
    return Buffer.concat(chunks);
  }
  try {
    if ((await stat(arg)).size > MAX_OPML_BYTES) throw tooLarge(arg);
    return await readFile(arg);
  } catch (e) {
    if (e instanceof LedeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new LedeError('invalid-input', `sources: cannot read ${arg} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? String(e))})`, { cause: e });
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The one-line summary of an import: "imported 3 sources (2 new, 1 updated, 0 unchanged, 1 skipped: 1 without xmlUrl)". */
export function describeImport(result: OpmlImport): string {
  const count = (s: ImportStatus) => result.sources.filter((x) => x.status === s).length;
  const reasons = new Map<string, number>();
  for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const why = [...reasons].map(([reason, n]) => `${n} ${SKIP_LABELS[reason] ?? reason}`).join(', ');
  const skipped = `${result.skipped.length} skipped${why ? `: ${why}` : ''}`;
  return `imported ${plural(result.sources.length, 'source')} (${count('new')} new, ${count('updated')} updated, ${count('unchanged')} unchanged, ${skipped})`;
}

/** Registers `sources import` and `sources export` under the `sources` command. */
export function registerSourcesOpml(sources: Command, boot: Boot): void {
  sources
    .command('import')
    .description('add or update sources from an OPML file ("-" reads standard input); feeds are not fetched until the next poll')
    .argument('<file.opml|->')
    .option('--json', 'print the outcome as JSON')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      // Read before opening the store: a missing or huge file fails without touching the database.
      const bytes = await readOpmlInput(file);
      const app = await boot(globals(cmd));
      try {
        const { importOpml } = await import('../../pipeline/opml-sources.ts');
        const result = await importOpml(bytes, app.store);
        if (!opts.json) return print(describeImport(result));
        const count = (s: ImportStatus) => result.sources.filter((x) => x.status === s).length;
        print(JSON.stringify({
          imported: result.sources.length,
          new: count('new'),
          updated: count('updated'),
          unchanged: count('unchanged'),
          skipped: result.skipped,
          sources: result.sources.map(({ source, status }) => ({ id: source.id, name: source.name, feedUrl: source.feedUrl, status })),
        }));
      } finally {
        await app.close();
      }
    });
  sources
    .command('export')
    .description('write every source with a feed as an OPML 2.0 subscription list')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: { output?: string }, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        const { exportOpml } = await import('../../pipeline/opml-sources.ts');
        const { opml, exported, withoutFeed } = await exportOpml(app.store);
        if (withoutFeed > 0) process.stderr.write(`sources: left out ${plural(withoutFeed, 'source')} without a feed URL\n`);
        if (!opts.output || opts.output === '-') {
          process.stdout.write(opml);
          return;
        }
        // Written beside the target, then renamed: an interrupted export never leaves half a file.
        const tmp = `${opts.output}.${process.pid}.tmp`;
        try {
          await writeFile(tmp, opml);
          await rename(tmp, opts.output);
        } catch (e) {
          await rm(tmp, { force: true });
          throw new LedeError('invalid-input', `sources: cannot write ${opts.output} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
        }
        print(`exported ${plural(exported, 'source')} to ${opts.output}`);
      } finally {
        await app.close();
      }
    });
}
