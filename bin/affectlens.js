#!/usr/bin/env node
// The CLI is built into dist/ by `npm install` / `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('affectlens: dist/ is missing; run `npm install` (or `npm run build`) in the project folder first.');
  process.exit(2);
}
await import(entry.href);
