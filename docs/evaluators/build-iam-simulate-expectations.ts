/**
 * Rebuilds specs/expectations/iam-simulate.json: one exact entry per vector case iam-simulate answers
 * differently (its cause from triage-classify.ts, the wording and citation from iam-simulate-causes.ts),
 * plus the few families below for generated cases. Prints any divergence it cannot attribute and then
 * refuses to write: every entry must have an understood, cited cause.
 *
 *   npx tsx docs/evaluators/build-iam-simulate-expectations.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateWithIamSimulate, loadIamSimulate } from '../../evaluators/iam-simulate.js';
import { packageRoot } from '../../cli/package-root.js';
import { evaluate } from '../../oracle/index.js';
import type { Case } from '../../oracle/types.js';
import { answerOf, expectedVerdict, type Answer } from '../../specs/harness/compare.js';
import { loadExpectations, type Expectation, type ExpectationMatch } from '../../specs/harness/expectations.js';
import { groupCases, loadVectorFiles } from '../../specs/harness/vector-file.js';
import { CAUSES, type CauseId } from './iam-simulate-causes.js';
import { classify } from './triage-classify.js';

/**
 * Families for generated cases, with the answer pairs seen in triage runs. Only causes a match on the
 * *request* pins down: `iam-conformance run` masks a matching divergence with the oracle's answer, and
 * metamorphic properties change policies, not requests, so a request-keyed family masks both cases of a
 * pair alike. Policy-keyed families (features version-2008 + policy-variables; set-operators + if-exists
 * + missing-key) were tried and removed: two different statements can supply their features, and masking
 * one case of a pair but not the other produced false metamorphic failures.
 */
const FAMILIES: readonly { cause: CauseId; id: string; match: ExpectationMatch; pairs: [Answer, Answer][] }[] = [
  {
    cause: 'request-resource-star',
    id: 'request-resource-star',
    match: { contains: '"resource":"*"', features: ['resource-arn'] },
    pairs: [
      ['implicitDeny', 'allowed'],
      ['explicitDeny', 'implicitDeny'],
      ['implicitDeny', 'explicitDeny'],
      ['explicitDeny', 'allowed'],
      ['allowed', 'implicitDeny'],
    ],
  },
  // The generators' case-flipped near misses upper-case an ARN from its service segment on.
  ...(['SAGEMAKER', 'S3', 'IAM', 'EC2'] as const).map((service) => ({
    cause: 'arn-segment-case' as const,
    id: `arn-segment-case-${service.toLowerCase()}`,
    match: { resource: `arn:aws:${service}:*` },
    pairs: [
      ['implicitDeny', 'allowed'],
      ['implicitDeny', 'explicitDeny'],
      ['explicitDeny', 'implicitDeny'],
      ['allowed', 'implicitDeny'],
    ] as [Answer, Answer][],
  })),
];

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

function entry(id: string, cause: CauseId, expected: Answer, actual: Answer, rest: { case?: Case; match?: ExpectationMatch }, unconfirmedVector = false): Expectation {
  const c = CAUSES[cause];
  const note = 'note' in c ? c.note : undefined;
  return {
    id,
    description: c.description,
    ...rest,
    expected,
    actual,
    citation: c.citation,
    feature: c.feature,
    status: unconfirmedVector ? 'unconfirmed' : c.status,
    note: [`cause: ${cause}`, note, unconfirmedVector && c.status !== 'unconfirmed' ? 'The vector itself is unconfirmed.' : undefined]
      .filter(Boolean)
      .join('. '),
  };
}

const sim = await loadIamSimulate();
const out: Expectation[] = [];
const unexplained: string[] = [];
const ids = new Set<string>();
for (const file of await loadVectorFiles([join(packageRoot(), 'specs', 'vectors')])) {
  for (const group of file.groups) {
    for (const gc of groupCases(group)) {
      const result = await evaluateWithIamSimulate(sim, gc.case);
      if (result.kind !== 'verdict') {
        unexplained.push(`${file.file} › ${group.description} › ${gc.description}: errored (${result.message}) — not an expectation`);
        continue;
      }
      const actual = answerOf(result.verdict);
      if (actual === gc.expected) continue;
      const oracle = evaluate(gc.case);
      if (answerOf(oracle) !== gc.expected) console.error(`note: the oracle disagrees with the vector: ${group.description} › ${gc.description}`);
      const cause = classify(gc.case, oracle, result.verdict) ?? classify(gc.case, expectedVerdict(gc.expected), result.verdict);
      if (!cause) {
        unexplained.push(`${group.description} › ${gc.description}: ${gc.expected} vs ${actual}`);
        continue;
      }
      let id = `vector-${slug(`${group.description} ${gc.description}`)}`;
      while (ids.has(id)) id += '-x';
      ids.add(id);
      out.push(entry(id, cause, gc.expected, actual, { case: gc.case }, group.unconfirmed === true));
    }
  }
}
for (const f of FAMILIES) {
  for (const [expected, actual] of f.pairs) out.push(entry(slug(`family-${f.id}-${expected}-${actual}`), f.cause, expected, actual, { match: f.match }));
}

console.error(`${out.length} entries (${out.filter((e) => e.case).length} exact)`);
for (const u of unexplained) console.error(`unexplained: ${u}`);
const target = join(packageRoot(), 'specs', 'expectations', 'iam-simulate.json');
const text = `${JSON.stringify(out, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === text;
  console.log(same ? 'specs/expectations/iam-simulate.json is up to date' : 'specs/expectations/iam-simulate.json is stale');
  process.exit(same ? 0 : 1);
}
if (unexplained.some((u) => !u.includes('errored'))) {
  console.error('not written: attribute every divergence to a cause first');
  process.exit(1);
}
writeFileSync(target, text);
loadExpectations(target); // validates against specs/schemas/expectations.schema.json
console.log(`wrote ${out.length} entries to ${target}`);
