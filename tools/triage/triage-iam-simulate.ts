/**
 * Triage tool: runs cases through the oracle and through iam-simulate, shrinks every disagreement greedily
 * and groups them by a signature of what is left, so each group is one cause to look up in the AWS docs.
 * A maintenance tool (not part of the suite or of `npm test`); docs/evaluators/iam-simulate.md cites it.
 *
 *   npx tsx tools/triage/triage-iam-simulate.ts [--vectors DIR] [--probes] [--random N --seed S
 *       --profile NAME] [--examples K] [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import { caseToSimulation, engineFallbackReason, engineSimulation, SIMULATION_OPTIONS } from '../../evaluators/iam-simulate-mapping.js';
import { evaluateWithIamSimulate, loadIamSimulate, type IamSimulateModule } from '../../evaluators/iam-simulate.js';
import type { EvaluatorResult } from '../../harness/evaluator.js';
import { describeResult } from '../../harness/compare.js';
import { evaluate } from '../../oracle/index.js';
import type { Case, Verdict } from '../../oracle/types.js';
import { isErrorVerdict } from '../../oracle/types.js';
import { validatePolicy } from '../../oracle/validate/index.js';
import { caseFeatures } from '../../harness/features.js';
import { PROBES } from './iam-simulate-probes.js';
import { randomCases, vectorCases, type Labelled } from './triage-sources.js';
import { classify } from './triage-classify.js';
import { shrink } from '../../harness/minimise.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const answer = (r: EvaluatorResult | Verdict): string =>
  'kind' in r ? (r.kind === 'verdict' ? answer(r.verdict) : r.kind) : isErrorVerdict(r) ? 'error' : r.decision;

interface Disagreement {
  readonly label: string;
  readonly original: Case;
  readonly shrunk: Case;
  readonly oracle: Verdict;
  readonly simulate: EvaluatorResult;
  readonly cause: string;
  readonly detail: string;
}

const sim: IamSimulateModule = await loadIamSimulate();
const simulate = (c: Case) => evaluateWithIamSimulate(sim, c);
const disagree = async (c: Case): Promise<boolean> => answer(evaluate(c)) !== answer(await simulate(c));

/** A first cut at the cause from the raw outputs; refined by the signature of the shrunk case. */
async function diagnose(c: Case, oracle: Verdict, actual: EvaluatorResult): Promise<{ cause: string; detail: string }> {
  if (actual.kind !== 'verdict') return { cause: 'simulate-crash', detail: describeResult(actual).slice(0, 120) };
  const v = actual.verdict;
  if (isErrorVerdict(oracle) && !isErrorVerdict(v)) {
    const rules = [...c.policies, ...(c.permissionsBoundaries ?? [])].flatMap((d) => {
      const r = validatePolicy(d);
      return r.ok ? [] : r.errors.map((e) => e.rule);
    });
    return { cause: `oracle-rejects:${[...new Set(rules)].sort().join('+')}`, detail: oracle.error.message };
  }
  if (isErrorVerdict(v) && !isErrorVerdict(oracle)) {
    const reason = v.error.code === 'InvalidInput' ? v.error.message.replace(/^.*: /, '') : `policy:${v.error.message.replace(/^iam-simulate: /, '')}`;
    return { cause: `simulate-rejects:${reason}`, detail: v.error.path ?? '' };
  }
  const raw = await sim.runSimulation(caseToSimulation(c), SIMULATION_OPTIONS);
  const fallback = engineFallbackReason(raw);
  const unsafe = sim.runUnsafeSimulation?.(engineSimulation(caseToSimulation(c)), SIMULATION_OPTIONS);
  const notes = [
    fallback ? `engine-fallback(${fallback})` : '',
    raw.resultType === 'wildcard' ? 'wildcard-resource-mode' : '',
    unsafe ? `unsafe=${unsafe}` : '',
  ].filter(Boolean);
  const front = fallback ? 'engine-fallback' : raw.resultType === 'wildcard' ? 'request-resource-star' : 'engine';
  return { cause: front, detail: notes.join(' ') };
}

/** What is left of a shrunk case, as a grouping key: operators, context types, resource form, features. */
function signature(c: Case): string {
  const ops = new Set<string>();
  const elements = new Set<string>();
  for (const d of [...c.policies, ...(c.permissionsBoundaries ?? [])]) {
    const doc = d as { Version?: unknown; Statement?: unknown };
    if (doc && typeof doc === 'object' && doc.Version !== '2012-10-17') elements.add(`Version=${String(doc.Version)}`);
    for (const s of [doc?.Statement ?? []].flat() as Record<string, unknown>[]) {
      if (!s || typeof s !== 'object') continue;
      for (const k of Object.keys(s)) if (k !== 'Condition' && k !== 'Sid') elements.add(`${String(s.Effect)}:${k}`);
      for (const op of Object.keys((s.Condition as object) ?? {})) ops.add(op);
    }
  }
  const ctx = c.request.context.map((e) => `${e.type}${e.values.length === 0 ? '[]' : e.values.length > 1 ? '[n]' : ''}`);
  const res = c.request.resource === '*' ? 'res=*' : 'res=arn';
  return [[...ops].sort().join(','), [...elements].sort().join(','), ctx.sort().join(','), res, caseFeatures(c).join(',')]
    .filter(Boolean)
    .join(' | ');
}

const sources: Labelled[] = [];
if (args.includes('--probes')) sources.push(...PROBES.map((p) => ({ label: `probe: ${p.description}`, case: p.case })));
const vectorDir = opt('vectors');
if (vectorDir) sources.push(...(await vectorCases(vectorDir)));
const n = Number(opt('random') ?? 0);
if (n > 0) sources.push(...(await randomCases(n, Number(opt('seed') ?? 1), opt('profile'))));

const found: Disagreement[] = [];
let agree = 0;
/** Per feature of the original cases: how many agree, diverge, or leave iam-simulate without an answer. */
const perFeature = new Map<string, { agree: number; diverge: number; errored: number }>();
for (const { label, case: c } of sources) {
  const oracle = evaluate(c);
  const actual = await simulate(c);
  const same = answer(oracle) === answer(actual);
  for (const f of caseFeatures(c)) {
    const t = perFeature.get(f) ?? { agree: 0, diverge: 0, errored: 0 };
    if (same) t.agree++;
    else if (actual.kind === 'errored') t.errored++;
    else t.diverge++;
    perFeature.set(f, t);
  }
  if (same) {
    agree++;
    continue;
  }
  const shrunk = await shrink(c, disagree);
  const o2 = evaluate(shrunk);
  const a2 = await simulate(shrunk);
  const { cause, detail } = await diagnose(shrunk, o2, a2);
  const named =
    classify(shrunk, o2, a2.kind === 'verdict' ? a2.verdict : undefined) ??
    // Resource * with an implicitly denied exact pattern: iam-simulate reports no dropped keys, so the
    // adapter cannot fall back to the engine (see docs/evaluators/iam-simulate.md, "Request front end").
    (detail.includes('wildcard-resource-mode') && detail.includes(`unsafe=${{ allowed: 'Allowed', explicitDeny: 'ExplicitlyDenied', implicitDeny: 'ImplicitlyDenied' }[answer(o2)] ?? '?'}`)
      ? 'front-end-dropped-context'
      : undefined);
  const key = named ?? (cause.startsWith('engine') || cause.startsWith('request') ? `other || ${signature(shrunk)}` : `${cause} || ${signature(shrunk)}`);
  found.push({ label, original: c, shrunk, oracle: o2, simulate: a2, cause: key, detail: `[${cause}] ${detail}` });
}

const groups = new Map<string, Disagreement[]>();
for (const d of found) groups.set(d.cause, [...(groups.get(d.cause) ?? []), d]);
const examples = Number(opt('examples') ?? 1);
console.log(`cases ${sources.length}, agree ${agree}, disagree ${found.length}, causes ${groups.size}\n`);
for (const [cause, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  const tally = new Map<string, number>();
  for (const d of list) {
    const k = `${answer(d.oracle)}→${answer(d.simulate)}`;
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  console.log(`## ${list.length} × ${cause}   [${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}]`);
  for (const d of list.slice(0, examples)) {
    console.log(`  ${d.label}\n  oracle=${answer(d.oracle)} iam-simulate=${answer(d.simulate)} ${d.detail}`);
    console.log(`  ${JSON.stringify(d.shrunk)}`);
  }
  console.log('');
}
const out = opt('json');
if (out) writeFileSync(out, JSON.stringify(found, null, 1));
const stats = opt('stats');
if (stats) {
  const causes = Object.fromEntries([...groups].map(([k, v]) => [k.split(' || ')[0], v.length]));
  writeFileSync(stats, JSON.stringify({ cases: sources.length, agree, disagree: found.length, perFeature: Object.fromEntries(perFeature), causes }, null, 1));
}
