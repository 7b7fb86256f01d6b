import { describe, expect, it } from 'vitest';
import { validatePolicy } from './index.js';

const allow = { Effect: 'Allow', Action: 'sagemaker:DescribeEndpoint', Resource: '*' };

/** The (path, rule) pairs a document breaks, in report order. */
const broken = (doc: unknown): Array<[string, string]> => {
  const r = validatePolicy(doc);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.rule]);
};

describe('validatePolicy: the document', () => {
  it('accepts a minimal policy and produces the model', () => {
    const r = validatePolicy({ Version: '2012-10-17', Statement: [allow] });
    expect(r).toEqual({
      ok: true,
      policy: {
        version: '2012-10-17',
        statements: [
          {
            index: 0,
            effect: 'Allow',
            action: { negated: false, patterns: ['sagemaker:DescribeEndpoint'] },
            resource: { negated: false, patterns: ['*'] },
            conditions: [],
          },
        ],
      },
    });
  });

  it('defaults Version to 2008-10-17 when it is absent', () => {
    const r = validatePolicy({ Statement: allow });
    expect(r.ok && r.policy.version).toBe('2008-10-17');
  });

  it('keeps Version 2008-10-17 when it is written', () => {
    const r = validatePolicy({ Version: '2008-10-17', Statement: allow });
    expect(r.ok && r.policy.version).toBe('2008-10-17');
  });

  it('rejects anything but a JSON object', () => {
    for (const doc of [null, undefined, 1, 'x', true, [], [allow]]) expect(broken(doc)).toEqual([['', 'document-type']]);
  });

  it('rejects unknown top-level elements, naming them', () => {
    expect(broken({ Statement: allow, Condition: {} })).toEqual([['Condition', 'document-key-unknown']]);
    expect(broken({ Statement: allow, version: '2012-10-17' })).toEqual([['version', 'document-key-unknown']]);
  });

  it('rejects an unknown Version string and a non-string Version', () => {
    expect(broken({ Version: '2012-10-18', Statement: allow })).toEqual([['Version', 'version-value']]);
    expect(broken({ Version: 2012, Statement: allow })).toEqual([['Version', 'version-type']]);
    expect(broken({ Version: null, Statement: allow })).toEqual([['Version', 'version-type']]);
  });

  it('accepts a string Id and rejects any other Id (DECISIONS.md: id-element)', () => {
    expect(validatePolicy({ Id: 'abc-123', Statement: allow }).ok).toBe(true);
    expect(broken({ Id: 7, Statement: allow })).toEqual([['Id', 'id-type']]);
  });

  it('requires Statement', () => {
    expect(broken({ Version: '2012-10-17' })).toEqual([['', 'statement-missing']]);
  });

  it('rejects a Statement that is neither an object nor an array', () => {
    for (const s of [null, 'x', 3, true]) expect(broken({ Statement: s })).toEqual([['Statement', 'statement-type']]);
  });

  it('rejects an empty Statement array (DECISIONS.md: statement-empty)', () => {
    expect(broken({ Statement: [] })).toEqual([['Statement', 'statement-empty']]);
  });

  it('rejects non-object array members with their index', () => {
    expect(broken({ Statement: [allow, null, []] })).toEqual([
      ['Statement[1]', 'statement-type'],
      ['Statement[2]', 'statement-type'],
    ]);
  });

  it('reports every broken rule, not only the first', () => {
    const doc = { Version: 'x', Foo: 1, Statement: [{ Effect: 'allow', Action: 'a', Resource: 'r' }] };
    expect(broken(doc)).toEqual([
      ['Version', 'version-value'],
      ['Foo', 'document-key-unknown'],
      ['Statement[0].Effect', 'effect-value'],
      ['Statement[0].Action', 'action-format'],
      ['Statement[0].Resource', 'resource-format'],
    ]);
  });

  it('gives every error a message', () => {
    const r = validatePolicy({ Statement: [{ Effect: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
  });
});

describe('validatePolicy: normalisation', () => {
  it('turns a lone Statement object into one statement with index 0', () => {
    const r = validatePolicy({ Statement: { ...allow, Sid: 'One' } });
    expect(r.ok && r.policy.statements.map((s) => [s.index, s.sid])).toEqual([[0, 'One']]);
  });

  it('numbers statements by their position in the array', () => {
    const r = validatePolicy({ Statement: [allow, { ...allow, Effect: 'Deny' }, allow] });
    expect(r.ok && r.policy.statements.map((s) => [s.index, s.effect])).toEqual([
      [0, 'Allow'],
      [1, 'Deny'],
      [2, 'Allow'],
    ]);
  });

  it('turns string Action/Resource into one-element lists and keeps arrays in order', () => {
    const r = validatePolicy({ Statement: { Effect: 'Allow', Action: ['b:Y', 'a:X'], NotResource: 'arn:aws:s3:::b/*' } });
    expect(r.ok && r.policy.statements[0]).toMatchObject({
      action: { negated: false, patterns: ['b:Y', 'a:X'] },
      resource: { negated: true, patterns: ['arn:aws:s3:::b/*'] },
    });
  });

  it('marks NotAction as negated', () => {
    const r = validatePolicy({ Statement: { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' } });
    expect(r.ok && r.policy.statements[0]?.action).toEqual({ negated: true, patterns: ['iam:*'] });
  });

  it('does not share arrays with the input document', () => {
    const actions = ['a:B'];
    const r = validatePolicy({ Statement: { Effect: 'Allow', Action: actions, Resource: '*' } });
    actions.push('c:D');
    expect(r.ok && r.policy.statements[0]?.action.patterns).toEqual(['a:B']);
  });

  it('omits sid when the statement has none', () => {
    const r = validatePolicy({ Statement: allow });
    expect(r.ok && 'sid' in (r.policy.statements[0] ?? {})).toBe(false);
  });
});
