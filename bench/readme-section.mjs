// Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in README.md, so each
// benchmark writes its own table into the README's benchmark section.
import { readFileSync, writeFileSync } from 'node:fs';

/** Writes `markdown` into the README section `name`; throws when the markers are missing. */
export function writeReadmeSection(name, markdown, path = 'README.md') {
  const readme = readFileSync(path, 'utf8');
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`bench: README.md has no ${open} … ${close} section`);
  writeFileSync(path, readme.slice(0, start + open.length) + '\n' + markdown.trim() + '\n' + readme.slice(end));
}
