// The dependency rules of ../shared/STYLE.md §3, checked on every import in src/: stages import
// only core and themselves, adapters only core and their port, and only main.ts wires adapters.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = resolve(import.meta.dirname, '..', 'src');
const STAGES = ['fetch', 'extract', 'language', 'summarize', 'cluster'];
// The store port is two files: the store itself and its export/import part.
const PORTS = ['store/store.ts', 'store/transfer-store.ts', 'queue/queue.ts', 'summarize/llm.ts'];

/** What each folder may import (besides itself), as path prefixes relative to src/. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  ...Object.fromEntries(STAGES.map((s) => [s, ['core/']])),
  'store/sqlite': ['core/', 'store/store.ts', 'store/rows.ts', 'store/kysely-store.ts', 'store/admin-schema.ts', 'store/prepared-query.ts'],
  'store/postgres': ['core/', 'store/store.ts', 'store/rows.ts', 'store/kysely-store.ts', 'store/admin-schema.ts', 'store/prepared-query.ts'],
  store: ['core/'],
  pipeline: ['core/', ...STAGES.map((s) => `${s}/`), ...PORTS],
  queue: ['core/', ...STAGES.map((s) => `${s}/`), ...PORTS],
  // The reader and the API are one HTTP layer and share its helpers.
  web: ['core/', 'pipeline/', 'api/', ...PORTS],
  api: ['core/', 'pipeline/', 'web/', ...PORTS],
  // `start --demo` serves the bundled sample publisher.
  cli: ['core/', 'pipeline/', 'queue/', 'web/', 'demo/', ...PORTS],
  demo: ['core/'],
};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'testdata' && name !== 'site') files(path, out);
    } else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function folderOf(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'store' && parts.length > 2) return `store/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : rel;
}

describe('architecture', () => {
  it('should keep every import of src/ within the dependency rules', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const rel = relative(SRC, file);
      const folder = folderOf(rel);
      if (rel === 'main.ts' || rel === 'index.ts') continue;
      const allowed = ALLOWED[folder];
      assert.ok(allowed, `no rule for folder ${folder} (${rel})`);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = relative(SRC, resolve(dirname(file), m[1]!));
        if (folderOf(target) === folder || target.startsWith(`${folder}/`) && !target.startsWith('store/sqlite') && !target.startsWith('store/postgres')) continue;
        if (!allowed.some((p) => target === p || target.startsWith(p))) violations.push(`${rel} imports ${target}`);
      }
    }
    assert.deepEqual(violations, []);
  });
});
