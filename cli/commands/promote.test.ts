import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureToVector } from '../../reports/divergence.js';
import { vectorFailure } from '../../testing/report-fixtures.js';
import { loadVectorFiles } from '../../harness/vector-file.js';
import type { CliIo } from '../io.js';
import { runCli } from '../main.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), interactive: false, cwd, env: {} };
  return { code: await runCli(argv, io), out, err };
}

/** A divergence file as a report folder writes it, minus the metadata a hand-made one may lack. */
async function setup(group: object = failureToVector(vectorFailure())): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'promote-'));
  await writeFile(join(root, 'found.json'), JSON.stringify([group], null, 2));
  return root;
}

describe('iam-conformance promote', () => {
  it('moves the file into the corpus, completing found date, seed and evaluator', async () => {
    const root = await setup();
    const r = await cli(['promote', 'found.json', '--to', 'corpus', '--evaluator', 'module:./broken.js', '--seed', '9'], root);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('promoted found.json → corpus/found.json (1 case)');
    expect(existsSync(join(root, 'found.json'))).toBe(false);
    const [file] = await loadVectorFiles([join(root, 'corpus')]);
    expect(file?.groups[0]).toMatchObject({ evaluator: 'module:./broken.js', seed: 9 });
    expect(file?.groups[0]?.foundAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps metadata the file already has, and --keep leaves the source in place', async () => {
    const root = await setup(failureToVector(vectorFailure(), { foundAt: '2026-01-02T00:00:00.000Z', evaluator: 'cmd:./eval', seed: 3 }));
    const r = await cli(['promote', 'found.json', '--to', 'corpus', '--name', 'Deny Wins!', '--evaluator', 'other', '--keep'], root);
    expect(r.code).toBe(0);
    expect(await readdir(join(root, 'corpus'))).toEqual(['deny-wins.json']);
    expect(existsSync(join(root, 'found.json'))).toBe(true);
    const saved = JSON.parse(await readFile(join(root, 'corpus', 'deny-wins.json'), 'utf8')) as object[];
    expect(saved[0]).toMatchObject({ foundAt: '2026-01-02T00:00:00.000Z', evaluator: 'cmd:./eval', seed: 3 });
  });

  it('refuses an unconfirmed reading: a regression is required in every run', async () => {
    const root = await setup(failureToVector(vectorFailure({ required: false })));
    const r = await cli(['promote', 'found.json', '--to', 'corpus'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/found\.json at \[0\]\.unconfirmed: this divergence is an unconfirmed reading/);
    expect(existsSync(join(root, 'corpus'))).toBe(false);
    expect(existsSync(join(root, 'found.json'))).toBe(true);
  });

  it('refuses a case the corpus already holds, and a name already taken', async () => {
    const root = await setup();
    expect((await cli(['promote', 'found.json', '--to', 'corpus', '--keep'], root)).code).toBe(0);
    const again = await cli(['promote', 'found.json', '--to', 'corpus', '--name', 'other'], root);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/found\.json at \[0\]\.cases\[0\]: this case is already in the regression corpus/);
    const taken = await cli(['promote', 'found.json', '--to', 'corpus'], root);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('already exists');
    expect(existsSync(join(root, 'found.json'))).toBe(true);
  });

  it('exits 2 naming the file and JSON path for a file that is not a vector file', async () => {
    const group = { ...failureToVector(vectorFailure()), cases: [{ description: 'x', request: { action: 'a:b' }, expected: 'maybe' }] };
    const root = await setup(group);
    const r = await cli(['promote', 'found.json', '--to', 'corpus'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/found\.json at \[0\]\.cases\[0\]\.expected: must be one of/);
    expect(existsSync(join(root, 'corpus'))).toBe(false);
    const missing = await cli(['promote', 'nope.json'], root);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json');
  });
});
