// `lede sources add|list|import|export`: the publishers Lede polls (OPML in sources-opml.ts).
import type { Command } from 'commander';
import type { Boot } from '../app-context.ts';
import { resolveArticleInput } from '../article-input.ts';
import { globals, print } from '../cli-output.ts';
import { LedeError } from '../../core/errors.ts';
import { httpUrl } from '../../core/http-url.ts';
import { registerSourcesOpml } from './sources-opml.ts';

/** Registers `sources` and its subcommands. */
export function registerSources(program: Command, boot: Boot): void {
  const sources = program.command('sources').description('manage the publishers Lede polls');
  sources
    .command('add')
    .description('add a publisher by its feed or site URL (the feed is discovered)')
    .argument('<feed-or-site-url>')
    .option('--name <name>', 'publisher name (default: the feed title)')
    .option('--logo <url>', 'logo URL')
    .option('--email <email>', 'contact email')
    .option('--description <text>', 'one-line description')
    .option('--lang <lang>', 'language (BCP 47), e.g. en or ko')
    .option('--json', 'print the new source as JSON')
    .action(async (url: string, opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const input = await resolveArticleInput(url);
      if (input.kind !== 'url') throw new LedeError('invalid-input', `"${url}" is not an http(s) URL`);
      const str = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
      if (str('logo') !== undefined && !httpUrl(str('logo'))) throw new LedeError('invalid-input', `--logo must be an http(s) URL, not "${str('logo')}"`);
      const app = await boot(globals(cmd));
      try {
        const { discoverSource } = await import('../../pipeline/discover-source.ts');
        const found = await discoverSource(input.url, app.pipeline.fetch, {
          name: str('name'),
          logoUrl: str('logo'),
          email: str('email'),
          description: str('description'),
          lang: str('lang'),
        });
        const source = await app.store.addSource(found);
        if (opts.json) print(JSON.stringify(source));
        else print(`added ${source.id} ${source.name} (${source.feedUrl})`);
      } finally {
        await app.close();
      }
    });
  sources
    .command('list')
    .description('list publishers with their health')
    .option('--json', 'print JSON lines')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        for (const s of await app.store.listSources()) {
          if (opts.json) print(JSON.stringify(s));
          else print([s.id, s.name, s.feedUrl ?? '-', s.lastError ? `error: ${s.lastError}` : s.lastCheckedAt ? `ok ${s.lastCheckedAt}` : 'not checked'].join('\t'));
        }
      } finally {
        await app.close();
      }
    });
  registerSourcesOpml(sources, boot);
}
