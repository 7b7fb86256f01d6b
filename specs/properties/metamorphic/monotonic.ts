/**
 * Adding statements moves decisions one way only: an applicable Deny wins over every Allow, an Allow
 * can only turn an implicit deny into a grant
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import { policy, renderPolicy } from '../../../generators/policy.js';
import { scenarioWith } from '../../../generators/scenario.js';
import type { Case } from '../../../oracle/types.js';
import type { Answer } from '../../../harness/compare.js';
import type { ConformanceProperty } from '../../../harness/property.js';
import { answersRelated, rebaseTwin, type Twin } from './same-decision.js';

function addPolicyProperty(effect: 'Allow' | 'Deny', allowed: (before: Answer, after: Answer) => boolean, name: string, description: string): ConformanceProperty<Twin> {
  return {
    name,
    description,
    kind: 'metamorphic',
    // A second policy always; a Deny one is an explicit deny.
    introduces: effect === 'Deny' ? ['multiple-policies', 'explicit-deny'] : ['multiple-policies'],
    arbitrary: (settings, catalogue) =>
      scenarioWith(catalogue, settings, policy(settings, effect), (w, r) => renderPolicy(w, settings, r)).map((s) => {
        const twin = (original: Case): Twin => {
          const transformed: Case = { ...original, policies: [...original.policies, s.extra] };
          return { original, transformed, description: `adding a policy of ${effect} statements`, again: twin };
        };
        return twin(s.case);
      }),
    cases: (t) => [t.original, t.transformed],
    check: (evaluator, t) => answersRelated(evaluator, t, allowed),
    rebase: rebaseTwin,
  };
}

export const addDeny = addPolicyProperty(
  'Deny',
  (before, after) => after === before || (before !== 'error' && after === 'explicitDeny'),
  'add-deny',
  'Adding a policy of Deny statements never grants: the decision stays or becomes explicitDeny.',
);

export const addAllow = addPolicyProperty(
  'Allow',
  (before, after) => after === before || (before === 'implicitDeny' && after === 'allowed'),
  'add-allow',
  'Adding a policy of Allow statements never removes a grant or an explicit deny.',
);
