// `lede extract <url|file>`: the pipeline without the store; prints the article and its summary.
import type { Command } from 'commander';
import type { SummarizedArticle } from '../../core/records.ts';
import type { Boot } from '../app-context.ts';
import { resolveArticleInput } from '../article-input.ts';
import { globals, print } from '../cli-output.ts';

/** Renders an article as Markdown. */
export function articleToMarkdown(a: SummarizedArticle): string {
  const lines = [`# ${a.title}`, ''];
  for (const d of a.deck) lines.push(`## ${d}`, '');
  const meta = [a.siteName, a.authors.map((x) => (x.email ? `${x.name} <${x.email}>` : x.name)).join(', '), a.publishedAt]
    .filter(Boolean)
    .join(' · ');
  if (meta) lines.push(`_${meta}_`, '');
  lines.push('**Summary**', '', ...a.summary.map((s) => `- ${s}`), '');
  for (const img of a.images) {
    lines.push(`![${(img.alt ?? img.caption ?? '').replace(/[[\]]/g, '')}](${img.url})`);
    const cap = [img.caption, img.credit].filter(Boolean).join(' ');
    if (cap) lines.push(`_${cap}_`);
    lines.push('');
  }
  lines.push(a.text, '');
  if (a.partial) lines.push(`_This is the start of the article; the rest is at the publisher._`, '');
  lines.push(`Source: ${a.canonicalUrl}`);
  return lines.join('\n');
}

function articleToText(a: SummarizedArticle): string {
  const head = [a.title, ...a.deck.map((d) => `  ${d}`)];
  const meta = [
    a.siteName && `site: ${a.siteName}`,
    a.authors.length && `by: ${a.authors.map((x) => (x.email ? `${x.name} <${x.email}>` : x.name)).join(', ')}`,
    a.publishedAt && `published: ${a.publishedAt}`,
    a.lang && `lang: ${a.lang}`,
    a.partial && 'partial: the page holds only the start of the article (a teaser or a paywall)',
    `url: ${a.canonicalUrl}`,
  ].filter(Boolean) as string[];
  return [...head, '', ...meta, '', 'Summary:', ...a.summary.map((s) => `  • ${s}`), '', a.text].join('\n');
}

/** Registers `extract`. */
export function registerExtract(program: Command, boot: Boot): void {
  program
    .command('extract')
    .description('extract and summarize one article without storing it')
    .argument('<url|file>', 'article URL or a saved HTML file')
    .option('--json', 'print the article as JSON')
    .option('--markdown', 'print the article as Markdown')
    .action(async (input: string, opts: { json?: boolean; markdown?: boolean }, cmd: Command) => {
      const resolved = await resolveArticleInput(input);
      const { articleFromDocument, articleFromUrl } = await import('../../pipeline/process-item.ts');
      const app = await boot(globals(cmd), { storeless: true });
      try {
        const article =
          resolved.kind === 'url'
            ? await articleFromUrl(resolved.url, app.pipeline)
            : await articleFromDocument(resolved.doc, app.pipeline);
        if (opts.json) print(JSON.stringify(article, null, 2));
        else if (opts.markdown) print(articleToMarkdown(article));
        else print(articleToText(article));
      } finally {
        await app.close();
      }
    });
}
