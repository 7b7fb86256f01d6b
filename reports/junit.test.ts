import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { counts, entry, erroredFailure, HOSTILE, makeReport, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';
import { renderJunit } from './junit.js';

interface Tc {
  name: string;
  classname: string;
  file?: string;
  failure?: { message: string; type: string; '#text'?: string };
  error?: { message: string; '#text'?: string };
  skipped?: unknown;
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  testcase: Tc[];
}

const parse = (xml: string): { suites: Suite[]; root: Record<string, unknown> } => {
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as { testsuites: Record<string, unknown> & { testsuite: Suite[] } };
  return { suites: doc.testsuites.testsuite, root: doc.testsuites };
};

describe('junit.xml', () => {
  const unconfirmed = vectorFailure({ id: 'u1', required: false, title: 'unconfirmed reading' });
  const failures = [vectorFailure(), propertyFailure(), erroredFailure(), unconfirmed];
  const report = makeReport(failures);
  const xml = renderJunit(report, new Map([[failures[0]!, 'divergences/v.json']]));
  const { suites, root } = parse(xml);
  const cases = suites.flatMap((s) => s.testcase);

  it('has one testcase per entry, in one testsuite per suite', () => {
    expect(cases).toHaveLength(report.entries.length);
    expect(suites.map((s) => s.name)).toEqual(['vectors', 'properties']);
    expect(root.tests).toBe(report.entries.length);
  });

  it('fails the entries with required divergences, carrying the case JSON and the replay command', () => {
    const failed = cases.filter((c) => c.failure);
    expect(failed.map((c) => c.name)).toEqual([vectorFailure().title, propertyFailure().title]);
    expect(root.failures).toBe(2);
    const body = failed[0]!.failure!['#text']!;
    expect(body).toContain(`replay: ${vectorFailure().replay}`);
    expect(body).toContain('divergence file: divergences/v.json');
    expect(body).toContain('"action": "sagemaker:CreateEndpoint"');
    expect(body).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    expect(failed[0]!.failure!.message).toBe('Deny on StringEquals wins over Allow: expected explicitDeny, got allowed');
    expect(failed[1]!.failure!['#text']).toContain('--seed 42 --path 3:1:0 --property differential');
  });

  it('marks evaluator errors as errors, skipped entries as skipped, unconfirmed as output only', () => {
    const errored = cases.find((c) => c.name === erroredFailure().title)!;
    expect(errored.error?.message).toContain('evaluator error: timeout after 5000 ms');
    expect(root.errors).toBe(1);
    expect(cases.find((c) => c.name === 'binary conditions')!.skipped).toBeDefined();
    expect(root.skipped).toBe(1);
    const optional = cases.find((c) => c.name === 'unconfirmed reading')!;
    expect(optional.failure).toBeUndefined();
    expect(optional['system-out']).toContain('Unconfirmed (reported, not required)');
  });

  it('names each failure’s cause, so failures of one bug read as one', () => {
    const f = propertyFailure();
    const withCause = { ...f, cause: { signature: 's', title: 'expected explicitDeny, got allowed: a Deny decided by Condition String', features: [] } };
    const tc = parse(renderJunit(makeReport([withCause]))).suites.flatMap((s) => s.testcase).find((t) => t.failure);
    expect(tc?.failure?.['#text']).toContain('cause: expected explicitDeny, got allowed: a Deny decided by Condition String');
  });

  it('gives failures no entry claims a testcase of their own', () => {
    const orphan = vectorFailure({ id: 'orphan', title: 'orphaned failure' });
    const { suites: s } = parse(renderJunit(makeReport([], { failures: [orphan], failed: 1 })));
    const tc = s.flatMap((x) => x.testcase).find((c) => c.name === 'orphaned failure');
    expect(tc?.failure).toBeDefined();
  });

  it('survives CDATA terminators and control characters in the content', () => {
    const nasty = vectorFailure({ title: 'a ]]> b \u0001 c', replay: 'x ]]> y' });
    const text = renderJunit(makeReport([nasty]));
    const tc = parse(text).suites[0]!.testcase.find((c) => c.failure)!;
    expect(tc.failure!['#text']).toContain('replay: x ]] > y');
    expect(text).not.toMatch(/\u0001/);
  });

  it('records entry counts and file as properties and attributes', () => {
    const r = makeReport([], { entries: [entry({ name: 'g', file: 'specs/vectors/a.json', counts: counts({ agree: 2, skipped: 1 }) })] });
    const tc = parse(renderJunit(r)).suites[0]!.testcase[0]!;
    expect(tc.file).toBe('specs/vectors/a.json');
    expect(tc.skipped).toBeUndefined();
    expect(renderJunit(r)).toContain('<property name="agree" value="2"/>');
  });
});
