/**
 * The one place where a `Case` becomes an `@cloud-copilot/iam-simulate` Simulation and its answer becomes
 * a `Verdict`. Pure and package-free: the shapes below restate the parts of iam-simulate's public types we
 * use (0.1.x `Simulation`, `RunSimulationResults`), so this file type-checks and is unit-tested even when the
 * AGPL package is absent. Only `iam-simulate.ts` loads the package, by dynamic `import()`.
 *
 * Why each setting (see docs/evaluators/iam-simulate.md):
 * - The principal is `request.caller` (default: an IAM user in the suite's account) and the resource's
 *   `accountId` is `request.resourceOwner` (default: the caller's account). Within one account and without a
 *   resource policy iam-simulate uses same-account "implicit trust", where an identity-policy Allow suffices
 *   — exactly the identity-only evaluation of SimulateCustomPolicy.
 * - `serviceControlPolicies`: one `{orgIdentifier, policies}` per SCP level, root first, as the Case orders
 *   them; `[]` when the case has none (iam-simulate reads an empty list as "not in an organization").
 *   `resourceControlPolicies: []` always (RCPs are out of scope).
 * - `resourcePolicy` is the case's, when it has one; no `sessionPolicy`, no VPC endpoint policies.
 * - A KMS key request without a resource policy gets the default key policy (`serviceResourcePolicy`): a KMS
 *   key is usable only when its key policy delegates to IAM, and iam-simulate models that.
 * - `bucketAbacEnabled: true` so iam-simulate keeps `aws:ResourceTag/*` keys on S3 requests, as the AWS
 *   simulator would (it uses every supplied context entry the policies reference).
 * - Strict mode: the request is evaluated exactly as supplied (Discovery mode reports "possible" grants).
 * - `runSimulation` first (validation, then evaluation). When its request front end refuses the request
 *   against its service catalogue, or drops supplied context keys, the engine is asked directly
 *   (`engineFallbackReason`): the AWS simulator evaluates such requests as given.
 */
import type { Case, ContextEntry, Decision, MatchedStatement, PolicySet, Verdict } from '../oracle/types.js';
import { DEFAULT_CALLER, MALFORMED_POLICY } from '../oracle/types.js';

/** The account of the default caller (and of every resource, unless the case names an owner). */
export const SIMULATED_ACCOUNT = '123456789012';
/** A plain IAM user: no session, no role-specific trust rules. */
export const SIMULATED_PRINCIPAL = DEFAULT_CALLER;

/** The subset of iam-simulate's `Simulation` input that the adapter fills. */
export interface SimulationInput {
  readonly request: {
    readonly principal: string;
    readonly action: string;
    readonly resource: { readonly resource: string; readonly accountId: string };
    readonly contextVariables: Record<string, string | string[]>;
  };
  readonly identityPolicies: { readonly name: string; readonly policy: unknown }[];
  readonly permissionBoundaryPolicies?: { readonly name: string; readonly policy: unknown }[];
  readonly serviceControlPolicies: { readonly orgIdentifier: string; readonly policies: { readonly name: string; readonly policy: unknown }[] }[];
  readonly resourceControlPolicies: never[];
  readonly resourcePolicy?: unknown;
  readonly additionalSettings: { readonly s3: { readonly bucketAbacEnabled: boolean } };
}

/** The options passed to `runSimulation`. */
export const SIMULATION_OPTIONS = { simulationMode: 'Strict' } as const;

/** iam-simulate's `EvaluationResult`. */
export type SimulateResult = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

interface StatementAnalysisLike {
  readonly policyId?: string;
  readonly statement?: { index(): number; sid(): string | undefined; effect(): string };
}
interface PolicyAnalysisLike {
  readonly result: string;
  readonly allowStatements?: readonly StatementAnalysisLike[];
  readonly denyStatements?: readonly StatementAnalysisLike[];
}
interface RequestAnalysisLike {
  readonly result: SimulateResult;
  readonly identityAnalysis?: PolicyAnalysisLike;
  readonly permissionBoundaryAnalysis?: PolicyAnalysisLike;
}
interface ValidationErrorLike {
  readonly path?: string;
  readonly message?: string;
}

/** The subset of iam-simulate's `RunSimulationResults` that the adapter reads. */
export type SimulationOutput =
  | {
      readonly resultType: 'error';
      readonly errors: {
        readonly message: string;
        readonly identityPolicyErrors?: Readonly<Record<string, readonly ValidationErrorLike[]>>;
        readonly permissionBoundaryErrors?: Readonly<Record<string, readonly ValidationErrorLike[]>>;
        readonly serviceControlPolicyErrors?: Readonly<Record<string, readonly ValidationErrorLike[]>>;
        readonly resourcePolicyErrors?: readonly ValidationErrorLike[];
      };
    }
  | {
      readonly resultType: 'single';
      readonly overallResult: SimulateResult;
      readonly result: { readonly analysis: RequestAnalysisLike; readonly ignoredContextKeys?: readonly string[] };
    }
  | {
      readonly resultType: 'wildcard';
      readonly overallResult: SimulateResult;
      readonly results: readonly {
        readonly analysis: RequestAnalysisLike;
        readonly resourcePattern: string;
        readonly ignoredContextKeys?: readonly string[];
      }[];
    };

/** Error code for a request iam-simulate refuses to evaluate (unknown action, resource of the wrong type, …). */
export const REFUSED_REQUEST = 'InvalidInput';

/**
 * `runSimulation` refusals that are about the request's fit to iam-simulate's service catalogue, not about
 * the policies: an action missing from the catalogue, a resource ARN of a type the action does not take, an
 * ARN for an action that only takes `*`. AWS's simulator evaluates such requests as given (resources "need
 * not exist", API_SimulateCustomPolicy.html), so for these the adapter asks iam-simulate's engine directly.
 */
export const CATALOGUE_REFUSALS: ReadonlySet<string> = new Set([
  'invalid.service',
  'invalid.action',
  'no.resource.types',
  'multiple.resource.types',
  'must.use.wildcard',
]);

/**
 * Why `runSimulation`'s answer does not evaluate the case as given, if it does not: a catalogue refusal, or
 * supplied context keys it dropped because its catalogue says the action does not take them (the AWS
 * simulator uses every supplied entry a policy references — API_ContextEntry.html). Then the adapter
 * re-asks iam-simulate's engine without the request front end (`runUnsafeSimulation`).
 */
export function engineFallbackReason(out: SimulationOutput): string | undefined {
  if (out.resultType === 'error') return CATALOGUE_REFUSALS.has(out.errors.message) ? out.errors.message : undefined;
  // A `*` request it expanded into no resource at all (its catalogue gives the action no resource it can
  // enumerate): nothing was evaluated, so its ImplicitlyDenied says nothing about the policies.
  if (out.resultType === 'wildcard' && out.results.length === 0) return 'no resources evaluated for *';
  const ignored =
    out.resultType === 'single' ? (out.result.ignoredContextKeys ?? []) : out.results.flatMap((r) => r.ignoredContextKeys ?? []);
  return ignored.length > 0 ? `ignored context keys ${[...new Set(ignored)].join(', ')}` : undefined;
}

/** iam-simulate's engine result (`runUnsafeSimulation`) → Verdict. */
export function engineResultToVerdict(result: string): Verdict {
  const decision = DECISIONS[result as SimulateResult];
  if (!decision) throw new Error(`iam-simulate returned an unknown result: ${result}`);
  return { decision };
}

const DECISIONS: Readonly<Record<SimulateResult, Decision>> = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitDeny',
  ImplicitlyDenied: 'implicitDeny',
};

/** Policy names double as JSON paths, so validation errors point into the Case. */
const policyName = (set: 'policies' | 'permissionsBoundaries', i: number): string => `${set}[${i}]`;

/**
 * A context entry's value in iam-simulate's form: `…List` types become arrays (multivalued keys), other
 * types a single string. A single-valued type with several values stays an array so nothing is lost.
 */
export function contextValue(entry: ContextEntry): string | string[] {
  if (entry.type.endsWith('List') || entry.values.length !== 1) return [...entry.values];
  return entry.values[0] as string;
}

/**
 * The case's context entries as iam-simulate's `contextVariables`. Entries naming the same key (in any
 * case) are merged, values in order, as the suite defines them (oracle/context.ts): a plain object could
 * otherwise keep only one of them and silently drop supplied values.
 */
export function contextVariables(entries: readonly ContextEntry[]): Record<string, string | string[]> {
  const merged = new Map<string, ContextEntry>();
  for (const entry of entries) {
    const lower = entry.key.toLowerCase();
    const seen = merged.get(lower);
    if (!seen) {
      merged.set(lower, entry);
      continue;
    }
    const type = (seen.type.endsWith('List') ? seen.type : `${seen.type}List`) as ContextEntry['type'];
    merged.set(lower, { key: seen.key, type, values: [...seen.values, ...entry.values] });
  }
  return Object.fromEntries([...merged.values()].map((e) => [e.key, contextValue(e)]));
}

/** The caller's account: the fifth field of its ARN. */
const accountOf = (arn: string): string => arn.split(':')[4] ?? SIMULATED_ACCOUNT;

/**
 * The default key policy AWS KMS gives a key created without one: its one statement lets the account's
 * IAM policies control access to the key ("Allows access to the AWS account and enables IAM policies").
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 */
export const kmsDefaultKeyPolicy = (account: string) => ({
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

/**
 * The resource policy a service requires before it honours identity policies, for a case that brings none:
 * iam-simulate models KMS key policies (a key with no key policy trusting the account is unusable, as in
 * KMS), while the IAM policy simulator evaluates the identity policies it is given. A KMS request on a key
 * ARN therefore gets the default key policy of the key's account (`owner`), under which an identity-policy
 * Allow of that account suffices.
 */
export function serviceResourcePolicy(c: Case, owner: string): unknown {
  const { action, resource } = c.request;
  if (!action.toLowerCase().startsWith('kms:')) return undefined;
  const parts = resource.split(':');
  return parts.length >= 6 && (parts[2] ?? '').toLowerCase() === 'kms' && parts.slice(5).join(':').toLowerCase().startsWith('key/')
    ? kmsDefaultKeyPolicy(owner)
    : undefined;
}


/** Case → Simulation. */
export function caseToSimulation(c: Case): SimulationInput {
  const boundaries = c.permissionsBoundaries ?? [];
  const caller = c.request.caller ?? SIMULATED_PRINCIPAL;
  const levels = c.serviceControlPolicies ?? [];
  const owner = c.request.resourceOwner ?? accountOf(caller);
  const resourcePolicy = c.resourcePolicy ?? serviceResourcePolicy(c, owner);
  return {
    request: {
      principal: caller,
      action: c.request.action,
      resource: { resource: c.request.resource, accountId: owner },
      contextVariables: contextVariables(c.request.context),
    },
    identityPolicies: c.policies.map((policy, i) => ({ name: policyName('policies', i), policy })),
    // An empty list would still count as "has a boundary" in some code paths: pass none instead.
    ...(boundaries.length > 0
      ? { permissionBoundaryPolicies: boundaries.map((policy, i) => ({ name: policyName('permissionsBoundaries', i), policy })) }
      : {}),
    // The policy names double as JSON paths (`serviceControlPolicies[1][0]`), as for identity policies.
    serviceControlPolicies: levels.map((level, l) => ({
      orgIdentifier: `serviceControlPolicies[${l}]`,
      policies: level.map((policy, i) => ({ name: `serviceControlPolicies[${l}][${i}]`, policy })),
    })),
    resourceControlPolicies: [],
    ...(resourcePolicy !== undefined ? { resourcePolicy } : {}),
    additionalSettings: { s3: { bucketAbacEnabled: true } },
  };
}

/**
 * The simulation as iam-simulate's engine (`runUnsafeSimulation`) takes it: that entry point loads the
 * resource policy without a name and then reads its name, so the policy is handed over in iam-policy's
 * "already validated" wrapper (`{__validated, policyDocument, metadata}`), which carries one. Only reached
 * after `runSimulation` has validated the same documents.
 */
export function engineSimulation(simulation: SimulationInput): SimulationInput {
  if (simulation.resourcePolicy === undefined) return simulation;
  return { ...simulation, resourcePolicy: { __validated: true, policyDocument: simulation.resourcePolicy, metadata: { name: 'resourcePolicy' } } };
}

/** The first validation error, as a path into the Case (`policies[0].Statement[1].Effect`). */
function firstPolicyError(errors: Extract<SimulationOutput, { resultType: 'error' }>['errors']) {
  for (const group of [errors.identityPolicyErrors, errors.permissionBoundaryErrors, errors.serviceControlPolicyErrors]) {
    for (const [name, list] of Object.entries(group ?? {})) {
      const first = list[0];
      if (first) return { path: first.path ? `${name}.${first.path}` : name, message: first.message ?? 'invalid policy' };
    }
  }
  const first = errors.resourcePolicyErrors?.[0];
  if (first) return { path: first.path ? `resourcePolicy.${first.path}` : 'resourcePolicy', message: first.message ?? 'invalid policy' };
  return undefined;
}

const POLICY_SETS: Readonly<Record<string, PolicySet>> = { policies: 'identity', permissionsBoundaries: 'permissionsBoundary' };

/** The statements iam-simulate names as decisive, in our coordinates (its statement index is 1-based). */
function matchedStatements(analysis: RequestAnalysisLike, decision: Decision): MatchedStatement[] {
  if (decision === 'implicitDeny') return [];
  const pick = (a: PolicyAnalysisLike | undefined) =>
    (decision === 'explicitDeny' ? a?.denyStatements : a?.allowStatements) ?? [];
  const out: MatchedStatement[] = [];
  for (const s of [...pick(analysis.identityAnalysis), ...pick(analysis.permissionBoundaryAnalysis)]) {
    const m = /^(policies|permissionsBoundaries)\[(\d+)\]$/.exec(s.policyId ?? '');
    const policySet = m ? POLICY_SETS[m[1] as string] : undefined;
    if (!m || !policySet || !s.statement) continue;
    const sid = s.statement.sid();
    out.push({
      policySet,
      policyIndex: Number(m[2]),
      statementIndex: s.statement.index() - 1,
      effect: s.statement.effect() === 'Deny' ? 'Deny' : 'Allow',
      ...(sid !== undefined ? { sid } : {}),
    });
  }
  return out;
}

/**
 * iam-simulate's answer → Verdict. Policy validation errors become `MalformedPolicyDocument` (AWS's code for
 * the same rejection); any other refusal (`invalid.action`, `no.resource.types`, `must.use.wildcard`,
 * `multiple.resource.types`, …) becomes `InvalidInput` naming iam-simulate's reason: the evaluator answered,
 * it just would not evaluate that request. Crashes are not verdicts: the adapter reports them as `errored`.
 */
export function outputToVerdict(out: SimulationOutput): Verdict {
  if (out.resultType === 'error') {
    if (out.errors.message === 'policy.errors') {
      const first = firstPolicyError(out.errors);
      return {
        error: {
          code: MALFORMED_POLICY,
          message: `iam-simulate: ${first?.message ?? 'policy.errors'}`,
          ...(first ? { path: first.path } : {}),
        },
      };
    }
    return { error: { code: REFUSED_REQUEST, message: `iam-simulate refused the request: ${out.errors.message}` } };
  }
  const decision = DECISIONS[out.overallResult];
  if (!decision) throw new Error(`iam-simulate returned an unknown result: ${String(out.overallResult)}`);
  const analysis =
    out.resultType === 'single'
      ? out.result.analysis
      : out.results.find((r) => r.analysis.result === out.overallResult)?.analysis;
  const statements = analysis ? matchedStatements(analysis, decision) : [];
  return statements.length > 0 ? { decision, matchedStatements: statements } : { decision };
}
