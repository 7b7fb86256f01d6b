/**
 * A decider that asks our oracle — fine in the test server, which plays AWS and is not part of the
 * oracle. Loaded lazily so the server works while the oracle is still being built.
 */
import type { Case, ContextKeyType } from '../../oracle/types.js';
import { AwsFault, type Decider } from './iam-query-server.js';

type Evaluate = (c: Case) => import('../../oracle/types.js').Verdict;

export async function oracleDecider(): Promise<Decider> {
  const mod = (await import('../../oracle/index.js')) as { evaluate: Evaluate };
  return (q) => {
    const parse = (t: string): unknown => {
      try {
        return JSON.parse(t);
      } catch {
        throw new AwsFault('MalformedPolicyDocument', 'Syntax errors in policy.');
      }
    };
    const { orderedOrganizationPolicyInputList: levels, resourcePolicy, callerArn, resourceOwner } = q.input;
    const verdict = mod.evaluate({
      policies: q.attached.map(parse),
      ...(q.input.permissionsBoundaryPolicyInputList.length > 0
        ? { permissionsBoundaries: q.input.permissionsBoundaryPolicyInputList.map(parse) }
        : {}),
      ...(levels.length > 0 ? { serviceControlPolicies: levels.map((l) => l.map(parse)) } : {}),
      ...(resourcePolicy !== undefined ? { resourcePolicy: parse(resourcePolicy) } : {}),
      request: {
        action: q.action,
        resource: q.resource,
        context: q.input.contextEntries.map((e) => ({ key: e.ContextKeyName, type: e.ContextKeyType as ContextKeyType, values: e.ContextKeyValues })),
        ...(callerArn !== undefined ? { caller: callerArn } : {}),
        // ResourceOwner travels as arn:aws:iam::ID:root; the Case takes the ID.
        ...(resourceOwner !== undefined ? { resourceOwner: resourceOwner.split(':')[4] ?? resourceOwner } : {}),
      },
    });
    if ('error' in verdict) throw new AwsFault('MalformedPolicyDocument', verdict.error.message);
    return { decision: verdict.decision, missing: verdict.missingContextKeys ?? [] };
  };
}
