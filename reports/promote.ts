/**
 * Promoting a divergence into the regression corpus: the file must be a valid vector file, gets its
 * regression metadata completed, and must not repeat a case the corpus already holds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../harness/input-error.js';
import { stableJson } from '../harness/stable-json.js';
import { groupCases, loadVectorFiles, parseVectorFile, type VectorFile } from '../harness/vector-file.js';
import { slug } from './divergence.js';

export const REGRESSIONS_DIR = join('specs', 'regressions');

export interface PromoteOptions {
  /** Corpus folder. @defaultValue specs/regressions */
  readonly to?: string;
  /** File name in the corpus (`.json` added); defaults to the divergence file's own name. */
  readonly name?: string;
  /** Recorded when the file does not say already. */
  readonly evaluator?: string;
  readonly seed?: number;
  /** Leave the divergence file where it is (copy rather than move). */
  readonly keep?: boolean;
  /** @defaultValue new Date() */
  readonly now?: Date;
}

export interface Promoted {
  readonly from: string;
  readonly to: string;
  readonly cases: number;
  readonly evaluators: readonly string[];
}

/** The key two cases share when they ask the same question of the same policies. */
const caseKeys = (vf: VectorFile): { key: string; file: string; jsonPath: string }[] =>
  vf.groups.flatMap((g, gi) =>
    groupCases(g).map((gc, ci) => ({ key: stableJson(gc.case), file: vf.file, jsonPath: `[${gi}].cases[${ci}]` })),
  );

/** A corpus file name: a slug of what the user asked for, always ending in `.json`. */
function targetName(file: string, name: string | undefined): string {
  const wanted = name ?? basename(file);
  const stem = wanted.replace(/\.json$/i, '');
  const safe = slug(stem, 80, '');
  if (!safe) throw new InputError(`--name "${wanted}" has no letters or digits to make a file name from`);
  return `${safe}.json`;
}

/** Reads the raw groups (metadata and all) after the vector loader has validated the file. */
async function readGroups(file: string): Promise<{ vf: VectorFile; raw: Record<string, unknown>[] }> {
  const info = await stat(file).catch((cause: Error) => {
    throw new InputError(`cannot read divergence file (${cause.message})`, { file, cause });
  });
  if (!info.isFile()) throw new InputError('expected one divergence file, not a folder', { file });
  const [vf] = await loadVectorFiles([file]);
  if (!vf || vf.groups.length === 0) throw new InputError('the file holds no vector groups', { file, jsonPath: '(root)' });
  return { vf, raw: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[] };
}

/**
 * Moves `file` into the corpus with `foundAt`, `seed` and `evaluator` completed. Throws InputError
 * (naming file and JSON path) for an invalid file, a taken name, or a case the corpus already has.
 */
export async function promoteDivergence(file: string, options: PromoteOptions = {}): Promise<Promoted> {
  const { vf, raw } = await readGroups(file);
  // Every regression is required in every run; an unconfirmed reading would fail there until it is settled.
  const unconfirmed = raw.findIndex((g) => g.unconfirmed === true);
  if (unconfirmed >= 0) {
    throw new InputError(
      'this divergence is an unconfirmed reading (the AWS documentation does not settle it), and every regression is ' +
        'required in every run; settle it first (live mode, or the docs) and change the vector, or record the ' +
        "evaluator's answer in specs/expectations/<evaluator>.json",
      { file, jsonPath: `[${unconfirmed}].unconfirmed` },
    );
  }
  const dir = options.to ?? REGRESSIONS_DIR;
  const dest = join(dir, targetName(file, options.name));
  if (existsSync(dest)) throw new InputError(`${dest} already exists; choose another --name`, { file });

  const corpus = existsSync(dir) ? await loadVectorFiles([dir]) : [];
  const known = new Map(corpus.flatMap(caseKeys).map((k) => [k.key, `${k.file} at ${k.jsonPath}`]));
  for (const { key, jsonPath } of caseKeys(vf)) {
    const already = known.get(key);
    if (already) throw new InputError(`this case is already in the regression corpus (${already})`, { file, jsonPath });
  }

  const foundAt = (options.now ?? new Date()).toISOString();
  const groups = raw.map((g) => ({
    ...g,
    foundAt: typeof g.foundAt === 'string' ? g.foundAt : foundAt,
    ...(g.seed === undefined && options.seed !== undefined ? { seed: options.seed } : {}),
    ...(g.evaluator === undefined && options.evaluator !== undefined ? { evaluator: options.evaluator } : {}),
  }));
  const text = `${JSON.stringify(groups, null, 2)}\n`;
  parseVectorFile(text, dest); // what we add must keep the file valid; a failure here is our bug
  await mkdir(dir, { recursive: true });
  await writeFile(dest, text, { encoding: 'utf8', flag: 'wx' });
  if (!options.keep) await rm(file);
  const evaluators = [...new Set(groups.map((g) => g.evaluator).filter((e): e is string => typeof e === 'string'))];
  return { from: file, to: dest, cases: caseKeys(vf).length, evaluators };
}
