/**
 * Metamorphic properties of the rest of the evaluation chain, each true of AWS itself (so they need no
 * oracle and can run against the live simulator):
 * - an SCP level of `Allow *` on `*` (AWS's FullAWSAccess) changes nothing;
 * - adding SCPs never grants: a decision only becomes more restrictive;
 * - splitting an SCP into two SCPs of the same level changes nothing;
 * - adding a resource policy of Allow statements never removes a grant or an explicit deny within one account;
 * - moving the resource to another account never adds a grant.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import fc from 'fast-check';
import { OTHER_ACCOUNT, OTHER_USER, swapAccounts } from '../../../generators/principal.js';
import { ALLOW_ALL } from '../../../generators/policy-set.js';
import { organization, renderOrganization } from '../../../generators/organizations.js';
import { scenario, scenarioWith } from '../../../generators/scenario.js';
import { ACCOUNT } from '../../../generators/world.js';
import type { Case } from '../../../oracle/types.js';
import { DEFAULT_CALLER } from '../../../oracle/types.js';
import type { ConformanceProperty } from '../../../harness/property.js';
import { answersRelated, rebaseTwin, type Twin } from './same-decision.js';
import { twinProperty } from './twin-property.js';

const pick = <T>(xs: readonly T[], k: number): T => xs[k % xs.length] as T;

export const scpAllowAllLevel = twinProperty({
  name: 'scp-level-allow-all',
  // Enables SCPs, and FullAWSAccess is `Action: "*"`.
  introduces: ['service-control-policy', 'action-wildcard'],
  description: 'Adding an SCP level that allows every action on every resource (FullAWSAccess) does not change the decision.',
  adjust: (s) => ({ ...s, scpPercent: 50 }),
  transform: (c, k) => {
    const levels = c.serviceControlPolicies ?? [];
    const at = k % (levels.length + 1);
    const serviceControlPolicies = [...levels.slice(0, at), [structuredClone(ALLOW_ALL)], ...levels.slice(at)];
    return { case: { ...c, serviceControlPolicies }, description: `SCP level of Allow * on * inserted at level ${at}` };
  },
});

/** How restrictive a decision is; an error stays an error. */
const RESTRICTIVENESS = { allowed: 0, implicitDeny: 1, explicitDeny: 2 } as const;

export const addScpNeverGrants: ConformanceProperty<Twin> = {
  name: 'add-scp-never-grants',
  // The added levels are generated SCPs: wildcards included.
  introduces: ['service-control-policy', 'action-wildcard'],
  description: 'Adding SCP levels never grants: the decision stays or becomes more restrictive ("an SCP never grants permissions").',
  kind: 'metamorphic',
  adjust: (s) => ({ ...s, scpPercent: 30 }),
  arbitrary: (settings, catalogue) =>
    scenarioWith(catalogue, settings, organization(settings), (w, r) => renderOrganization(w, settings, r)).map((s) => {
      const twin = (original: Case): Twin => ({
        original,
        transformed: { ...original, serviceControlPolicies: [...(original.serviceControlPolicies ?? []), ...s.extra] },
        description: `${s.extra.length} SCP level(s) added below the case's own`,
        again: twin,
      });
      return twin(s.case);
    }),
  cases: (t) => [t.original, t.transformed],
  rebase: rebaseTwin,
  check: (evaluator, t) =>
    answersRelated(evaluator, t, (before, after) =>
      before === 'error' || after === 'error' ? before === after : RESTRICTIVENESS[after] >= RESTRICTIVENESS[before],
    ),
};

/** One SCP's statements split between two SCPs of its level (a lone statement: the SCP is duplicated). */
function splitScp(levels: readonly (readonly unknown[])[], k: number): { levels: unknown[][]; description: string } {
  const l = k % levels.length;
  const level = levels[l] ?? [];
  const i = Math.floor(k / levels.length) % Math.max(1, level.length);
  const doc = level[i] as { Statement?: unknown } | undefined;
  const statements = doc && Array.isArray(doc.Statement) ? doc.Statement : [];
  const parts =
    statements.length > 1
      ? [{ ...doc, Statement: statements.slice(0, 1) }, { ...doc, Statement: statements.slice(1) }]
      : [doc, structuredClone(doc)];
  const out = levels.map((x, j) => (j === l ? [...x.slice(0, i), ...parts, ...x.slice(i + 1)] : [...x]));
  return { levels: out, description: `SCP ${i} of level ${l} split in two` };
}

export const scpSplit = twinProperty({
  name: 'scp-split',
  // Its cases always carry SCPs, and generated SCP levels lean on FullAWSAccess (`Action: "*"`).
  introduces: ['service-control-policy', 'action-wildcard'],
  description: 'Splitting an SCP into two SCPs of the same level does not change the decision.',
  adjust: (s) => ({ ...s, scpPercent: 100 }),
  transform: (c, k) => {
    const split = splitScp(c.serviceControlPolicies ?? [[structuredClone(ALLOW_ALL)]], k);
    return { case: { ...c, serviceControlPolicies: split.levels }, description: split.description };
  },
});

/** Principals an added Allow may name: the caller, `*`, the caller's account, another user. */
const ALLOW_PRINCIPALS = [(caller: string) => ({ AWS: caller }), () => '*', () => ({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), (caller: string) => ({ AWS: caller === OTHER_USER ? DEFAULT_CALLER : OTHER_USER })];

export const addResourcePolicy: ConformanceProperty<Twin> = {
  name: 'add-resource-policy',
  // Its settings switch SCPs on, whose generated levels lean on FullAWSAccess (`Action: "*"`).
  introduces: ['resource-policy', 'principal-element', 'action-wildcard'],
  description: 'Adding a resource policy of Allow statements never removes a grant or an explicit deny within one account.',
  kind: 'metamorphic',
  adjust: (s) => ({ ...s, resourcePolicyPercent: 0, crossAccountPercent: 0, scpPercent: 30 }),
  arbitrary: (settings, catalogue) =>
    fc.tuple(scenario(catalogue, settings), fc.nat(), fc.boolean()).map(([s, k, whole]) => {
      const twin = (c: Case): Twin => {
        const caller = c.request.caller ?? DEFAULT_CALLER;
        const Principal = pick(ALLOW_PRINCIPALS, k)(caller);
        const resourcePolicy = {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal, Action: c.request.action, Resource: whole ? '*' : c.request.resource }],
        };
        return { original: c, transformed: { ...c, resourcePolicy }, description: `resource policy allowing ${JSON.stringify(Principal)} added`, again: twin };
      };
      return twin(s.case);
    }),
  cases: (t) => [t.original, t.transformed],
  rebase: rebaseTwin,
  check: (evaluator, t) => answersRelated(evaluator, t, (before, after) => after === before || (before === 'implicitDeny' && after === 'allowed')),
};

/**
 * The case with its resource in the other account: the two accounts swap places in every ARN of the
 * request, the policies, the SCPs and the resource policy's statements (a swap, so ARNs that differed
 * still differ) — but not in the caller, nor in the resource policy's principals, which keep naming
 * whom they named.
 */
export function moveResource(c: Case): Case {
  const move = swapAccounts;
  const { resourcePolicy, ...rest } = c;
  const moved = move(rest);
  // The caller stays who it was: only the resource changes hands (a moved caller would leave the
  // resource-policy statements that name it, Deny ones included).
  const request = { ...moved.request, resourceOwner: OTHER_ACCOUNT, ...(c.request.caller !== undefined ? { caller: c.request.caller } : {}) };
  const out: Case = { ...moved, request };
  if (resourcePolicy === undefined) return out;
  return { ...out, resourcePolicy: moveStatements(resourcePolicy, move) };
}

/**
 * Whether a document of the case holds an ARN pattern with a wildcard inside its account segment
 * (`…:1234567890?2:…`, `…:12345*`). The move swaps the two account numbers where they are written out;
 * such a pattern matches one account's ARNs and not the other's, so the moved case would not be the same
 * policies naming the moved resource (found at 1,000,000 inputs: a Deny on `aws:PrincipalArn` like that
 * stopped applying). Cases with one are not drawn; `*` as the whole segment matches both and is kept.
 */
export function patternsTheSwapMisses(c: Case): boolean {
  const docs: unknown[] = [...c.policies, ...(c.permissionsBoundaries ?? []), ...(c.serviceControlPolicies ?? []).flat(), c.resourcePolicy];
  const misses = (v: unknown): boolean => {
    if (typeof v === 'string') {
      const account = v.split(':')[4];
      return account !== undefined && account !== '*' && /[*?]/.test(account);
    }
    if (Array.isArray(v)) return v.some(misses);
    return typeof v === 'object' && v !== null && Object.values(v).some(misses);
  };
  return docs.some(misses);
}

function moveStatements(doc: unknown, move: <T>(x: T) => T): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  const d = doc as Record<string, unknown>;
  const one = (s: unknown): unknown => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return s;
    const { Principal, NotPrincipal, ...body } = s as Record<string, unknown>;
    return { ...move(body), ...(Principal !== undefined ? { Principal } : {}), ...(NotPrincipal !== undefined ? { NotPrincipal } : {}) };
  };
  return { ...d, Statement: Array.isArray(d.Statement) ? d.Statement.map(one) : one(d.Statement) };
}

export const crossAccountNeverGrants: ConformanceProperty<Twin> = {
  name: 'cross-account-never-grants',
  // Its settings may switch SCPs on, whose generated levels lean on FullAWSAccess (`Action: "*"`).
  introduces: ['cross-account', 'action-wildcard'],
  description: 'Moving the resource to another account never turns a denied request into an allowed one.',
  kind: 'metamorphic',
  adjust: (s) => ({ ...s, resourcePolicyPercent: 70, crossAccountPercent: 0, scpPercent: 20 }),
  arbitrary: (settings, catalogue) =>
    scenario(catalogue, settings)
      .filter((s) => !patternsTheSwapMisses(s.case))
      .map((s) => {
        const twin = (original: Case): Twin => ({ original, transformed: moveResource(original), description: `resource moved to account ${OTHER_ACCOUNT}`, again: twin });
        return twin(s.case);
      }),
  cases: (t) => [t.original, t.transformed],
  rebase: rebaseTwin,
  check: (evaluator, t) =>
    answersRelated(evaluator, t, (before, after) => (before === 'error' || after === 'error' ? before === after : after !== 'allowed' || before === 'allowed')),
};
