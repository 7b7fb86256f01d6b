/**
 * Statement order, policy order and how statements are spread over policies do not matter: AWS pools
 * all identity statements and asks only "any matching Deny? any matching Allow?"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import { isObject, reorder, statementsOf, versionOf, withStatements, type Stmt } from './rewrite.js';
import { twinProperty } from './twin-property.js';

export const statementOrder = twinProperty({
  name: 'statement-order',
  description: 'Reordering the statements inside each policy does not change the decision.',
  transform: (c, k) => ({
    case: { ...c, policies: c.policies.map((d, i) => (isObject(d) ? withStatements(d, reorder(statementsOf(d), k + i)) : d)) },
    description: `statements of each policy reordered (k=${k})`,
  }),
});

export const policyOrder = twinProperty({
  name: 'policy-order',
  description: 'Reordering the identity policies does not change the decision.',
  transform: (c, k) => ({ case: { ...c, policies: reorder(c.policies, k + 1) }, description: `policies reordered (k=${k + 1})` }),
});

/** Sids made unique across policies: merging must not create a duplicate-Sid error. */
const renameSid = (s: Stmt, p: number, i: number): Stmt => ('Sid' in s ? { ...s, Sid: `P${p}S${i}` } : s);

export const splitMerge = twinProperty({
  name: 'split-merge',
  introduces: ['multiple-policies'],
  description: 'Splitting statements into one policy each, or merging policies of one Version, does not change the decision.',
  transform: (c, k) => {
    const versions = new Set(c.policies.map(versionOf));
    if (k % 2 === 0 && versions.size === 1 && c.policies.every(isObject)) {
      const statements = c.policies.flatMap((d, p) => statementsOf(d).map((s, i) => renameSid(s, p, i)));
      return { case: { ...c, policies: [withStatements(c.policies[0], statements)] }, description: 'policies merged into one' };
    }
    const policies = c.policies.flatMap((d) => (isObject(d) ? statementsOf(d).map((s) => withStatements(d, [s])) : [d]));
    return { case: { ...c, policies }, description: 'each statement moved to its own policy' };
  },
});
