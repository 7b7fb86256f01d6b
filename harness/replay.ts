/**
 * Replay lines: the one place that writes an `iam-conformance …` command for a person to paste, and the
 * one shell quoting they go through, so every printed command quotes alike. Each starts with `npx`, so it
 * works when pasted in a checkout or a project that installed the suite (neither puts the bin on PATH).
 */

const TOOL = 'npx iam-conformance';

/** Quotes an argument for a POSIX shell when it needs it, so replay commands can be pasted. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Replays one generated property input: the run's seed, and fast-check's path to the shrunk input. */
export function propertyReplay(evaluatorSpec: string, prop: string, profile: string, seed: number, path?: string, service?: string): string {
  const words = [TOOL, 'run', '--evaluator', shellQuote(evaluatorSpec), '--seed', String(seed)];
  if (path !== undefined) words.push('--path', shellQuote(path));
  words.push('--property', prop);
  if (profile !== 'default') words.push('--profile', profile);
  if (service !== undefined) words.push('--service', service);
  return words.join(' ');
}

/** Replays a vector file: `vectors` for known-answer files, `replay` for divergence and regression files. */
export function fileReplay(verb: 'vectors' | 'replay', file: string, evaluatorSpec: string): string {
  return `${TOOL} ${verb} ${shellQuote(file)} --evaluator ${shellQuote(evaluatorSpec)}`;
}

/** Replays a vector file in live mode (against AWS). */
export function liveReplay(file: string): string {
  return `${TOOL} live --suite vectors --vectors ${shellQuote(file)}`;
}

/**
 * Replays a divergence file of a report folder: short and stable, since the file records the evaluator,
 * the seed and the path (the `replay` verb takes the evaluator from it).
 */
export function divergenceReplay(file: string): string {
  return `${TOOL} replay ${shellQuote(file)}`;
}
