import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/main.js';
import type { CliIo } from '../cli/io.js';

/** Runs the CLI in-process in `cwd` and captures what it prints (for tests). */
export async function cli(argv: readonly string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), interactive: false, cwd, env: {} };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A fresh temporary folder holding the given files (name → text, or a value written as JSON). */
export function tempFiles(files: Readonly<Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-conformance-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
