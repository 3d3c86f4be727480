#!/usr/bin/env node
// Entry point for the `lede` command: runs the TypeScript sources through tsx so that a fresh
// clone works after `npm install` with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX through hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// Memory first (src/core/memory-policy.ts), before the application allocates anything.
const { applyMemoryPolicy } = await import('../src/core/memory-policy.ts');
const refused = applyMemoryPolicy();
if (refused) {
  console.error(`lede: ${refused}`);
  process.exit(2);
}
await import('../src/main.ts');
