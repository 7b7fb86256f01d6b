/**
 * The default property run (DEFAULT_SEED, DEFAULT_RUNS, the default plan) catches every mutant.
 * `MUTANT_TABLE=1 npx vitest run specs/mutants.spec.ts` also rewrites the table in testing/mutants/README.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../generators/catalogue.js';
import { catchMutant, catchTable, type Catch } from '../testing/mutants/catch.js';
import { MUTANTS } from '../testing/mutants/index.js';

let catalogue: Catalogue;
const catches: Catch[] = [];

beforeAll(async () => {
  catalogue = await loadCatalogue();
});

describe('the default property run catches every mutant', () => {
  it.each(MUTANTS.map((m) => [m.name, m] as const))('catches %s', async (_name, m) => {
    const c = await catchMutant(m, catalogue);
    catches.push(c);
    expect(c.caught, `${m.name} (${m.bug}) survived ${c.inputsBefore} inputs`).toBe(true);
  });

  it('records how many inputs each mutant took', async () => {
    if (process.env.MUTANT_TABLE !== '1') return;
    const file = new URL('../testing/mutants/README.md', import.meta.url);
    const text = await readFile(file, 'utf8');
    const table = catchTable(MUTANTS, catches);
    await writeFile(file, text.replace(/<!-- table -->[\s\S]*<!-- \/table -->/, `<!-- table -->\n${table}\n<!-- /table -->`));
  });
});
