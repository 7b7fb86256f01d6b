import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { explainText } from './explain.js';

const policy = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const request = { action: 'sagemaker:CreateModel', resource: '*', context: [] };

describe('explainText', () => {
  it('explains an explicit deny with its statement and the trace', () => {
    const text = explainText(
      evaluate({
        policies: [policy({ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoCreate', Effect: 'Deny', Action: 'sagemaker:Create*', Resource: '*' })],
        request,
      }),
    );
    expect(text).toContain('Decision: explicitDeny');
    expect(text).toContain('identity policy 0, statement 1 (Sid NoCreate): Deny');
    expect(text).toContain('✓ Action: sagemaker:CreateModel matches "sagemaker:Create*"');
    expect(text).toContain('=> applies: Deny');
  });

  it('names a permissions boundary that lacks an Allow, and missing keys', () => {
    const text = explainText(
      evaluate({
        policies: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })],
        permissionsBoundaries: [policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } })],
        request,
      }),
    );
    expect(text).toContain('Decision: implicitDeny');
    expect(text).toContain('a permissions boundary has no applicable Allow');
    expect(text).toContain('Missing context keys (evaluated as absent): aws:RequestedRegion');
    expect(text).toContain('✗ Condition StringEquals/aws:RequestedRegion: key absent: positive operator fails');
  });

  it('explains an error verdict with its path', () => {
    const text = explainText(evaluate({ policies: [{ Statement: [] }], request }));
    expect(text).toMatch(/^Error MalformedPolicyDocument at policies\[0\]/);
  });
});
