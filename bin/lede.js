#!/usr/bin/env node
// Entry point for the `lede` command: runs the TypeScript sources through tsx so that a fresh
// clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
