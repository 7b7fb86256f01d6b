#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, and by `npm pack` / `npm publish` through the
// `prepack` script, so an installed package has it without running any install script). A fresh clone
// after `npm ci` has no dist/ yet: the CLI then runs from its TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);
const source = new URL('../cli/main.ts', import.meta.url);
let entry = built;
if (!existsSync(fileURLToPath(built))) {
  if (!existsSync(fileURLToPath(source))) {
    console.error('iam-conformance: neither dist/ nor the sources are here; reinstall the package (or run `npm run build` in a checkout).');
    process.exit(2);
  }
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
