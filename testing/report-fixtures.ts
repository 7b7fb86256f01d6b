/** Hand-built RunReports for the writers' tests: small, readable, and covering every kind of failure. */
import type { Case, Verdict } from '../oracle/types.js';
import type { Counts, Entry, Failure, RunReport } from '../harness/results.js';

export const counts = (partial: Partial<Counts> = {}): Counts => ({
  agree: 0,
  diverge: 0,
  expectedDivergence: 0,
  skipped: 0,
  errored: 0,
  ...partial,
});

export const HOSTILE = '</code><script>alert("x")</script><img src="https://evil.example/x.png">';

export const denyCase: Case = {
  policies: [
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowAll', Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' },
        {
          Sid: 'DenyRed',
          Effect: 'Deny',
          Action: 'sagemaker:CreateEndpoint',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestTag/team': HOSTILE } },
        },
      ],
    },
  ],
  permissionsBoundaries: [],
  request: {
    action: 'sagemaker:CreateEndpoint',
    resource: '*',
    context: [{ key: 'aws:RequestTag/team', type: 'string', values: [HOSTILE] }],
  },
};

export const denyVerdict: Verdict = {
  decision: 'explicitDeny',
  matchedStatements: [
    { policySet: 'identity', policyIndex: 0, statementIndex: 0, sid: 'AllowAll', effect: 'Allow' },
    { policySet: 'identity', policyIndex: 0, statementIndex: 1, sid: 'DenyRed', effect: 'Deny' },
  ],
  trace: [
    { policySet: 'identity', policyIndex: 0, statementIndex: 1, element: 'Action', holds: true, reason: 'sagemaker:CreateEndpoint matches' },
    {
      policySet: 'identity',
      policyIndex: 0,
      statementIndex: 1,
      element: 'Condition',
      detail: 'StringEquals/aws:RequestTag/team',
      holds: true,
      reason: 'value equals',
    },
    { policySet: 'identity', policyIndex: 0, statementIndex: 1, element: 'Statement', holds: true, reason: 'applies' },
  ],
};

export const vectorFailure = (over: Partial<Failure> = {}): Failure => ({
  id: 'vectors/conditions/string.json#0/1',
  suite: 'vectors',
  title: 'Deny on StringEquals wins over Allow',
  origin: {
    kind: 'vector',
    file: 'specs/vectors/conditions/string.json',
    group: 'StringEquals deny',
    case: 'red team is denied',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
    unconfirmed: false,
  },
  case: denyCase,
  features: ['condition-string', 'explicit-deny'],
  expected: denyVerdict,
  actual: { kind: 'verdict', verdict: { decision: 'allowed' } },
  oracleTrace: (denyVerdict as { trace: Failure['oracleTrace'] }).trace,
  replay: 'iam-conformance vectors specs/vectors/conditions/string.json --evaluator module:./broken.js',
  required: true,
  ...over,
});

export const propertyFailure = (over: Partial<Failure> = {}): Failure => ({
  id: 'properties/differential/default',
  suite: 'properties',
  title: 'differential: evaluator agrees with the oracle',
  origin: { kind: 'property', property: 'differential', profile: 'default', seed: 42, path: '3:1:0' },
  case: {
    policies: [{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' } }],
    request: { action: 'sagemaker:ListEndpoints', resource: '*', context: [] },
  },
  features: ['action-wildcard'],
  expected: { decision: 'implicitDeny', matchedStatements: [], trace: [
    { policySet: 'identity', policyIndex: 0, statementIndex: 0, element: 'Action', holds: false, reason: 'sagemaker:Describe* does not match sagemaker:ListEndpoints' },
  ] },
  actual: { kind: 'verdict', verdict: { decision: 'allowed' } },
  replay: 'iam-conformance run --evaluator module:./broken.js --seed 42 --path 3:1:0 --property differential',
  required: true,
  ...over,
});

export const erroredFailure = (over: Partial<Failure> = {}): Failure => ({
  ...vectorFailure(),
  id: 'vectors/malformed/effect.json#0/0',
  title: 'Effect must be Allow or Deny',
  case: {
    policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] }],
    request: { action: 'sagemaker:ListModels', resource: '*', context: [] },
  },
  features: ['malformed-policy'],
  expected: { error: { code: 'MalformedPolicyDocument', message: 'Effect must be Allow or Deny', path: 'policies[0].Statement[0].Effect' } },
  actual: { kind: 'errored', message: 'timeout after 5000 ms' },
  oracleTrace: undefined,
  ...over,
});

export const entry = (over: Partial<Entry> & Pick<Entry, 'name'>): Entry => ({
  suite: 'vectors',
  counts: counts({ agree: 1 }),
  durationMs: 12,
  failures: [],
  ...over,
});

/** A report with the given failures, each attributed to an entry of its own, plus one passing and one skipped entry. */
export function makeReport(failures: readonly Failure[] = [], over: Partial<RunReport> = {}): RunReport {
  const entries: Entry[] = [
    entry({ name: 'Describe* grants only Describe actions', file: 'specs/vectors/actions/wildcard.json', counts: counts({ agree: 3 }) }),
    entry({ name: 'binary conditions', counts: counts({ skipped: 2 }) }),
    ...failures.map((f) =>
      entry({
        suite: f.suite,
        name: f.title,
        counts: counts(f.actual.kind === 'errored' ? { errored: 1 } : { diverge: 1 }),
        failures: [f.id],
      }),
    ),
  ];
  const failed = failures.filter((f) => f.required).length;
  return {
    schemaVersion: 1,
    tool: { name: 'iam-conformance', version: '0.1.0' },
    verb: 'run',
    evaluator: { spec: 'module:./broken.js', name: 'broken', version: '1.0.0' },
    startedAt: '2026-11-28T01:00:00.000Z',
    finishedAt: '2026-11-28T01:00:05.500Z',
    seed: 42,
    settings: { runs: 100, profiles: ['default'] },
    excludedFeatures: [],
    totals: counts({ agree: 3, skipped: 2, diverge: failed }),
    perFeature: {
      'action-wildcard': counts({ agree: 3 }),
      'condition-binary': counts({ skipped: 2 }),
      'condition-string': counts({ diverge: failed }),
    },
    entries,
    failures,
    passed: 3,
    failed,
    ...over,
  };
}
