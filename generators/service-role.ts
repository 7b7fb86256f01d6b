/**
 * SageMaker's service roles: creating a training job, processing job, endpoint config, notebook instance
 * or model names an execution role, and the caller needs `iam:PassRole` on that role besides the SageMaker
 * action ("To be able to pass this role to SageMaker, the caller of this API must have the iam:PassRole
 * permission", SageMaker API Reference, RoleArn). Policies usually guard the PassRole with
 * `iam:PassedToService` = `sagemaker.amazonaws.com` and scope it to a role path
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html).
 *
 * A recipe of small numbers, rendered into the two requests of one call of those APIs: the SageMaker
 * action on its new resource, and `iam:PassRole` on the role with the context SageMaker sends.
 */
import fc from 'fast-check';
import { record } from './record.js';
import type { Case, ContextEntry, PolicyDocument } from '../oracle/types.js';
import type { Catalogue } from './catalogue.js';
import { chance } from './chance.js';
import { pick } from './text.js';
import { ACCOUNT, instantiate } from './world.js';

/** The SageMaker APIs of the seed document that take an execution role (RoleArn); kept to those the catalogue has. */
const ROLE_TAKING_ACTIONS = ['CreateTrainingJob', 'CreateProcessingJob', 'CreateEndpointConfig', 'CreateNotebookInstance', 'CreateModel'] as const;
const SERVICE = 'sagemaker.amazonaws.com';
/** Role paths: the console's `service-role/`, a team path, and none. */
const PATHS = ['service-role/', 'sagemaker/', ''] as const;
const ROLE_NAMES = ['SageMakerExecution', 'AmazonSageMaker-ExecutionRole-1', 'other-role'] as const;
const JOB_NAMES = ['prod-a', 'dev-a'] as const;
/** What a request says it passes the role to: SageMaker, another service, SageMaker in other case. */
const PASSED_TO = [SERVICE, 'ec2.amazonaws.com', 'SageMaker.amazonaws.com'] as const;

/** How the PassRole statement names roles. */
const GRANTS = ['exactRole', 'pathStar', 'allRoles', 'star', 'otherPath'] as const;
/** How it guards the service: StringEquals, StringLike `sagemaker.*`, a list with another service, another service only, no condition. */
const GUARDS = ['equals', 'like', 'list', 'otherService', 'none'] as const;

export interface ServiceRoleRecipe {
  readonly action: number;
  readonly job: number;
  readonly path: number;
  readonly role: number;
  readonly requestPath: number;
  readonly grant: (typeof GRANTS)[number];
  readonly guard: (typeof GUARDS)[number];
  readonly passedTo: number;
  readonly passedToPresent: boolean;
  /** A Deny of PassRole unless passed to SageMaker (the guard written as a Deny). */
  readonly denyGuard: boolean;
  /** The SageMaker action scoped to its resource type (`training-job/*`) rather than `*`. */
  readonly scopedAction: boolean;
}

export function serviceRoleRecipe(): fc.Arbitrary<ServiceRoleRecipe> {
  return record({
    action: fc.nat(),
    job: fc.nat(),
    path: fc.nat(),
    role: fc.nat(),
    // Mostly the role under the granted path, sometimes one elsewhere.
    requestPath: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat()),
    grant: fc.constantFrom(...GRANTS),
    guard: fc.constantFrom(...GUARDS),
    passedTo: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat()),
    passedToPresent: chance(85),
    denyGuard: chance(20),
    scopedAction: fc.boolean(),
  });
}

const roleArn = (path: string, name: string): string => `arn:aws:iam::${ACCOUNT}:role/${path}${name}`;

/** The role-taking actions the catalogue knows, with their resource ARN templates. */
export function roleTakingActions(catalogue: Catalogue): { id: string; template: string | undefined }[] {
  const sagemaker = catalogue.byService.get('sagemaker')?.actions ?? [];
  return ROLE_TAKING_ACTIONS.flatMap((name) => {
    const a = sagemaker.find((x) => x.name === name);
    return a ? [{ id: a.id, template: a.arnTemplates[0] }] : [];
  });
}

/** The two cases of one call: the SageMaker action, then iam:PassRole, sharing one identity policy. */
export function renderServiceRole(actions: readonly { id: string; template: string | undefined }[], r: ServiceRoleRecipe): Case[] {
  const action = pick(actions, r.action);
  const job = pick(JOB_NAMES, r.job);
  const resource = action.template ? instantiate(action.template, 'us-east-1', [job], 0) : '*';
  const path = pick(PATHS, r.path);
  const requestPath = pick(PATHS, r.path + r.requestPath);
  const role = roleArn(requestPath, pick(ROLE_NAMES, r.role));
  const grantResource = {
    exactRole: roleArn(path, pick(ROLE_NAMES, r.role)),
    pathStar: roleArn(path, '*'),
    allRoles: `arn:aws:iam::${ACCOUNT}:role/*`,
    star: '*',
    otherPath: roleArn('other/', '*'),
  }[r.grant];
  const guard = {
    equals: { StringEquals: { 'iam:PassedToService': SERVICE } },
    like: { StringLike: { 'iam:PassedToService': 'sagemaker.*' } },
    list: { StringEquals: { 'iam:PassedToService': [SERVICE, 'glue.amazonaws.com'] } },
    otherService: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    none: undefined,
  }[r.guard];
  const scope = r.scopedAction && resource !== '*' ? `${resource.slice(0, resource.lastIndexOf('/') + 1)}*` : '*';
  const statements: Record<string, unknown>[] = [
    { Effect: 'Allow', Action: action.id, Resource: scope },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: grantResource, ...(guard ? { Condition: guard } : {}) },
  ];
  if (r.denyGuard) {
    statements.push({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*', Condition: { StringNotEquals: { 'iam:PassedToService': SERVICE } } });
  }
  const policy: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  const context: ContextEntry[] = r.passedToPresent ? [{ key: 'iam:PassedToService', type: 'string', values: [pick(PASSED_TO, r.passedTo)] }] : [];
  return [
    { policies: [policy], request: { action: action.id, resource, context: [] } },
    { policies: [policy], request: { action: 'iam:PassRole', resource: role, context } },
  ];
}
