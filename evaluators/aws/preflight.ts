/**
 * Before any case is sent, prove the principal is a blank slate (DESIGN.md "Live mode"):
 * 1. no input policies → every probe action must be `implicitDeny` (anything else means the principal
 *    has policies of its own, which would leak into every answer);
 * 2. an `Allow *` input policy → every probe must be `allowed` (otherwise an SCP — which
 *    SimulatePrincipalPolicy always applies, aws/aws-sdk#102 — or an attached boundary interferes).
 */
import type { EvaluationResult } from '@aws-sdk/client-iam';
import { LiveSetupError } from './errors.js';
import type { SimulatorClient } from './simulator-client.js';

export const PROBE_ACTIONS = [
  'sagemaker:CreateEndpoint',
  'sagemaker:DescribeEndpoint',
  'sagemaker:ListEndpoints',
  's3:GetObject',
  'iam:PassRole',
] as const;

const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** Number of calls the preflight makes (for dry-run plans and budgets). */
export const PREFLIGHT_CALLS = 2;

const describe = (r: EvaluationResult) => `${r.EvalActionName ?? '?'} → ${r.EvalDecision ?? '?'}`;

export async function checkEmptyPrincipal(client: SimulatorClient, principalArn: string): Promise<void> {
  const empty = await client.simulateAll({ ActionNames: [...PROBE_ACTIONS] });
  const leaks = empty.filter((r) => r.EvalDecision !== 'implicitDeny');
  if (leaks.length > 0 || empty.length === 0) {
    throw new LiveSetupError(
      `live: the principal ${principalArn} is not empty: with no input policies AWS answered ${leaks.map(describe).join(', ') || 'nothing'}; ` +
        'use a dedicated role or user with no policies and no permissions boundary (docs/live.md)',
    );
  }
  const full = await client.simulateAll({ PolicyInputList: [ALLOW_ALL], ActionNames: [...PROBE_ACTIONS] });
  const blocked = full.filter((r) => r.EvalDecision !== 'allowed');
  if (blocked.length > 0 || full.length === 0) {
    const scp = blocked.some((r) => r.OrganizationsDecisionDetail?.AllowedByOrganizations === false);
    const boundary = blocked.some((r) => r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false);
    const why = scp
      ? 'an Organizations SCP denies it (SimulatePrincipalPolicy always applies SCPs)'
      : boundary
        ? 'the principal has a permissions boundary attached'
        : 'something outside the input policies (an SCP or an attached boundary) restricts the principal';
    throw new LiveSetupError(
      `live: an Allow * input policy is not allowed for ${principalArn} (${blocked.map(describe).join(', ')}): ${why}; ` +
        'use a principal without such restrictions, or --api custom',
    );
  }
}
