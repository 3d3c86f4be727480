// `lede ingest <url|file>`: one article through the whole pipeline into the store.
import type { Command } from 'commander';
import { articleToJson } from '../../core/article-json.ts';
import type { Boot } from '../app-context.ts';
import { resolveArticleInput } from '../article-input.ts';
import { globals, print } from '../cli-output.ts';

/** Registers `ingest`. */
export function registerIngest(program: Command, boot: Boot): void {
  program
    .command('ingest')
    .description('fetch, extract, summarize and store one article')
    .argument('<url|file>', 'article URL or a saved HTML file')
    .option('--source <id>', 'the source (publisher) this article belongs to')
    .option('--json', 'print the stored article as the API returns it')
    .action(async (input: string, opts: { source?: string; json?: boolean }, cmd: Command) => {
      const resolved = await resolveArticleInput(input);
      const { ingestDocument, ingestUrl } = await import('../../pipeline/process-item.ts');
      const { readReactions } = await import('../../pipeline/reactions.ts');
      const app = await boot(globals(cmd));
      try {
        const ingestOpts = { sourceId: opts.source };
        const { article, created } =
          resolved.kind === 'url'
            ? await ingestUrl(resolved.url, app.pipeline, ingestOpts)
            : await ingestDocument(resolved.doc, app.pipeline, ingestOpts);
        if (opts.json) {
          const source = article.sourceId ? await app.store.getSource(article.sourceId) : undefined;
          const { counts } = await readReactions(app.store, app.config.reactions, article.id, undefined);
          print(JSON.stringify(articleToJson(article, source, { reactions: counts })));
        } else {
          print(`${created ? 'added' : 'updated'} ${article.id} ${article.title}`);
          print(`  page: http://${app.config.host === '0.0.0.0' ? 'localhost' : app.config.host}:${app.config.port}/articles/${article.id}`);
        }
      } finally {
        await app.close();
      }
    });
}
