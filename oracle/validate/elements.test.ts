import { describe, expect, it } from 'vitest';
import { actionProblem, resourceProblem } from './elements.js';

describe('action strings', () => {
  it('accepts "*" and service:pattern with wildcards in the action name', () => {
    for (const a of ['*', 'sagemaker:CreateModel', 'sagemaker:*', 's3:Get*', 'iam:*AccessKey*', 'ec2:Describe?', 'SageMaker:createmodel']) {
      expect(actionProblem(a), a).toBeUndefined();
    }
  });

  it('accepts actions that do not exist (IAM does)', () => {
    expect(actionProblem('dyanmodb:PutItem')).toBeUndefined();
  });

  it('rejects strings without exactly one colon', () => {
    for (const a of ['sagemaker', 'sagemaker:Create:Model', '', '**']) expect(actionProblem(a), a).toBeDefined();
  });

  it('rejects wildcards in the service prefix', () => {
    for (const a of ['*:CreateModel', 'sage*:CreateModel', 's?:Get']) expect(actionProblem(a), a).toMatch(/wildcard/);
  });

  it('rejects an empty service or action name (DECISIONS.md: action-format)', () => {
    expect(actionProblem(':CreateModel')).toMatch(/empty service/);
    expect(actionProblem('sagemaker:')).toMatch(/empty action/);
  });
});

describe('resource strings', () => {
  it('accepts "*" and ARNs with six or more parts', () => {
    for (const r of [
      '*',
      'arn:aws:s3:::bucket',
      'arn:aws:s3:::bucket/*',
      'arn:aws:sagemaker:*:*:endpoint/*',
      'arn:aws:sagemaker:us-east-1:111122223333:training-job/a:b',
      'arn:aws:iam::111122223333:user/${aws:username}',
      'arn:*:s3:*:*:*',
    ]) {
      expect(resourceProblem(r), r).toBeUndefined();
    }
  });

  it('accepts ARNs with three to five parts and no empty segment (moto\'s AWS-verified CreatePolicy cases)', () => {
    for (const r of ['arn:aws:fdsasf', 'arn:aws:s3', 'arn:aws:s3:*', 'arn:aws:sagemaker:*', 'arn:aws:logs:us-east-1:*', 'arn:aws:rds:region:*:*']) {
      expect(resourceProblem(r), r).toBeUndefined();
    }
  });

  it('rejects non-ARNs, ARNs with fewer than three parts and short ARNs with an empty segment', () => {
    for (const r of ['bucket', '', 'arn', 'arn:', 'arn:aws', 'ARN:aws:s3:::b', ' arn:aws:s3:::b', 'arn:aws:s3::example_bucket', 'arn:aws:logs::*']) {
      expect(resourceProblem(r), r).toBeDefined();
    }
  });

  it('rejects an empty service segment', () => {
    for (const r of ['arn:aws::fdsasf', 'arn:aws::::example_bucket', 'arn:aws:']) {
      expect(resourceProblem(r), r).toMatch(/empty service/);
    }
  });

  it('rejects wildcards in the service segment', () => {
    for (const r of ['arn:aws:*:*:*:*', 'arn:aws:s?:::b', 'arn:aws:sage*:us-east-1:1:x']) {
      expect(resourceProblem(r), r).toMatch(/service segment/);
    }
  });
});
