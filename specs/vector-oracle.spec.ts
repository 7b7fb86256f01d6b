import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, isErrorVerdict } from '../oracle/index.js';
import type { Verdict } from '../oracle/types.js';
import { groupCases, loadVectorFiles } from '../harness/vector-file.js';
import type { VectorExpected, VectorFile } from '../harness/vector-file.js';

// Every known-answer vector against the oracle. Required (confirmed) cases must match exactly; the
// unconfirmed ones (docs silent or in conflict) are only reported, since AWS itself has to settle them.
const VECTORS_DIR = fileURLToPath(new URL('./vectors', import.meta.url));

const files: VectorFile[] = await loadVectorFiles([VECTORS_DIR]);

const outcome = (v: Verdict): VectorExpected => (isErrorVerdict(v) ? 'error' : v.decision);
const show = (v: Verdict): string =>
  isErrorVerdict(v) ? `error ${v.error.code} at ${v.error.path ?? '?'}: ${v.error.message}` : v.decision;

const unconfirmedDisagreements: string[] = [];
let unconfirmedTotal = 0;

beforeAll(() => {
  unconfirmedDisagreements.length = 0;
  unconfirmedTotal = 0;
});

afterAll(() => {
  const agree = unconfirmedTotal - unconfirmedDisagreements.length;
  console.log(
    `vector-oracle: ${unconfirmedTotal} unconfirmed case(s), oracle agrees with ${agree}` +
      (unconfirmedDisagreements.length ? `; differs on:\n  ${unconfirmedDisagreements.join('\n  ')}` : ''),
  );
});

for (const file of files) {
  describe(relative(VECTORS_DIR, file.file), () => {
    for (const group of file.groups) {
      const cases = groupCases(group);
      if (group.unconfirmed) {
        it(`${group.description} (unconfirmed, reported only)`, () => {
          for (const c of cases) {
            unconfirmedTotal++;
            const verdict = evaluate(c.case);
            if (outcome(verdict) !== c.expected) {
              unconfirmedDisagreements.push(
                `${relative(VECTORS_DIR, file.file)} / ${group.description} / ${c.description}: vector ${c.expected}, oracle ${show(verdict)}`,
              );
            }
          }
        });
        continue;
      }
      describe(group.description, () => {
        for (const c of cases) {
          it(c.description, () => {
            const verdict = evaluate(c.case);
            expect(outcome(verdict), `oracle said ${show(verdict)} (source: ${group.source})`).toBe(c.expected);
          });
        }
      });
    }
  });
}
