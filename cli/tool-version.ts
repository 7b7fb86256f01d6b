import { readFileSync } from 'node:fs';
import { packageRoot } from '../harness/package-root.js';

/** The version in package.json, read once. */
export const toolVersion = (): string =>
  (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
