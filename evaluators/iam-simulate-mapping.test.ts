import { describe, expect, it } from 'vitest';
import type { Case } from '../oracle/types.js';
import {
  caseToSimulation,
  contextValue,
  contextVariables,
  engineFallbackReason,
  engineResultToVerdict,
  outputToVerdict,
  SIMULATED_ACCOUNT,
  SIMULATED_PRINCIPAL,
  type SimulationOutput,
} from './iam-simulate-mapping.js';

const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const endpoint = `arn:aws:sagemaker:us-east-1:999999999999:endpoint/a`;

const statement = (index: number, effect: string, sid?: string) => ({
  index: () => index,
  sid: () => sid,
  effect: () => effect,
});

describe('caseToSimulation', () => {
  const c: Case = {
    policies: [allowAll, { Statement: [] }],
    permissionsBoundaries: [allowAll],
    request: {
      action: 'sagemaker:CreateEndpoint',
      resource: endpoint,
      context: [
        { key: 'aws:RequestTag/team', type: 'string', values: ['red'] },
        { key: 'aws:TagKeys', type: 'stringList', values: ['team'] },
        { key: 'sagemaker:InstanceTypes', type: 'stringList', values: [] },
      ],
    },
  };
  const sim = caseToSimulation(c);

  it('names each policy by its JSON path in the case', () => {
    expect(sim.identityPolicies.map((p) => p.name)).toEqual(['policies[0]', 'policies[1]']);
    expect(sim.permissionBoundaryPolicies?.map((p) => p.name)).toEqual(['permissionsBoundaries[0]']);
    expect(sim.identityPolicies[0]?.policy).toBe(allowAll);
  });

  it('puts principal and resource in the same account whatever the ARN says, so only identity policies count', () => {
    expect(sim.request.principal).toBe(SIMULATED_PRINCIPAL);
    expect(sim.request.resource).toEqual({ resource: endpoint, accountId: SIMULATED_ACCOUNT });
    expect(SIMULATED_PRINCIPAL).toContain(`::${SIMULATED_ACCOUNT}:user/`);
  });

  it('passes no organization policies and no resource policy when the case has none', () => {
    expect(sim.serviceControlPolicies).toEqual([]);
    expect(sim.resourceControlPolicies).toEqual([]);
    expect('resourcePolicy' in sim).toBe(false);
  });

  it('passes SCP levels root first, the resource policy, the caller and the resource owner', () => {
    const rp = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };
    const caller = 'arn:aws:iam::111122223333:user/alice';
    const full = caseToSimulation({
      ...c,
      serviceControlPolicies: [[allowAll], [allowAll, allowAll]],
      resourcePolicy: rp,
      request: { ...c.request, caller, resourceOwner: '444455556666' },
    });
    expect(full.serviceControlPolicies.map((l) => [l.orgIdentifier, l.policies.map((p) => p.name)])).toEqual([
      ['serviceControlPolicies[0]', ['serviceControlPolicies[0][0]']],
      ['serviceControlPolicies[1]', ['serviceControlPolicies[1][0]', 'serviceControlPolicies[1][1]']],
    ]);
    expect(full.resourcePolicy).toBe(rp);
    expect(full.request.principal).toBe(caller);
    expect(full.request.resource.accountId).toBe('444455556666');
    // Without an owner, the resource is in the caller's account.
    expect(caseToSimulation({ ...c, request: { ...c.request, caller } }).request.resource.accountId).toBe('111122223333');
  });

  it('passes no boundary at all when the case has none or an empty list', () => {
    expect('permissionBoundaryPolicies' in caseToSimulation({ ...c, permissionsBoundaries: [] })).toBe(false);
    const { permissionsBoundaries: _omit, ...withoutBoundaries } = c;
    expect('permissionBoundaryPolicies' in caseToSimulation(withoutBoundaries)).toBe(false);
  });

  it('turns List types into arrays and single types into strings', () => {
    expect(sim.request.contextVariables).toEqual({
      'aws:RequestTag/team': 'red',
      'aws:TagKeys': ['team'],
      'sagemaker:InstanceTypes': [],
    });
  });
});

describe('contextVariables', () => {
  it('merges entries for the same key in any case, keeping every value in order', () => {
    expect(
      contextVariables([
        { key: 'aws:username', type: 'string', values: ['a'] },
        { key: 'AWS:UserName', type: 'string', values: ['b'] },
        { key: 'aws:SourceIp', type: 'ip', values: ['10.0.0.1'] },
      ]),
    ).toEqual({ 'aws:username': ['a', 'b'], 'aws:SourceIp': '10.0.0.1' });
  });
});

describe('contextValue', () => {
  it('keeps every value of a single-valued type given several, rather than dropping some', () => {
    expect(contextValue({ key: 'aws:SourceIp', type: 'ip', values: ['10.0.0.1', '10.0.0.2'] })).toEqual([
      '10.0.0.1',
      '10.0.0.2',
    ]);
  });
  it('gives a one-element array for a List type with one value', () => {
    expect(contextValue({ key: 'aws:TagKeys', type: 'stringList', values: ['a'] })).toEqual(['a']);
  });
});

describe('outputToVerdict', () => {
  it('maps the three results onto AWS decisions', () => {
    const single = (overallResult: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied'): SimulationOutput => ({
      resultType: 'single',
      overallResult,
      result: { analysis: { result: overallResult } },
    });
    expect(outputToVerdict(single('Allowed'))).toEqual({ decision: 'allowed' });
    expect(outputToVerdict(single('ExplicitlyDenied'))).toEqual({ decision: 'explicitDeny' });
    expect(outputToVerdict(single('ImplicitlyDenied'))).toEqual({ decision: 'implicitDeny' });
  });

  it('reads the overall result of a wildcard-resource simulation', () => {
    expect(
      outputToVerdict({ resultType: 'wildcard', overallResult: 'ImplicitlyDenied', results: [] }),
    ).toEqual({ decision: 'implicitDeny' });
  });

  it('reports decisive statements with 0-based indexes and the policy set', () => {
    const verdict = outputToVerdict({
      resultType: 'single',
      overallResult: 'ExplicitlyDenied',
      result: {
        analysis: {
          result: 'ExplicitlyDenied',
          identityAnalysis: {
            result: 'ExplicitlyDenied',
            denyStatements: [{ policyId: 'policies[1]', statement: statement(2, 'Deny', 'NoDelete') }],
            allowStatements: [{ policyId: 'policies[0]', statement: statement(1, 'Allow') }],
          },
          permissionBoundaryAnalysis: {
            result: 'ExplicitlyDenied',
            denyStatements: [{ policyId: 'permissionsBoundaries[0]', statement: statement(1, 'Deny') }],
          },
        },
      },
    });
    expect(verdict).toEqual({
      decision: 'explicitDeny',
      matchedStatements: [
        { policySet: 'identity', policyIndex: 1, statementIndex: 1, effect: 'Deny', sid: 'NoDelete' },
        { policySet: 'permissionsBoundary', policyIndex: 0, statementIndex: 0, effect: 'Deny' },
      ],
    });
  });

  it('turns policy validation errors into MalformedPolicyDocument with a path into the case', () => {
    const verdict = outputToVerdict({
      resultType: 'error',
      errors: {
        message: 'policy.errors',
        permissionBoundaryErrors: { 'permissionsBoundaries[0]': [{ path: 'Statement[0].Effect', message: 'bad effect' }] },
      },
    });
    expect(verdict).toEqual({
      error: {
        code: 'MalformedPolicyDocument',
        message: 'iam-simulate: bad effect',
        path: 'permissionsBoundaries[0].Statement[0].Effect',
      },
    });
  });

  it('turns other refusals into InvalidInput naming the reason', () => {
    expect(outputToVerdict({ resultType: 'error', errors: { message: 'must.use.wildcard' } })).toEqual({
      error: { code: 'InvalidInput', message: 'iam-simulate refused the request: must.use.wildcard' },
    });
  });
});

describe('engineFallbackReason', () => {
  it('names catalogue refusals of the request', () => {
    expect(engineFallbackReason({ resultType: 'error', errors: { message: 'no.resource.types' } })).toBe('no.resource.types');
    expect(engineFallbackReason({ resultType: 'error', errors: { message: 'must.use.wildcard' } })).toBe('must.use.wildcard');
  });
  it('never falls back on policy errors: those are answers', () => {
    expect(engineFallbackReason({ resultType: 'error', errors: { message: 'policy.errors' } })).toBeUndefined();
  });
  it('names supplied context keys the front end dropped', () => {
    const out: SimulationOutput = {
      resultType: 'single',
      overallResult: 'ImplicitlyDenied',
      result: { analysis: { result: 'ImplicitlyDenied' }, ignoredContextKeys: ['sagemaker:RootAccess'] },
    };
    expect(engineFallbackReason(out)).toBe('ignored context keys sagemaker:RootAccess');
    expect(engineFallbackReason({ ...out, result: { analysis: { result: 'ImplicitlyDenied' }, ignoredContextKeys: [] } })).toBeUndefined();
  });
});

describe('engineResultToVerdict', () => {
  it('maps the engine result and refuses unknown words', () => {
    expect(engineResultToVerdict('ExplicitlyDenied')).toEqual({ decision: 'explicitDeny' });
    expect(() => engineResultToVerdict('Maybe')).toThrow(/unknown result/);
  });
});
