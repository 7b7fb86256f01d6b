import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionPatternMatches, compileActionPattern, matchesAction, matchesWrittenAction, requestAction, writtenActionMatches } from './action.js';

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

describe('writtenActionMatches (the first request reads entries without compiling them)', () => {
  // Small alphabets so that matches are common; case, wildcards, a colon and a Latin-1 letter mixed in.
  const chars = (alphabet: string, maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((cs) => cs.join(''));
  const entry = fc.oneof(
    fc.constant('*'),
    fc.tuple(chars('sSaA', 3), chars('aAbB*?\u00c9\u00e9', 8)).map(([service, name]) => `${service || 's'}:${name}`),
  );
  const action = fc.tuple(chars('sSaA', 3), chars('aAbB\u00e9\u212a', 8)).map(([service, name]) => `${service || 's'}:${name || 'a'}`);
  // An action the entry covers, most of the time: each `*` spelled out as a few characters, each `?` as one.
  const covered = (source: string) =>
    fc.tuple(fc.array(chars('abAB', 3), { minLength: 40, maxLength: 40 }), action).map(([fills, other]) => {
      if (!source.includes(':')) return other;
      let i = 0;
      const name = source.slice(source.indexOf(':') + 1).replace(/[*?]/g, (w) => (w === '*' ? fills[i++] ?? '' : (fills[i++] ?? '') + 'a').slice(0, w === '*' ? 3 : 1));
      return `${source.slice(0, source.indexOf(':'))}:${name || 'a'}`;
    });
  const pair = entry.chain((source) => fc.tuple(fc.constant(source), fc.oneof(covered(source), action)));

  it('answers as the compiled entry does, or leaves the entry to it', () => {
    fc.assert(
      fc.property(pair, ([source, requested]) => {
        const request = requestAction(requested);
        const compiled = actionPatternMatches(compileActionPattern(source), request);
        const written = writtenActionMatches(source, request);
        if (written !== undefined) expect(written).toBe(compiled);
        expect(matchesWrittenAction({ negated: false, patterns: [source] }, request)).toBe(compiled);
        expect(matchesWrittenAction({ negated: true, patterns: [source] }, request)).toBe(!compiled);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the usual entries itself: plain names, stars and question marks in any case', () => {
    const request = requestAction('sagemaker:DescribeModel');
    expect(writtenActionMatches('SageMaker:describe*', request)).toBe(true);
    expect(writtenActionMatches('sagemaker:*Model', request)).toBe(true);
    expect(writtenActionMatches('sagemaker:Describe?odel', request)).toBe(true);
    expect(writtenActionMatches('sagemaker:DescribeModels', request)).toBe(false);
    expect(writtenActionMatches('iam:DescribeModel', request)).toBe(false);
    expect(writtenActionMatches('*', request)).toBe(true);
    expect(writtenActionMatches('sagemaker:Descr\u00c9be*', request)).toBeUndefined();
    expect(writtenActionMatches(`sagemaker:${'*'.repeat(300)}`, request)).toBeUndefined();
  });
});
