import { serviceRoleFamily } from '../../generators/case-family.js';
import type { Case } from '../../oracle/types.js';
import type { ConformanceProperty } from '../../harness/property.js';
import { differentialCheck } from './differential.js';

/**
 * Differential over SageMaker service-role families: for the SageMaker action and for `iam:PassRole` on
 * its execution role (with `iam:PassedToService`), the evaluator decides as the oracle does
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html). Runs when the
 * generated services include SageMaker (the default); otherwise every family is empty and passes.
 */
export const serviceRoles: ConformanceProperty<readonly Case[]> = {
  name: 'service-roles',
  description: 'On a SageMaker call that passes an execution role, the evaluator decides the action and its iam:PassRole as the oracle does.',
  kind: 'differential',
  arbitrary: (settings, catalogue) => {
    const service = settings.service;
    const withSageMaker = service === 'all' || service.some((s) => s.toLowerCase() === 'sagemaker');
    return serviceRoleFamily(withSageMaker ? catalogue : { ...catalogue, byService: new Map() });
  },
  cases: (family) => family,
  async check(evaluator, family) {
    for (const c of family) {
      const v = await differentialCheck(evaluator, c);
      if (v) return v;
    }
    return null;
  },
};
