#!/usr/bin/env node
// Entry point for the `lede` command: runs the TypeScript sources through tsx so that a fresh
// clone works after `npm install` with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX through hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');
