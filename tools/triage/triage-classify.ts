/**
 * Named causes for the triage tool: each rule recognises, in a shrunk disagreement, one divergence already
 * understood (docs/evaluators/iam-simulate.md explains each, with its AWS citation). What no rule claims is
 * reported as `other` with a structural signature, to be looked at by hand.
 */
import type { Case, PolicyType, Verdict } from '../../oracle/types.js';
import { DEFAULT_CALLER, isErrorVerdict } from '../../oracle/types.js';
import { validatePolicy } from '../../oracle/validate/index.js';
import { VALIDATION_CAUSES, type CauseId } from './iam-simulate-causes.js';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every document of the case: identity policies, boundaries, SCPs and the resource policy. */
const docsOf = (c: Case): Json[] => [
  ...c.policies,
  ...(c.permissionsBoundaries ?? []),
  ...(c.serviceControlPolicies ?? []).flat(),
  ...(c.resourcePolicy !== undefined ? [c.resourcePolicy] : []),
];
const statementsOf = (doc: Json): Record<string, Json>[] =>
  isObject(doc) ? [doc.Statement].flat().filter(isObject) : [];
const strings = (v: Json): string[] => [v].flat().filter((x): x is string => typeof x === 'string');
const conditionsOf = (c: Case): [string, string, Json][] =>
  docsOf(c).flatMap((d) =>
    statementsOf(d).flatMap((s) =>
      isObject(s.Condition)
        ? Object.entries(s.Condition).flatMap(([op, block]) =>
            isObject(block) ? Object.entries(block).map(([k, v]): [string, string, Json] => [op, k, v]) : [],
          )
        : [],
    ),
  );
const hasKey = (c: Case, key: string): boolean => c.request.context.some((e) => e.key.toLowerCase() === key.toLowerCase());
const resourcePatterns = (c: Case): string[] =>
  docsOf(c).flatMap((d) => statementsOf(d).flatMap((s) => [...strings(s.Resource), ...strings(s.NotResource)]));

/** The resource-type part of an ARN's resource segment (`endpoint/` of `endpoint/x`), if it has one. */
function resourceTypePart(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  const rest = parts.slice(5).join(':');
  const cut = [rest.indexOf('/'), rest.indexOf(':')].filter((i) => i >= 0);
  return cut.length ? rest.slice(0, Math.min(...cut)) : undefined;
}

/** The partition, service, region and account segments, where iam-simulate ignores case. */
const arnHead = (arn: string): string => arn.split(':').slice(0, 5).join(':');

const NEGATED = /^(ForAllValues:|ForAnyValue:)?(StringNot|ArnNot|NumericNot|DateNot|NotIp)/i;

/** The cause of a disagreement on a (shrunk) case, if it is one already understood. */
export function classify(c: Case, oracle: Verdict, actual: Verdict | undefined): CauseId | undefined {
  if (isErrorVerdict(oracle)) {
    if (actual === undefined || isErrorVerdict(actual)) return undefined;
    const typed: [Json, PolicyType][] = [
      ...[...c.policies, ...(c.permissionsBoundaries ?? [])].map((d): [Json, PolicyType] => [d, 'identity']),
      ...(c.serviceControlPolicies ?? []).flat().map((d): [Json, PolicyType] => [d, 'serviceControl']),
      ...(c.resourcePolicy !== undefined ? [[c.resourcePolicy, 'resource'] as [Json, PolicyType]] : []),
    ];
    const rules = typed.flatMap(([d, policyType]) => {
      const r = validatePolicy(d, { policyType });
      return r.ok ? [] : r.errors.map((e) => e.rule);
    });
    const known = rules.map((r) => VALIDATION_CAUSES[r]).find((x) => x !== undefined);
    return known ?? 'accepts-undocumented-invalid';
  }
  if (actual === undefined || isErrorVerdict(actual)) return undefined;
  return classifyDecision(c);
}

/** A NotPrincipal Deny in the resource policy naming the caller's account but not the caller itself. */
function notPrincipalAccountEntry(c: Case): boolean {
  const caller = c.request.caller ?? DEFAULT_CALLER;
  const account = caller.split(':')[4] ?? '';
  return statementsOf(c.resourcePolicy).some((s) => {
    if (s.Effect !== 'Deny' || !isObject(s.NotPrincipal)) return false;
    const listed = strings(s.NotPrincipal.AWS);
    return !listed.includes(caller) && listed.some((p) => p === account || p === `arn:aws:iam::${account}:root`);
  });
}

function classifyDecision(c: Case): CauseId | undefined {
  if (notPrincipalAccountEntry(c)) return 'not-principal-account-entry';
  // A ${variable} naming a key that has several values (merged entries): the oracle substitutes nothing,
  // iam-simulate's catalogue calls the key single-valued and keeps the first value.
  const multi = (key: string) => c.request.context.filter((e) => e.key.toLowerCase() === key.toLowerCase()).flatMap((e) => e.values).length > 1;
  const varsUsed = docsOf(c).flatMap((d) => [...JSON.stringify(d).matchAll(/\$\{([^},]+)/g)].map((m) => (m[1] as string).trim()));
  if (varsUsed.some(multi)) return 'catalogue-typed-context';
  if (c.request.resource === '*' && resourcePatterns(c).some((r) => r !== '*')) return 'request-resource-star';
  for (const d of docsOf(c)) {
    if (isObject(d) && d.Version !== '2012-10-17' && JSON.stringify(d).includes('${')) return 'version-2008-variables';
  }
  if (resourcePatterns(c).some((r) => /[*?]/.test(resourceTypePart(r) ?? ''))) return 'resource-type-wildcard';
  if (resourcePatterns(c).some((r) => r.startsWith('arn:') && r.split(':').length < 6)) return 'short-resource-pattern';
  const heads = [c.request.resource, ...resourcePatterns(c)].filter((r) => r.startsWith('arn:')).map(arnHead);
  if (heads.some((h) => h !== h.toLowerCase())) return 'arn-segment-case';
  for (const d of docsOf(c)) {
    for (const s of statementsOf(d)) {
      const vars = strings(s.NotResource).flatMap((r) => [...r.matchAll(/\$\{([^},]+)\}/g)].map((m) => (m[1] as string).trim()));
      if (vars.some((v) => !hasKey(c, v))) return 'notresource-absent-variable';
    }
  }
  for (const d of docsOf(c)) {
    for (const s of statementsOf(d)) {
      const vars = [...strings(s.Resource), ...strings(s.NotResource)].flatMap((r) => [...r.matchAll(/\$\{([^},]+)\}/g)].map((m) => (m[1] as string).trim()));
      if (vars.some((v) => c.request.context.some((e) => e.key.toLowerCase() === v.toLowerCase() && e.values.includes('')))) return 'variable-empty-string';
    }
  }
  for (const [op, key, values] of conditionsOf(c)) {
    const ctx = c.request.context.filter((e) => e.key.toLowerCase() === key.toLowerCase());
    if (/^(ForAllValues:|ForAnyValue:)?Date/i.test(op)) {
      const numeric = (x: string) => /^-?\d+$/.test(x);
      const mixed = strings(values).some((p) => ctx.some((e) => e.values.some((x) => numeric(x) !== numeric(p))));
      if (mixed) return 'date-epoch-seconds';
    }
    if (ctx.length > 0 && ctx.every((e) => e.values.length === 0)) return 'empty-list-key';
    if (/^Null$/i.test(op) && ctx.length > 0 && ctx.every((e) => e.values.every((x) => x === ''))) return 'empty-string-null';
    if (!/^For(All|Any)Value/i.test(op) && !/^Null$/i.test(op) && ctx.some((e) => e.type.endsWith('List'))) return 'plain-operator-list-type';
    // Entries merged into several values for a key iam-simulate's catalogue calls single-valued.
    if (!/^Null$/i.test(op) && ctx.length > 1 && ctx.every((e) => !e.type.endsWith('List'))) return 'catalogue-typed-context';
    if (!/^For(All|Any)Value/i.test(op) && !/^Null$/i.test(op) && ctx.flatMap((e) => e.values).length > 1) return 'catalogue-typed-context';
    if (/^(ForAllValues:|ForAnyValue:)?Arn/i.test(op)) {
      if (strings(values).some((p) => /\$\{/.test(p) && p.replace(/\$\{[^}]*\}/g, 'X').split(':').length < 6)) return 'arn-variable-spans-segments';
      if (strings(values).some((p) => p.split(':').length < 6)) return 'arn-like-short-pattern';
      if (ctx.some((e) => e.values.some((x) => x.split(':').length < 6 || !x.startsWith('arn:')))) return 'arn-like-non-arn-value';
    }
    if (/IpAddress/i.test(op) && strings(values).some((p) => /^[\d.]+\/0$/.test(p))) return 'ipv4-slash-zero';
    if (/^String/i.test(op) && strings(values).some((p) => p.includes('*')) && ctx.some((e) => e.values.some((x) => x.includes('\n')))) return 'wildcard-newline';
    if (/^Numeric/i.test(op) && ctx.some((e) => e.values.some((x) => /e/i.test(x)))) return 'numeric-exponent';
    if (/^String/i.test(op) && ctx.some((e) => !e.type.endsWith('List') && e.key.toLowerCase() === 'aws:tagkeys')) return 'catalogue-typed-context';
    if (/^ForAnyValue:.*IfExists$/i.test(op) && !hasKey(c, key)) return 'foranyvalue-ifexists-absent-key';
    const vars = strings(values).flatMap((v) => [...v.matchAll(/\$\{([^},]+)/g)].map((m) => (m[1] as string).trim()));
    if (NEGATED.test(op) && vars.some((v) => !['*', '?', '$'].includes(v) && !hasKey(c, v))) return 'negated-operator-absent-variable';
    if (/NotIpAddress/i.test(op)) {
      const v6 = (s: string) => s.includes(':');
      const bare = strings(values).filter((p) => !p.includes('/'));
      if (bare.some((p) => ctx.some((e) => e.values.some((x) => v6(x) !== v6(p))))) return 'bare-ip-other-family';
    }
  }
  return undefined;
}
