/**
 * A permissions boundary of `Allow * on *` limits nothing: the decision is the identity policies' alone
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
 */
import { ALLOW_ALL } from '../../../generators/policy-set.js';
import { twinProperty } from './twin-property.js';

export const boundaryAllowAll = twinProperty({
  name: 'boundary-allow-all',
  // The boundary is `Action: "*"`, a wildcard.
  introduces: ['permissions-boundary', 'action-wildcard'],
  description: 'Adding a permissions boundary that allows every action on every resource does not change the decision.',
  adjust: (s) => ({ ...s, enableBoundaries: false }),
  // The added boundary: `Allow *` is an action wildcard.
  requires: ['permissions-boundary', 'action-wildcard'],
  transform: (c) => ({ case: { ...c, permissionsBoundaries: [structuredClone(ALLOW_ALL)] }, description: 'boundary Allow * on * added' }),
});
