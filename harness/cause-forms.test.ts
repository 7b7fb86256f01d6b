import { describe, expect, it } from 'vitest';
import type { Case } from '../oracle/types.js';
import { brokenRules, tellingFeatures, tellingForms } from './cause-forms.js';

const allow = (statement: object): Case['policies'] => [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', ...statement }] }];

describe('cause forms', () => {
  it('names a value form by its operator family, whichever operator of the family', () => {
    const spaced = (op: string): Case => ({
      policies: allow({ Resource: '*', Condition: { [op]: { 's3:max-keys': '10' } } }),
      request: { action: 's3:ListBucket', resource: '*', context: [{ key: 's3:max-keys', type: 'numeric', values: [' 5'] }] },
    });
    expect(tellingForms(spaced('NumericLessThanIfExists'))).toEqual(['Numeric|request-spaces']);
    expect(tellingForms(spaced('ForAnyValue:NumericGreaterThan'))).toEqual(['Numeric|request-spaces']);
  });

  it('names the request forms: resource * against a pattern, capitals in an ARN, a wildcard in a resource type', () => {
    const star: Case = { policies: allow({ Resource: 'arn:aws:s3:::b/*' }), request: { action: 's3:GetObject', resource: '*', context: [] } };
    expect(tellingForms(star)).toEqual(['Request|resource-star']);
    const caps: Case = { policies: allow({ Resource: '*' }), request: { action: 's3:GetObject', resource: 'arn:aws:S3:::b/k', context: [] } };
    expect(tellingForms(caps)).toEqual(['Request|arn-case']);
    const typed: Case = {
      policies: allow({ Resource: 'arn:aws:sagemaker:us-east-1:123456789012:device-f?eet/a' }),
      request: { action: 'sagemaker:DescribeDevice', resource: 'arn:aws:sagemaker:us-east-1:123456789012:device-fleet/a', context: [] },
    };
    expect(tellingForms(typed)).toEqual(['Resource|type-wildcard']);
  });

  it('tells which policy types decide only when nothing else tells', () => {
    expect(tellingFeatures(['permissions-boundary', 'if-exists', 'explicit-deny'], [])).toEqual(['if-exists']);
    expect(tellingFeatures(['permissions-boundary', 'explicit-deny'], ['Date|epoch'])).toEqual([]);
    expect(tellingFeatures(['resource-policy', 'principal-element', 'explicit-deny'], [])).toEqual(['resource-policy', 'principal-element']);
  });

  it('names the grammar rules a document breaks, each document read as its policy type', () => {
    const c: Case = {
      policies: [{ Version: '2012-10-17', Statement: [{ Sid: 'a', Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'a', Effect: 'Allow', Action: '*', Resource: '*' }] }],
      request: { action: 's3:GetObject', resource: '*', context: [] },
    };
    expect(brokenRules(c)).toEqual(['sid-unique']);
  });
});
