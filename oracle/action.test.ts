import { describe, expect, it } from 'vitest';
import { compileActionPattern, matchesAction, requestAction } from './action.js';

const element = (negated: boolean, ...patterns: string[]) => ({ negated, patterns: patterns.map(compileActionPattern) });
const covers = (pattern: string, action: string): boolean => matchesAction(element(false, pattern), requestAction(action));

describe('matchesAction', () => {
  it('ignores case in the service prefix and the action name', () => {
    expect(covers('iam:ListAccessKeys', 'IAM:listaccesskeys')).toBe(true);
    expect(covers('SageMaker:CreateModel', 'sagemaker:createmodel')).toBe(true);
  });

  it('matches * and ? in the action name', () => {
    expect(covers('sagemaker:Describe*', 'sagemaker:DescribeEndpoint')).toBe(true);
    expect(covers('sagemaker:Describe*', 'sagemaker:ListEndpoints')).toBe(false);
    expect(covers('iam:*AccessKey*', 'iam:CreateAccessKey')).toBe(true);
    expect(covers('sagemaker:CreateMode?', 'sagemaker:CreateModel')).toBe(true);
    expect(covers('sagemaker:CreateMode?', 'sagemaker:CreateModels')).toBe(false);
  });

  it('lets a bare * match every action of every service', () => {
    expect(covers('*', 'sagemaker:CreateModel')).toBe(true);
    expect(covers('*', 's3:GetObject')).toBe(true);
  });

  it('does not let the action name wildcard cross into another service', () => {
    expect(covers('sagemaker:*', 's3:GetObject')).toBe(false);
    expect(covers('s3:*', 's3x:GetObject')).toBe(false);
  });

  it('gives NotAction every action except the listed ones', () => {
    const notAction = element(true, 'sagemaker:Delete*', 'iam:*');
    expect(matchesAction(notAction, requestAction('sagemaker:CreateModel'))).toBe(true);
    expect(matchesAction(notAction, requestAction('sagemaker:DeleteModel'))).toBe(false);
    expect(matchesAction(notAction, requestAction('IAM:CreateUser'))).toBe(false);
  });

  it('treats a list as "any pattern matches"', () => {
    const list = element(false, 'sagemaker:CreateModel', 'sagemaker:DeleteModel');
    expect(matchesAction(list, requestAction('sagemaker:DeleteModel'))).toBe(true);
    expect(matchesAction(list, requestAction('sagemaker:UpdateModel'))).toBe(false);
  });
});
