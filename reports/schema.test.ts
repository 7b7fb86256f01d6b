import { readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEY_TYPES, FEATURES } from '../oracle/types.js';
import { erroredFailure, makeReport, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';
import { InvalidReportError, reportSchemaErrors, reportSchemaPath, writeReportFolder } from './index.js';

const schema = JSON.parse(readFileSync(reportSchemaPath(), 'utf8')) as {
  definitions: Record<string, { enum?: string[] }>;
};
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('report.schema.json', () => {
  it('lists exactly the features and context key types of oracle/types.ts', () => {
    expect(schema.definitions.feature?.enum).toEqual([...FEATURES]);
    expect(schema.definitions.contextKeyType?.enum).toEqual([...CONTEXT_KEY_TYPES]);
  });

  it('accepts a report with every kind of failure', () => {
    const report = makeReport([
      vectorFailure(),
      propertyFailure({ related: { description: 'statements reversed', case: propertyFailure().case, actual: { kind: 'verdict', verdict: { decision: 'implicitDeny' } }, expected: { decision: 'allowed' } } }),
      erroredFailure(),
      vectorFailure({ id: 'u', required: false }),
    ]);
    expect(reportSchemaErrors(roundTrip(report))).toBeUndefined();
  });

  it('accepts a passing report without seed or failures', () => {
    const { seed: _seed, ...report } = makeReport([], { verb: 'vectors' });
    expect(reportSchemaErrors(roundTrip(report))).toBeUndefined();
  });

  it('rejects a wrong schemaVersion, an unknown feature and a verdict with no decision', () => {
    const report = roundTrip(makeReport([vectorFailure()])) as Record<string, unknown>;
    expect(reportSchemaErrors({ ...report, schemaVersion: 2 })).toMatch(/schemaVersion/);
    expect(reportSchemaErrors({ ...report, perFeature: { 'no-such-feature': report.totals } })).toBeDefined();
    const bad = roundTrip(makeReport([vectorFailure({ actual: { kind: 'verdict', verdict: {} as never } })]));
    expect(reportSchemaErrors(bad)).toMatch(/failures\/0\/actual/);
  });

  it('refuses to write an invalid report, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-invalid-'));
    const report = makeReport([], { passed: -1 });
    await expect(writeReportFolder(report, dir)).rejects.toBeInstanceOf(InvalidReportError);
    expect(await readdir(dir)).toEqual([]);
  });
});
