import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import type { Case, ContextEntry, DecisionVerdict, ErrorVerdict, Verdict } from './types.js';

const policy = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (extra: object = {}) => ({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', ...extra });
const deny = (extra: object = {}) => ({ Effect: 'Deny', Action: 'sagemaker:*', Resource: '*', ...extra });
const request = (action = 'sagemaker:CreateModel', resource = '*', context: ContextEntry[] = []) => ({ action, resource, context });
const decision = (v: Verdict) => ('error' in v ? `error:${v.error.code}` : v.decision);
const decided = (v: Verdict) => v as DecisionVerdict;
const failed = (v: Verdict) => v as ErrorVerdict;

describe('evaluate: the decision', () => {
  it('is implicitDeny without any applicable statement', () => {
    expect(decision(evaluate({ policies: [], request: request() }))).toBe('implicitDeny');
    expect(decision(evaluate({ policies: [policy(allow({ Action: 's3:*' }))], request: request() }))).toBe('implicitDeny');
  });

  it('is allowed by an applicable Allow', () => {
    expect(decision(evaluate({ policies: [policy(allow())], request: request() }))).toBe('allowed');
  });

  it('lets an explicit Deny win over any Allow, across policies', () => {
    const c: Case = { policies: [policy(allow()), policy(deny({ Action: 'sagemaker:CreateModel' }))], request: request() };
    expect(decision(evaluate(c))).toBe('explicitDeny');
  });

  it('does not depend on statement or policy order', () => {
    const a = evaluate({ policies: [policy(deny(), allow())], request: request() });
    const b = evaluate({ policies: [policy(allow()), policy(deny())], request: request() });
    expect(decision(a)).toBe('explicitDeny');
    expect(decision(b)).toBe('explicitDeny');
  });

  it('NotAction with Deny denies everything not listed; the listed action still needs an Allow', () => {
    const notDescribe = { Effect: 'Deny', NotAction: 'sagemaker:Describe*', Resource: '*' };
    const p = policy(notDescribe, allow());
    expect(decision(evaluate({ policies: [p], request: request('sagemaker:CreateModel') }))).toBe('explicitDeny');
    expect(decision(evaluate({ policies: [p], request: request('sagemaker:DescribeModel') }))).toBe('allowed');
    const onlyDeny = policy(notDescribe);
    expect(decision(evaluate({ policies: [onlyDeny], request: request('sagemaker:DescribeModel') }))).toBe('implicitDeny');
  });

  it('treats the default request resource * as the literal string *', () => {
    const p = policy(allow({ Resource: 'arn:aws:sagemaker:*:*:*' }));
    expect(decision(evaluate({ policies: [p], request: request('sagemaker:CreateModel', '*') }))).toBe('implicitDeny');
    const arn = 'arn:aws:sagemaker:us-east-1:111122223333:model/m';
    expect(decision(evaluate({ policies: [p], request: request('sagemaker:CreateModel', arn) }))).toBe('allowed');
  });

  it('fills resource and context defaults when they are omitted', () => {
    const c = { policies: [policy(allow())], request: { action: 'sagemaker:CreateModel' } } as unknown as Case;
    expect(decision(evaluate(c))).toBe('allowed');
  });
});

describe('evaluate: permissions boundaries', () => {
  const c = (identity: object[], boundaries: object[]): Case => ({ policies: identity, permissionsBoundaries: boundaries, request: request() });

  it('allows only what both the identity policies and the boundary allow', () => {
    expect(decision(evaluate(c([policy(allow())], [policy(allow())])))).toBe('allowed');
    expect(decision(evaluate(c([policy(allow())], [policy(allow({ Action: 's3:*' }))])))).toBe('implicitDeny');
  });

  it('never grants through the boundary alone', () => {
    expect(decision(evaluate(c([], [policy(allow())])))).toBe('implicitDeny');
  });

  it('denies explicitly on a Deny in the boundary', () => {
    expect(decision(evaluate(c([policy(allow())], [policy(allow(), deny())])))).toBe('explicitDeny');
    expect(decision(evaluate(c([], [policy(deny())])))).toBe('explicitDeny');
  });

  it('requires every boundary to allow when several are given', () => {
    expect(decision(evaluate(c([policy(allow())], [policy(allow()), policy(allow({ Action: 's3:*' }))])))).toBe('implicitDeny');
  });

  it('treats an empty boundary list as no boundary', () => {
    expect(decision(evaluate(c([policy(allow())], [])))).toBe('allowed');
  });
});

describe('evaluate: matched statements', () => {
  it('lists the applicable Allow statements of identity policies and boundaries when allowed', () => {
    const v = decided(
      evaluate({
        policies: [policy({ Sid: 'One', ...allow() }, allow({ Action: 's3:*' }), allow())],
        permissionsBoundaries: [policy(allow())],
        request: request(),
      }),
    );
    expect(v.matchedStatements).toEqual([
      { policySet: 'identity', policyIndex: 0, statementIndex: 0, sid: 'One', effect: 'Allow' },
      { policySet: 'identity', policyIndex: 0, statementIndex: 2, effect: 'Allow' },
      { policySet: 'permissionsBoundary', policyIndex: 0, statementIndex: 0, effect: 'Allow' },
    ]);
  });

  it('lists only the Deny statements on explicitDeny', () => {
    const v = decided(evaluate({ policies: [policy(allow()), policy(allow(), deny())], request: request() }));
    expect(v.matchedStatements).toEqual([{ policySet: 'identity', policyIndex: 1, statementIndex: 1, effect: 'Deny' }]);
  });

  it('lists nothing on implicitDeny', () => {
    const v = decided(evaluate({ policies: [policy(allow())], permissionsBoundaries: [policy(deny({ Effect: 'Allow', Action: 's3:*' }))], request: request() }));
    expect(v.decision).toBe('implicitDeny');
    expect(v.matchedStatements).toEqual([]);
  });

  it('numbers a lone Statement object as statement 0', () => {
    const v = decided(evaluate({ policies: [{ Version: '2012-10-17', Statement: allow() }], request: request() }));
    expect(v.matchedStatements).toEqual([{ policySet: 'identity', policyIndex: 0, statementIndex: 0, effect: 'Allow' }]);
  });
});

describe('evaluate: missing context keys', () => {
  it('lists every referenced key the request lacks, from all policies, deduplicated ignoring case', () => {
    const p1 = policy(allow({ Condition: { StringEquals: { 'aws:RequestTag/Team': 'red', 'aws:PrincipalTag/dept': 'x' } } }));
    const p2 = policy(
      deny({ Action: 's3:*', Condition: { Null: { 'AWS:REQUESTTAG/team': 'true' }, NumericLessThan: { 'sagemaker:MaxRuntimeInSeconds': '10' } } }),
      allow({ Resource: 'arn:aws:s3:::b/${aws:username}/*' }),
    );
    const v = decided(
      evaluate({ policies: [p1, p2], request: request('sagemaker:CreateModel', '*', [{ key: 'aws:principaltag/DEPT', type: 'string', values: ['x'] }]) }),
    );
    expect(v.missingContextKeys).toEqual(['aws:RequestTag/Team', 'sagemaker:MaxRuntimeInSeconds', 'aws:username']);
  });

  it('includes variables used in condition values, but not under 2008-10-17', () => {
    const cond = { Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } };
    const v = decided(evaluate({ policies: [policy(allow(cond))], request: request() }));
    expect(v.missingContextKeys).toEqual(['aws:ResourceTag/owner', 'aws:username']);
    const old = decided(evaluate({ policies: [{ Version: '2008-10-17', Statement: [allow(cond)] }], request: request() }));
    expect(old.missingContextKeys).toEqual(['aws:ResourceTag/owner']);
  });
});

describe('evaluate: trace', () => {
  it('says for each statement whether action, resource and each condition held', () => {
    const p = policy(
      allow({ Condition: { StringEquals: { 'aws:RequestTag/team': 'red' } } }),
      deny({ Action: 's3:*' }),
    );
    const v = decided(evaluate({ policies: [p], request: request('sagemaker:CreateModel', '*', [{ key: 'aws:RequestTag/team', type: 'string', values: ['red'] }]) }));
    const steps = v.trace!.map((s) => `${s.statementIndex} ${s.element}${s.detail ? ` ${s.detail}` : ''} ${s.holds}`);
    expect(steps).toEqual([
      '0 Action true',
      '0 Resource true',
      '0 Condition StringEquals/aws:RequestTag/team true',
      '0 Statement true',
      '1 Action false',
      '1 Resource true',
      '1 Statement false',
    ]);
    expect(v.trace![2]!.reason).toBe('matched');
  });

  it('survives JSON serialisation', () => {
    const v = evaluate({ policies: [policy(allow())], request: request() });
    const json = JSON.parse(JSON.stringify(v));
    expect(json.trace).toHaveLength(3);
    expect(json.decision).toBe('allowed');
  });
});

describe('evaluate: errors', () => {
  it('rejects an invalid policy with MalformedPolicyDocument and a path inside policies[i]', () => {
    const v = failed(evaluate({ policies: [policy(allow()), policy(allow({ Effect: 'allow' }))], request: request() }));
    expect(v.error.code).toBe('MalformedPolicyDocument');
    expect(v.error.path).toBe('policies[1].Statement[0].Effect');
  });

  it('names permissionsBoundaries[i] for an invalid boundary', () => {
    const v = failed(evaluate({ policies: [policy(allow())], permissionsBoundaries: [42], request: request() }));
    expect(v.error.code).toBe('MalformedPolicyDocument');
    expect(v.error.path).toBe('permissionsBoundaries[0]');
  });

  it('rejects malformed requests with InvalidInput', () => {
    const bad = (r: unknown) => failed(evaluate({ policies: [], request: r } as unknown as Case)).error;
    expect(bad({ action: 'CreateModel' }).code).toBe('InvalidInput');
    expect(bad({ action: 'sagemaker:Create*' }).code).toBe('InvalidInput');
    expect(bad({ action: 'a:b:c' }).path).toBe('request.action');
    expect(bad({ action: 'sagemaker:X', context: {} }).path).toBe('request.context');
    expect(bad({ action: 'sagemaker:X', context: [{ key: 'k', type: 'text', values: [] }] }).path).toBe('request.context[0]');
    expect(bad({ action: 'sagemaker:X', context: [{ key: 'k', type: 'string', values: [1] }] }).code).toBe('InvalidInput');
    expect(bad({ action: 'sagemaker:X', resource: 7 }).path).toBe('request.resource');
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [
      undefined,
      null,
      0,
      'x',
      [],
      {},
      { policies: null },
      { policies: [], request: null },
      { policies: [null, undefined, 1, 'x', [], {}], request: request() },
      { policies: [{ Statement: [null] }], request: request() },
      { policies: [policy(allow())], permissionsBoundaries: 'x', request: request() },
      { policies: [policy(allow())], request: { action: 'sagemaker:X', context: [null] } },
      Object.create(null),
      new Proxy({}, { get: () => { throw new Error('boom'); } }),
    ];
    for (const input of odd) {
      const v = evaluate(input as Case);
      expect('error' in v || 'decision' in v).toBe(true);
    }
  });
});

describe('evaluate: compiled policies are cached by document identity', () => {
  it('gives the same answers for a document reused across requests', () => {
    const doc = policy(allow({ Action: 'sagemaker:Describe*' }));
    expect(decision(evaluate({ policies: [doc], request: request('sagemaker:DescribeModel') }))).toBe('allowed');
    expect(decision(evaluate({ policies: [doc], request: request('sagemaker:CreateModel') }))).toBe('implicitDeny');
    expect(decision(evaluate({ policies: [doc, doc], request: request('sagemaker:DescribeModel') }))).toBe('allowed');
  });
});

describe('evaluate: documents reused across requests', () => {
  const ask = (policy: object, resource: string, context: Case['request']['context'] = []) =>
    evaluate({ policies: [policy], request: { action: 'sagemaker:DescribeModel', resource, context } });
  const decisionOf = (v: Verdict) => ('decision' in v ? v.decision : v.error.code);
  const modelA = 'arn:aws:sagemaker:us-east-1:123456789012:model/a';
  const modelB = 'arn:aws:sagemaker:us-east-1:123456789012:model/b';

  it('answers each resource on its own when one statement is asked about several in turn', () => {
    const policy = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: modelA } };
    const answers = [modelA, modelA, modelB, modelA, modelB, modelB].map((r) => decisionOf(ask(policy, r)));
    expect(answers).toEqual(['allowed', 'allowed', 'implicitDeny', 'allowed', 'implicitDeny', 'implicitDeny']);
  });

  it('resolves a resource variable for every request, even when the resource is the same', () => {
    const policy = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:sagemaker:us-east-1:123456789012:model/${aws:username}' } };
    const as = (user: string) => [{ key: 'aws:username', type: 'string' as const, values: [user] }];
    const answers = ['a', 'b', 'a', 'b'].map((user) => decisionOf(ask(policy, modelA, as(user))));
    expect(answers).toEqual(['allowed', 'implicitDeny', 'allowed', 'implicitDeny']);
  });

  it('reports missing context keys on first read, the same on every read and in JSON', () => {
    const policy = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ml' } } } };
    const verdict = ask(policy, modelA);
    if (!('decision' in verdict)) throw new Error('expected a decision');
    expect(verdict.missingContextKeys).toEqual(['aws:PrincipalTag/team']);
    expect(verdict.missingContextKeys).toBe(verdict.missingContextKeys);
    expect(JSON.parse(JSON.stringify(verdict)).missingContextKeys).toEqual(['aws:PrincipalTag/team']);
  });
});
