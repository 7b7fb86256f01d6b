/** Case sources for the triage tool: vector files and (once the generators exist) random cases. */
import fc from 'fast-check';
import { loadCatalogue } from '../../generators/catalogue.js';
import { evaluationCase } from '../../generators/evaluation-case.js';
import { PROFILES } from '../../generators/profiles.js';
import type { Case } from '../../oracle/types.js';
import { groupCases, loadVectorFiles } from '../../harness/vector-file.js';

export interface Labelled {
  readonly label: string;
  readonly case: Case;
}

export async function vectorCases(dir: string): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for (const file of await loadVectorFiles([dir])) {
    for (const group of file.groups) {
      for (const gc of groupCases(group)) {
        out.push({ label: `${file.file}: ${group.description} / ${gc.description}`, case: gc.case });
      }
    }
  }
  return out;
}

/** Random cases from the generators' well-formed case arbitrary, reproducible by seed. */
export async function randomCases(n: number, seed: number, profile = 'default'): Promise<Labelled[]> {
  const settings = PROFILES[profile];
  if (!settings) throw new Error(`unknown profile ${profile}; one of ${Object.keys(PROFILES).join(', ')}`);
  const cases = fc.sample(evaluationCase(await loadCatalogue(), settings), { numRuns: n, seed });
  return cases.map((c, i) => ({ label: `random ${profile} seed=${seed} #${i}`, case: c }));
}
