/**
 * Guard against forms the generators stopped producing: the generated cases of the default plan's
 * differential runs (DEFAULT_SEED, DEFAULT_RUNS × each run's factor) must fill every cell of the coverage
 * matrix (harness/coverage.ts) that the generators are meant to fill. A cell at zero means a value form
 * (a `${*}` in StringEquals, an epoch request date against an offset policy date, an IPv4-mapped
 * address…) is no longer tested by a default run.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../generators/catalogue.js';
import { CoverageCounts, type CoverageMatrix, caseCoverage } from '../harness/coverage.js';
import { DATE_FORMS } from '../generators/value-forms.js';
import { DEFAULT_RUNS, DEFAULT_SEED, defaultPlan } from './properties/defaults.js';
import { PROPERTIES } from './properties/index.js';

const STRING_OPERATORS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'];
const ARN_OPERATORS = ['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike'];
const NUMERIC_OPERATORS = ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'];
const DATE_OPERATORS = NUMERIC_OPERATORS.map((op) => op.replace('Numeric', 'Date'));
const IP_OPERATORS = ['IpAddress', 'NotIpAddress'];

/** A cell is filled when the cases of its form summed over `rows` are not zero. */
interface Required {
  readonly rows: readonly string[];
  readonly form: string;
}
const each = (rows: readonly string[], forms: readonly string[]): Required[] => rows.flatMap((row) => forms.map((form) => ({ rows: [row], form })));
const any = (rows: readonly string[], forms: readonly string[]): Required[] => forms.map((form) => ({ rows, form }));

const GENERATED_CELLS: readonly Required[] = [
  // Every string and ARN operator: the special variables, variables present, absent and holding `*?$`.
  ...each([...STRING_OPERATORS, ...ARN_OPERATORS], ['special-variable', 'variable', 'variable-missing', 'variable-wildcard-value', 'empty-value-list']),
  ...each(STRING_OPERATORS, ['request-hostile']),
  ...any(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase'], ['unquoted', 'hostile']),
  ...any(['StringLike', 'StringNotLike'], ['wildcard', 'hostile']),
  ...any(ARN_OPERATORS, ['empty-segment']),
  ...any(NUMERIC_OPERATORS, ['integer', 'decimal', 'signed', 'exponent', 'unquoted', 'request-integer', 'request-signed', 'request-exponent', 'request-spaces', 'request-trailing-text']),
  ...any(DATE_OPERATORS, DATE_FORMS.flatMap((p) => [p, ...DATE_FORMS.map((r) => `${p}×request-${r}`)])),
  ...any(['Bool'], ['lower-case', 'mixed-case', 'unquoted', 'request-lower-case', 'request-mixed-case']),
  ...any(['Null'], ['lower-case', 'mixed-case', 'unquoted']),
  ...any(IP_OPERATORS, ['ipv4-cidr', 'ipv4-bare', 'ipv6-compressed', 'ipv6-expanded', 'ipv4-mapped', 'prefix-0', 'mixed-list']),
  ...any(IP_OPERATORS, ['request-ipv4-bare', 'request-ipv6-compressed', 'request-ipv6-expanded', 'request-ipv4-mapped']),
  ...each(['Resource', 'NotResource'], ['special-variable', 'variable', 'variable-missing', 'variable-wildcard-value', 'wildcard', 'empty-segment']),
  ...any(['Context'], ['one-value', 'many-values', 'empty-string', 'duplicates']),
  ...any(['Policy'], ['empty-operator-block', 'several-boundaries']),
];

/** Cells of `required` the matrix leaves at zero. */
function emptyCells(matrix: CoverageMatrix, required: readonly Required[]): string[] {
  return required
    .filter((r) => r.rows.reduce((n, row) => n + (matrix[row]?.[r.form] ?? 0), 0) === 0)
    .map((r) => `${r.rows.length === 1 ? r.rows[0] : `${r.rows[0]}…`} × ${r.form}`);
}

let matrix: CoverageMatrix;

beforeAll(async () => {
  const catalogue = await loadCatalogue();
  const counts = new CoverageCounts();
  for (const { property, settings, runsFactor } of defaultPlan(PROPERTIES)) {
    if (property.kind !== 'differential') continue;
    const inputs = fc.sample<unknown>(property.arbitrary(settings, catalogue), { seed: DEFAULT_SEED, numRuns: DEFAULT_RUNS * runsFactor });
    for (const input of inputs) {
      const c = property.cases(input)[0];
      if (c) counts.add(caseCoverage(c));
    }
  }
  matrix = counts.toMatrix();
});

describe('the default run covers every value form the generators are meant to produce', () => {
  it('leaves no required cell of the coverage matrix at zero', () => {
    expect(emptyCells(matrix, GENERATED_CELLS)).toEqual([]);
  });

  it('catches a cell left at zero', () => {
    expect(emptyCells({ StringEquals: { variable: 1 } }, [...any(['StringEquals'], ['variable']), ...each(['StringLike'], ['variable'])])).toEqual(['StringLike × variable']);
  });
});
