import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArn } from './arn.js';
import { compileResourcePattern, matchesResource, matchesWrittenResource, resourceVariableKeys } from './resource.js';

const noContext = (): undefined => undefined;
const contextOf = (values: Record<string, string[]>) => (key: string) => values[key];
const covers = (pattern: string, resource: string, variables = true, lookup: (k: string) => readonly string[] | undefined = noContext) =>
  matchesResource({ negated: false, patterns: [compileResourcePattern(pattern, variables)] }, readArn(resource), lookup);

describe('matchesResource', () => {
  it('lets * cover every resource, including the simulator default *', () => {
    expect(covers('*', 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/ep')).toBe(true);
    expect(covers('*', '*')).toBe(true);
  });

  it('matches the resource page example bucket/*/test/* (slashes have no special meaning)', () => {
    const pattern = 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*';
    expect(covers(pattern, 'arn:aws:s3:::amzn-s3-demo-bucket/1/test/object.jpg')).toBe(true);
    expect(covers(pattern, 'arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg')).toBe(true);
    expect(covers(pattern, 'arn:aws:s3:::amzn-s3-demo-bucket/1///test///object.jpg')).toBe(true);
    expect(covers(pattern, 'arn:aws:s3:::amzn-s3-demo-bucket/1/test/')).toBe(true);
    expect(covers(pattern, 'arn:aws:s3:::amzn-s3-demo-bucket/test/object.jpg')).toBe(false);
    expect(covers(pattern, 'arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg')).toBe(false);
  });

  it('keeps wildcards inside the first five segments', () => {
    expect(covers('arn:aws:sagemaker:us-*:*:endpoint/*', 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/ep')).toBe(true);
    expect(covers('arn:aws:sagemaker:us-*:*:endpoint/*', 'arn:aws:sagemaker:eu-west-1:111122223333:endpoint/ep')).toBe(false);
    expect(covers('arn:aws:sagemaker:?s-east-1:*:*', 'arn:aws:sagemaker:us-east-1:1:model/m')).toBe(true);
  });

  it('lets * in the resource part span colons', () => {
    expect(covers('arn:aws:logs:us-east-1:1:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:g:log-stream:s')).toBe(true);
  });

  it('lets a segment-final * expand past colon boundaries (short pattern)', () => {
    expect(covers('arn:aws:sagemaker:us-east-1:*', 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/ep')).toBe(true);
    expect(covers('arn:aws:sagemaker:us-east-1:*', 'arn:aws:sagemaker:us-west-2:111122223333:endpoint/ep')).toBe(false);
    expect(covers('arn:aws:s3:*', 'arn:aws:s3:::bucket/key')).toBe(true);
    expect(covers('arn:aws:s3', 'arn:aws:s3:::bucket/key')).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(covers('arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob')).toBe(false);
    expect(covers('arn:aws:SageMaker:*:*:*', 'arn:aws:sagemaker:us-east-1:1:model/m')).toBe(false);
  });

  it('does not let ARN patterns cover the literal request resource *', () => {
    expect(covers('arn:aws:s3:::*', '*')).toBe(false);
    expect(covers('arn:*:*:*:*:*', '*')).toBe(false);
    expect(matchesResource({ negated: true, patterns: [compileResourcePattern('arn:aws:s3:::*', true)] }, readArn('*'), noContext)).toBe(true);
  });

  it('gives NotResource every resource except the listed ones', () => {
    const notResource = { negated: true, patterns: [compileResourcePattern('arn:aws:sagemaker:*:*:endpoint/prod-*', true)] };
    expect(matchesResource(notResource, readArn('arn:aws:sagemaker:us-east-1:1:endpoint/dev-1'), noContext)).toBe(true);
    expect(matchesResource(notResource, readArn('arn:aws:sagemaker:us-east-1:1:endpoint/prod-1'), noContext)).toBe(false);
  });
});

describe('policy variables in Resource', () => {
  const pattern = 'arn:aws:s3:::bucket/home/${aws:username}/*';
  it('substitutes the resource part under 2012-10-17, key name ignoring case', () => {
    const lookup = contextOf({ 'aws:username': ['alice'] });
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/alice/file', true, lookup)).toBe(true);
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/bob/file', true, lookup)).toBe(false);
    expect(covers('arn:aws:s3:::bucket/home/${AWS:UserName}/*', 'arn:aws:s3:::bucket/home/alice/x', true, lookup)).toBe(true);
  });

  it('keeps ${...} literal under 2008-10-17', () => {
    const lookup = contextOf({ 'aws:username': ['alice'] });
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/alice/file', false, lookup)).toBe(false);
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/${aws:username}/file', false, lookup)).toBe(true);
  });

  it('matches nothing when the variable has no value, for Resource and NotResource alike', () => {
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/alice/file')).toBe(false);
    const notResource = { negated: true, patterns: [compileResourcePattern(pattern, true)] };
    expect(matchesResource(notResource, readArn('arn:aws:s3:::bucket/home/alice/file'), noContext)).toBe(true);
  });

  it('uses the default value when the key is absent', () => {
    expect(covers("arn:aws:s3:::bucket/${aws:username, 'shared'}/*", 'arn:aws:s3:::bucket/shared/x')).toBe(true);
  });

  it('treats a substituted value literally, never as a wildcard', () => {
    const lookup = contextOf({ 'aws:username': ['*'] });
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/alice/file', true, lookup)).toBe(false);
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/*/file', true, lookup)).toBe(true);
  });

  it('treats a multivalued key as having no value', () => {
    const lookup = contextOf({ 'aws:username': ['alice', 'bob'] });
    expect(covers(pattern, 'arn:aws:s3:::bucket/home/alice/file', true, lookup)).toBe(false);
  });

  it('substitutes only in the resource part (after the fifth colon)', () => {
    const lookup = contextOf({ 'aws:principalaccount': ['111122223333'] });
    const head = 'arn:aws:iam::${aws:PrincipalAccount}:user/x';
    expect(covers(head, 'arn:aws:iam::111122223333:user/x', true, lookup)).toBe(false);
    expect(resourceVariableKeys(compileResourcePattern(head, true))).toEqual([]);
    expect(resourceVariableKeys(compileResourcePattern(pattern, true))).toEqual(['aws:username']);
  });
});

describe('matchesWrittenResource (elements answered without compiling)', () => {
  const part = fc.constantFrom('a', 'b', 'A', 'a:b', 'a/b', '', '*', '?', '${aws:username}', 'a*', '*b');
  const arn = fc.tuple(fc.constantFrom('aws', '*'), fc.constantFrom('s3', 'sagemaker'), fc.constantFrom('', 'us-east-1'), fc.array(part, { minLength: 1, maxLength: 3 }))
    .map(([partition, service, region, rest]) => `arn:${partition}:${service}:${region}::${rest.join('')}`);
  const entry = fc.oneof(fc.constant('*'), arn);
  const resource = fc.oneof(fc.constant('*'), arn.filter((r) => !/[*?$]/.test(r)), entry);

  it('answers as the compiled element does, or leaves the element to it', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 3 }), resource, fc.boolean(), (patterns, requested, negated) => {
        const lookup = (key: string) => (key === 'aws:username' ? ['a'] : undefined);
        const compiled = matchesResource({ negated, patterns: patterns.map((p) => compileResourcePattern(p, true)) }, readArn(requested), lookup);
        const written = matchesWrittenResource({ negated, patterns }, requested);
        if (written !== undefined) expect(written).toBe(compiled);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers * and plain ARNs itself, and leaves wildcards and variables to the compiled path', () => {
    const model = 'arn:aws:sagemaker:us-east-1:123456789012:model/a';
    expect(matchesWrittenResource({ negated: false, patterns: ['*'] }, model)).toBe(true);
    expect(matchesWrittenResource({ negated: false, patterns: [model] }, model)).toBe(true);
    expect(matchesWrittenResource({ negated: true, patterns: [model] }, model)).toBe(false);
    expect(matchesWrittenResource({ negated: false, patterns: [`${model}x`] }, model)).toBe(false);
    expect(matchesWrittenResource({ negated: false, patterns: ['arn:aws:sagemaker:*:*:model/a'] }, model)).toBeUndefined();
    expect(matchesWrittenResource({ negated: false, patterns: ['arn:aws:sagemaker:us-east-1:123456789012:model/${aws:username}'] }, model)).toBeUndefined();
  });
});
