/**
 * Hand-written probe cases for triaging iam-simulate against the oracle: one documented edge of IAM
 * semantics each (docs/evaluators/iam-simulate.md lists what they found). No expected answers here —
 * the oracle gives them; `triage-iam-simulate.ts` runs these next to the vectors and random cases.
 */
import type { Case, ContextEntry } from '../../oracle/types.js';

export interface Probe {
  readonly description: string;
  readonly case: Case;
}

const V12 = '2012-10-17';
const ACCT = '123456789012';
const endpoint = (name: string, account = ACCT) => `arn:aws:sagemaker:us-east-1:${account}:endpoint/${name}`;
const allow = (Action: unknown, Resource: unknown = '*', Condition?: object) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
const deny = (Action: unknown, Resource: unknown = '*', Condition?: object) => ({ ...allow(Action, Resource, Condition), Effect: 'Deny' });
const doc = (...Statement: object[]) => ({ Version: V12, Statement });
const ctx = (key: string, type: ContextEntry['type'], ...values: string[]): ContextEntry => ({ key, type, values });
const req = (action: string, resource = '*', context: ContextEntry[] = []) => ({ action, resource, context });
const create = (context: ContextEntry[] = [], resource = endpoint('demo')) => req('sagemaker:CreateEndpoint', resource, context);

/** One condition on CreateEndpoint, with the given context. */
const cond = (description: string, Condition: object, context: ContextEntry[], effect: 'Allow' | 'Deny' = 'Allow'): Probe => ({
  description,
  case: {
    policies:
      effect === 'Allow'
        ? [doc(allow('sagemaker:CreateEndpoint', '*', Condition))]
        : [doc(allow('sagemaker:*'), deny('sagemaker:CreateEndpoint', '*', Condition))],
    request: create(context),
  },
});

export const PROBES: readonly Probe[] = [
  // --- request shape -------------------------------------------------------------------------------
  { description: 'request resource * vs Allow on a specific ARN', case: { policies: [doc(allow('sagemaker:CreateEndpoint', endpoint('*')))], request: create([], '*') } },
  { description: 'request resource * vs Deny on a specific ARN', case: { policies: [doc(allow('sagemaker:*'), deny('sagemaker:CreateEndpoint', endpoint('*')))], request: create([], '*') } },
  { description: 'request resource * vs Allow NotResource specific', case: { policies: [doc({ Effect: 'Allow', Action: 'sagemaker:*', NotResource: endpoint('x') })], request: create([], '*') } },
  { description: 'ARN of another resource type than the action takes', case: { policies: [doc(allow('sagemaker:*'))], request: req('sagemaker:CreateEndpoint', `arn:aws:sagemaker:us-east-1:${ACCT}:training-job/t`) } },
  { description: 'wildcard-only action (ListEndpoints) with an ARN', case: { policies: [doc(allow('sagemaker:*'))], request: req('sagemaker:ListEndpoints', endpoint('demo')) } },
  { description: 'action not in the catalogue', case: { policies: [doc(allow('sagemaker:*'))], request: req('sagemaker:NoSuchAction') } },
  { description: 'resource in another account (identity-only evaluation)', case: { policies: [doc(allow('sagemaker:*'))], request: create([], endpoint('demo', '210987654321')) } },
  // --- action / resource matching ------------------------------------------------------------------
  { description: 'action ? wildcard', case: { policies: [doc(allow('sagemaker:CreateEndpoin?'))], request: create() } },
  { description: 'action case-insensitive', case: { policies: [doc(allow('SageMaker:createendpoint'))], request: create() } },
  { description: 'resource name case-sensitive', case: { policies: [doc(allow('sagemaker:*', endpoint('Demo')))], request: create() } },
  { description: 'resource region segment case', case: { policies: [doc(allow('sagemaker:*', 'arn:aws:sagemaker:US-EAST-1:123456789012:endpoint/demo'))], request: create() } },
  { description: 'resource * spans slashes and colons', case: { policies: [doc(allow('sagemaker:*', 'arn:aws:sagemaker:*'))], request: create() } },
  { description: 'NotAction Deny wall', case: { policies: [doc(allow('*'), { Effect: 'Deny', NotAction: 'sagemaker:Describe*', Resource: '*' })], request: create() } },
  // --- policy variables ----------------------------------------------------------------------------
  { description: 'variable under Version 2008 is literal', case: { policies: [{ Version: '2008-10-17', Statement: [allow('sagemaker:*', endpoint('${aws:username}'))] }], request: create([ctx('aws:username', 'string', 'demo')]) } },
  { description: 'variable without Version is literal', case: { policies: [{ Statement: [allow('sagemaker:*', endpoint('${aws:username}'))] }], request: create([ctx('aws:username', 'string', 'demo')]) } },
  { description: 'variable in resource resolves', case: { policies: [doc(allow('sagemaker:*', endpoint('${aws:username}')))], request: create([ctx('aws:username', 'string', 'demo')]) } },
  { description: 'variable missing: resource matches nothing', case: { policies: [doc(allow('sagemaker:*', endpoint('${aws:username}')))], request: create() } },
  { description: 'variable default value', case: { policies: [doc(allow('sagemaker:*', endpoint("${aws:username, 'demo'}")))], request: create() } },
  { description: 'variable resolves to empty string', case: { policies: [doc(allow('sagemaker:*', endpoint('demo${aws:username}')))], request: create([ctx('aws:username', 'string', '')]) } },
  { description: 'variable name case-insensitive', case: { policies: [doc(allow('sagemaker:*', endpoint('${AWS:UserName}')))], request: create([ctx('aws:username', 'string', 'demo')]) } },
  cond('${*} literal in StringLike', { StringLike: { 'aws:RequestTag/team': 'a${*}' } }, [ctx('aws:RequestTag/team', 'string', 'a*')]),
  cond('variable in condition value, key missing, StringNotEquals', { StringNotEquals: { 'aws:RequestTag/team': '${aws:username}' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  // --- context typing ------------------------------------------------------------------------------
  cond('service key on an action that does not take it', { 'ForAnyValue:StringLike': { 'sagemaker:InstanceTypes': 'ml.c5.*' } }, [ctx('sagemaker:InstanceTypes', 'stringList', 'ml.c5.large')]),
  {
    description: 'service key on DescribeEndpoint (not in its key list)',
    case: {
      policies: [doc(allow('sagemaker:DescribeEndpoint', '*', { StringEquals: { 'sagemaker:RootAccess': 'Enabled' } }))],
      request: req('sagemaker:DescribeEndpoint', endpoint('demo'), [ctx('sagemaker:RootAccess', 'string', 'Enabled')]),
    },
  },
  cond('unknown condition key', { StringEquals: { 'sagemaker:NoSuchKey': 'x' } }, [ctx('sagemaker:NoSuchKey', 'string', 'x')]),
  cond('multivalued key sent as single string type', { StringEquals: { 'aws:TagKeys': 'team' } }, [ctx('aws:TagKeys', 'string', 'team')]),
  cond('single-valued key sent as a List type', { StringEquals: { 'aws:RequestTag/team': 'red' } }, [ctx('aws:RequestTag/team', 'stringList', 'red')]),
  cond('bare operator on a multivalued key', { StringEquals: { 'aws:TagKeys': 'team' } }, [ctx('aws:TagKeys', 'stringList', 'team', 'env')]),
  cond('bare negated operator on a multivalued key', { StringNotEquals: { 'aws:TagKeys': 'x' } }, [ctx('aws:TagKeys', 'stringList', 'team', 'env')]),
  cond('ForAllValues on an empty list', { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, [ctx('aws:TagKeys', 'stringList')]),
  cond('ForAnyValue on an empty list', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, [ctx('aws:TagKeys', 'stringList')]),
  cond('Null true on an empty list', { Null: { 'aws:TagKeys': 'true' } }, [ctx('aws:TagKeys', 'stringList')]),
  cond('StringNotEquals on an empty list', { StringNotEquals: { 'aws:TagKeys': 'x' } }, [ctx('aws:TagKeys', 'stringList')]),
  cond('ForAllValues negated, key absent', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'x*' } }, []),
  cond('ForAnyValue negated, key absent', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'x' } }, []),
  cond('ForAllValues IfExists, key absent', { 'ForAllValues:StringEqualsIfExists': { 'aws:TagKeys': 'team' } }, []),
  cond('ForAnyValue IfExists, key absent', { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } }, []),
  cond('ForAnyValue on a single-valued key', { 'ForAnyValue:StringEquals': { 'aws:RequestTag/team': 'red' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('Null false with empty string', { Null: { 'aws:RequestTag/team': 'false' } }, [ctx('aws:RequestTag/team', 'string', '')]),
  cond('StringEquals empty string', { StringEquals: { 'aws:RequestTag/team': '' } }, [ctx('aws:RequestTag/team', 'string', '')]),
  cond('StringLike * on empty string', { StringLike: { 'aws:RequestTag/team': '*' } }, [ctx('aws:RequestTag/team', 'string', '')]),
  // --- operators -----------------------------------------------------------------------------------
  cond('condition key name case-insensitive', { StringEquals: { 'AWS:REQUESTTAG/TEAM': 'red' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('StringEquals * is literal', { StringEquals: { 'aws:RequestTag/team': 're*' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('StringEquals case-sensitive value', { StringEquals: { 'aws:RequestTag/team': 'Red' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:RequestTag/team': 'RED' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('StringNotEqualsIgnoreCase', { StringNotEqualsIgnoreCase: { 'aws:RequestTag/team': 'RED' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('StringLike newline value', { StringLike: { 'aws:RequestTag/team': 'a*b' } }, [ctx('aws:RequestTag/team', 'string', 'a\nb')]),
  cond('negated operator, key absent (Deny fires)', { StringNotEquals: { 'aws:RequestTag/team': 'red' } }, [], 'Deny'),
  cond('negated IfExists, key absent (Deny)', { StringNotEqualsIfExists: { 'aws:RequestTag/team': 'red' } }, [], 'Deny'),
  cond('NumericEquals 1.0 vs 1', { NumericEquals: { 'sagemaker:MaxRuntimeInSeconds': '1' } }, [ctx('sagemaker:MaxRuntimeInSeconds', 'numeric', '1.0')]),
  cond('NumericLessThan non-numeric context', { NumericLessThan: { 'aws:MultiFactorAuthAge': '10' } }, [ctx('aws:MultiFactorAuthAge', 'numeric', 'abc')]),
  cond('NumericNotEquals non-numeric context', { NumericNotEquals: { 'aws:MultiFactorAuthAge': '10' } }, [ctx('aws:MultiFactorAuthAge', 'numeric', 'abc')]),
  cond('NumericEquals JSON number', { NumericEquals: { 'aws:MultiFactorAuthAge': 10 } }, [ctx('aws:MultiFactorAuthAge', 'numeric', '10')]),
  cond('NumericEquals hex', { NumericEquals: { 'aws:MultiFactorAuthAge': '16' } }, [ctx('aws:MultiFactorAuthAge', 'numeric', '0x10')]),
  cond('NumericEquals exponent', { NumericEquals: { 'aws:MultiFactorAuthAge': '100' } }, [ctx('aws:MultiFactorAuthAge', 'numeric', '1e2')]),
  cond('NumericLessThan negative', { NumericLessThan: { 'aws:MultiFactorAuthAge': '-1' } }, [ctx('aws:MultiFactorAuthAge', 'numeric', '-5')]),
  cond('DateLessThan ISO', { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }, [ctx('aws:CurrentTime', 'date', '2026-11-28T00:00:00Z')]),
  cond('DateEquals epoch vs ISO', { DateEquals: { 'aws:CurrentTime': '1700000000' } }, [ctx('aws:CurrentTime', 'date', '2023-11-14T22:13:20Z')]),
  cond('DateEquals date-only', { DateEquals: { 'aws:CurrentTime': '2026-01-01' } }, [ctx('aws:CurrentTime', 'date', '2026-01-01T00:00:00Z')]),
  cond('DateGreaterThan epoch ms', { DateGreaterThan: { 'aws:EpochTime': '1700000000' } }, [ctx('aws:EpochTime', 'date', '1700000000001')]),
  cond('Date invalid context', { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }, [ctx('aws:CurrentTime', 'date', 'yesterday')]),
  cond('DateNotEquals invalid context', { DateNotEquals: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }, [ctx('aws:CurrentTime', 'date', 'yesterday')]),
  cond('Bool True capitalised policy value', { Bool: { 'aws:SecureTransport': 'True' } }, [ctx('aws:SecureTransport', 'boolean', 'true')]),
  cond('Bool JSON boolean', { Bool: { 'aws:SecureTransport': true } }, [ctx('aws:SecureTransport', 'boolean', 'true')]),
  cond('Bool context TRUE', { Bool: { 'aws:SecureTransport': 'true' } }, [ctx('aws:SecureTransport', 'boolean', 'TRUE')]),
  cond('Bool non-boolean context', { Bool: { 'aws:SecureTransport': 'false' } }, [ctx('aws:SecureTransport', 'boolean', 'no')]),
  cond('IpAddress CIDR', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, [ctx('aws:SourceIp', 'ip', '10.1.2.3')]),
  cond('IpAddress bare IP', { IpAddress: { 'aws:SourceIp': '10.1.2.3' } }, [ctx('aws:SourceIp', 'ip', '10.1.2.3')]),
  cond('IpAddress IPv6', { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, [ctx('aws:SourceIp', 'ip', '2001:db8::1')]),
  cond('IpAddress v4-mapped v6', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, [ctx('aws:SourceIp', 'ip', '::ffff:10.1.2.3')]),
  cond('IpAddress non-canonical CIDR', { IpAddress: { 'aws:SourceIp': '10.1.2.3/8' } }, [ctx('aws:SourceIp', 'ip', '10.200.0.1')]),
  cond('NotIpAddress invalid context', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, [ctx('aws:SourceIp', 'ip', 'not-an-ip')]),
  cond('BinaryEquals', { BinaryEquals: { 'aws:RequestTag/team': 'cmVk' } }, [ctx('aws:RequestTag/team', 'binary', 'cmVk')]),
  cond('ArnLike per segment', { ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:*:endpoint/*' } }, [ctx('aws:SourceArn', 'string', endpoint('a'))]),
  cond('ArnLike * does not cross colon', { ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*' } }, [ctx('aws:SourceArn', 'string', endpoint('a'))]),
  cond('ArnEquals with wildcard', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:*:endpoint/a' } }, [ctx('aws:SourceArn', 'string', endpoint('a'))]),
  cond('ArnEquals case', { ArnEquals: { 'aws:SourceArn': endpoint('A') } }, [ctx('aws:SourceArn', 'string', endpoint('a'))]),
  cond('ArnLike non-ARN context', { ArnLike: { 'aws:SourceArn': '*' } }, [ctx('aws:SourceArn', 'string', 'not-an-arn')]),
  cond('ArnNotLike non-ARN context', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::x' } }, [ctx('aws:SourceArn', 'string', 'not-an-arn')]),
  cond('ArnLike value that is one variable holding an ARN', { ArnLike: { 'aws:SourceArn': '${aws:username}' } }, [ctx('aws:SourceArn', 'string', endpoint('a')), ctx('aws:username', 'string', endpoint('a'))]),
  cond('ArnNotLike on a value with six parts but no arn: prefix', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::x' } }, [ctx('aws:SourceArn', 'string', 'yrn:aws:sagemaker:us-east-1:123456789012:endpoint/a')]),
  cond('ForAllValues over two entries of a single-valued key', { 'ForAllValues:StringEquals': { 'aws:username': 'a' } }, [ctx('aws:username', 'string', 'a'), ctx('AWS:UserName', 'string', 'b')]),
  cond('tag key case-insensitive', { StringEquals: { 'aws:RequestTag/Team': 'red' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('Null with IfExists suffix', { NullIfExists: { 'aws:RequestTag/team': 'true' } }, []),
  cond('unknown operator', { StringEqualz: { 'aws:RequestTag/team': 'red' } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('empty condition value list', { StringEquals: { 'aws:RequestTag/team': [] } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  cond('empty condition value list, negated', { StringNotEquals: { 'aws:RequestTag/team': [] } }, [ctx('aws:RequestTag/team', 'string', 'red')]),
  // --- validation ----------------------------------------------------------------------------------
  { description: 'Sid with a hyphen', case: { policies: [doc({ Sid: 'a-b', ...allow('sagemaker:*') })], request: create() } },
  { description: 'duplicate Sids', case: { policies: [doc({ Sid: 'A', ...allow('sagemaker:*') }, { Sid: 'A', ...allow('s3:*') })], request: create() } },
  { description: 'resource not an ARN', case: { policies: [doc(allow('sagemaker:*', 'endpoint/demo'))], request: create() } },
  { description: 'resource ARN with 5 parts', case: { policies: [doc(allow('sagemaker:*', 'arn:aws:sagemaker:us-east-1:123456789012'))], request: create() } },
  { description: 'empty Statement array', case: { policies: [{ Version: V12, Statement: [] }], request: create() } },
  { description: 'empty Action array', case: { policies: [doc(allow([]))], request: create() } },
  { description: 'Id element', case: { policies: [{ Version: V12, Id: 'x', Statement: [allow('sagemaker:*')] }], request: create() } },
  { description: 'unknown Version', case: { policies: [{ Version: '2012-10-18', Statement: [allow('sagemaker:*')] }], request: create() } },
  { description: 'Principal in identity policy', case: { policies: [doc({ ...allow('sagemaker:*'), Principal: '*' })], request: create() } },
  { description: 'action with empty name', case: { policies: [doc(allow('sagemaker:'))], request: create() } },
  { description: 'action with wildcard service', case: { policies: [doc(allow('sage*:*'))], request: create() } },
  { description: 'Condition value null', case: { policies: [doc(allow('sagemaker:*', '*', { StringEquals: { 'aws:RequestTag/team': null } }))], request: create() } },
  { description: 'Condition operator block empty', case: { policies: [doc(allow('sagemaker:*', '*', { StringEquals: {} }))], request: create() } },
  { description: 'Numeric policy value not a number', case: { policies: [doc(allow('sagemaker:*', '*', { NumericEquals: { 'aws:MultiFactorAuthAge': 'ten' } }))], request: create() } },
  { description: 'IpAddress policy value invalid', case: { policies: [doc(allow('sagemaker:*', '*', { IpAddress: { 'aws:SourceIp': '300.0.0.0/8' } }))], request: create() } },
  { description: 'Date policy value invalid', case: { policies: [doc(allow('sagemaker:*', '*', { DateLessThan: { 'aws:CurrentTime': 'soon' } }))], request: create() } },
  { description: 'null policy document', case: { policies: [null], request: create() } },
  { description: 'non-ASCII character in policy', case: { policies: [doc(allow('sagemaker:*', endpoint('dém✓')))], request: create() } },
  { description: 'Effect lowercase', case: { policies: [doc({ ...allow('sagemaker:*'), Effect: 'allow' })], request: create() } },
  { description: 'boundary alone never grants', case: { policies: [], permissionsBoundaries: [doc(allow('*'))], request: create() } },
  { description: 'boundary deny wins', case: { policies: [doc(allow('*'))], permissionsBoundaries: [doc(allow('*'), deny('sagemaker:Create*'))], request: create() } },
  { description: 'malformed boundary', case: { policies: [doc(allow('*'))], permissionsBoundaries: [doc({ ...allow('*'), Effect: 'Maybe' })], request: create() } },
];
