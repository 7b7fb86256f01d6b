/**
 * `--record DIR`: every AWS answer saved as a vector file (DESIGN.md vector format) marked
 * `verifiedBy: "aws:<API>"` and `verifiedAt`, so offline CI replays what AWS said. One file per source
 * vector file (`<area>-<topic>.json`) and one for the generated families of a seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EvaluatorResult } from '../evaluator.js';
import { isErrorVerdict, type Feature } from '../../oracle/types.js';
import { parseVectorFile } from '../vector-file.js';
import { caseFeatures } from '../features.js';
import type { LiveItem } from './live-cases.js';

const SIMULATOR_DOC = 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html';

interface GroupJson {
  description: string;
  source: string;
  features: Feature[];
  policies: unknown[];
  permissionsBoundaries: unknown[];
  serviceControlPolicies?: unknown[][];
  resourcePolicy?: unknown;
  verifiedBy: string;
  verifiedAt: string;
  note?: string;
  cases: { description: string; request: object; expected: string; note?: string }[];
}

const usesChain = (item: LiveItem): boolean =>
  (item.case.serviceControlPolicies?.length ?? 0) > 0 ||
  item.case.resourcePolicy !== undefined ||
  item.case.request.caller !== undefined ||
  item.case.request.resourceOwner !== undefined;

const answerOf = (r: EvaluatorResult): string | undefined =>
  r.kind !== 'verdict' ? undefined : isErrorVerdict(r.verdict) ? 'error' : r.verdict.decision;

/** Writes the recorded vector files; resolves to their paths. Only answered cases are recorded. */
export function recordVerified(
  items: readonly LiveItem[],
  answers: ReadonlyMap<LiveItem, EvaluatorResult>,
  dir: string,
  meta: { readonly api: string; readonly verifiedAt: string; readonly seed: number },
): string[] {
  const files = new Map<string, Map<string, GroupJson>>();
  for (const item of items) {
    const aws = answers.get(item);
    const expected = aws && answerOf(aws);
    if (!expected) continue;
    const fileName = item.file ? `${basename(dirname(item.file))}-${basename(item.file, '.json')}.json` : `generated-seed-${meta.seed}.json`;
    const groups = files.get(fileName) ?? new Map<string, GroupJson>();
    files.set(fileName, groups);
    const groupKey = item.group ? `g:${item.groupKey}` : `f:${item.family}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        description: item.group ? item.group.description : `generated family ${item.family} (seed ${meta.seed})`,
        source: item.group?.source ?? SIMULATOR_DOC,
        features: [...(item.group?.features ?? [])],
        policies: [...item.case.policies],
        permissionsBoundaries: [...(item.case.permissionsBoundaries ?? [])],
        ...(item.case.serviceControlPolicies ? { serviceControlPolicies: item.case.serviceControlPolicies.map((l) => [...l]) } : {}),
        ...(item.case.resourcePolicy !== undefined ? { resourcePolicy: item.case.resourcePolicy } : {}),
        // Cases with SCPs, a resource policy, a caller or an owner are always asked through SimulateCustomPolicy.
        verifiedBy: `aws:${usesChain(item) ? 'SimulateCustomPolicy' : meta.api}`,
        verifiedAt: meta.verifiedAt,
        ...(item.group?.unconfirmed ? { note: 'was unconfirmed; settled by AWS' } : {}),
        cases: [],
      };
      groups.set(groupKey, group);
    }
    for (const f of caseFeatures(item.case)) if (!group.features.includes(f)) group.features.push(f);
    const vectorSaid = item.vectorExpected && (isErrorVerdict(item.vectorExpected) ? 'error' : item.vectorExpected.decision);
    const r = item.case.request;
    group.cases.push({
      description: item.description,
      request: {
        action: r.action,
        resource: r.resource,
        ...(r.context.length ? { context: r.context } : {}),
        ...(r.caller !== undefined ? { caller: r.caller } : {}),
        ...(r.resourceOwner !== undefined ? { resourceOwner: r.resourceOwner } : {}),
      },
      expected,
      ...(vectorSaid && vectorSaid !== expected ? { note: `the vector expected ${vectorSaid}; AWS answered ${expected}` } : {}),
    });
  }
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, groups] of files) {
    const path = join(dir, name);
    const text = JSON.stringify([...groups.values()], null, 2) + '\n';
    parseVectorFile(text, path); // the recording must itself be a valid vector file
    writeFileSync(path, text);
    written.push(path);
  }
  return written;
}
