/**
 * IAM's XML replies, written by hand so the shape is exactly what the service sends (root
 * `<OperationResponse xmlns=…>`, `<OperationResult>`, lists as `<member>`, errors as `<ErrorResponse>`).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface XmlStatement {
  readonly SourcePolicyId: string;
  readonly SourcePolicyType?: string;
  readonly StartPosition?: { readonly Line: number; readonly Column: number };
  readonly EndPosition?: { readonly Line: number; readonly Column: number };
}

export interface XmlResourceResult {
  readonly EvalResourceName: string;
  readonly EvalResourceDecision: string;
  readonly MatchedStatements?: readonly XmlStatement[];
  readonly MissingContextValues?: readonly string[];
}

export interface XmlEvaluationResult {
  readonly EvalActionName: string;
  readonly EvalResourceName?: string;
  readonly EvalDecision: string;
  readonly MatchedStatements?: readonly XmlStatement[];
  readonly MissingContextValues?: readonly string[];
  readonly EvalDecisionDetails?: Readonly<Record<string, string>>;
  readonly ResourceSpecificResults?: readonly XmlResourceResult[];
}

const tag = (name: string, inner: string) => `<${name}>${inner}</${name}>`;
const members = (items: readonly string[]) => items.map((i) => tag('member', i)).join('');
const position = (name: string, p: { Line: number; Column: number } | undefined) =>
  p ? tag(name, tag('Line', String(p.Line)) + tag('Column', String(p.Column))) : '';

function statements(list: readonly XmlStatement[] | undefined): string {
  if (list === undefined) return '';
  return tag(
    'MatchedStatements',
    members(
      list.map(
        (s) =>
          tag('SourcePolicyId', esc(s.SourcePolicyId)) +
          (s.SourcePolicyType ? tag('SourcePolicyType', esc(s.SourcePolicyType)) : '') +
          position('StartPosition', s.StartPosition) +
          position('EndPosition', s.EndPosition),
      ),
    ),
  );
}

const missing = (keys: readonly string[] | undefined) =>
  keys === undefined ? '' : tag('MissingContextValues', members(keys.map(esc)));

function details(map: Readonly<Record<string, string>> | undefined): string {
  if (map === undefined) return '';
  const entries = Object.entries(map).map(([k, v]) => tag('entry', tag('key', esc(k)) + tag('value', esc(v))));
  return tag('EvalDecisionDetails', entries.join(''));
}

function resourceResult(r: XmlResourceResult): string {
  return tag(
    'member',
    tag('EvalResourceName', esc(r.EvalResourceName)) +
      tag('EvalResourceDecision', esc(r.EvalResourceDecision)) +
      statements(r.MatchedStatements) +
      missing(r.MissingContextValues),
  );
}

function evaluationResult(r: XmlEvaluationResult): string {
  return tag(
    'member',
    tag('EvalActionName', esc(r.EvalActionName)) +
      (r.EvalResourceName !== undefined ? tag('EvalResourceName', esc(r.EvalResourceName)) : '') +
      tag('EvalDecision', esc(r.EvalDecision)) +
      statements(r.MatchedStatements) +
      missing(r.MissingContextValues) +
      details(r.EvalDecisionDetails) +
      (r.ResourceSpecificResults ? tag('ResourceSpecificResults', r.ResourceSpecificResults.map(resourceResult).join('')) : ''),
  );
}

/** A successful SimulatePrincipalPolicy / SimulateCustomPolicy reply. */
export function simulateResponseXml(
  operation: string,
  results: readonly XmlEvaluationResult[],
  page: { readonly isTruncated: boolean; readonly marker?: string },
  requestId: string,
): string {
  return (
    `<${operation}Response xmlns="${IAM_XMLNS}">` +
    tag(
      `${operation}Result`,
      tag('EvaluationResults', results.map(evaluationResult).join('')) +
        tag('IsTruncated', String(page.isTruncated)) +
        (page.marker !== undefined ? tag('Marker', esc(page.marker)) : ''),
    ) +
    tag('ResponseMetadata', tag('RequestId', requestId)) +
    `</${operation}Response>`
  );
}

/** IAM's error body (`Type` is `Sender` for 4xx, `Receiver` for 5xx). */
export function errorResponseXml(type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${IAM_XMLNS}">` +
    tag('Error', tag('Type', type) + tag('Code', esc(code)) + tag('Message', esc(message))) +
    tag('RequestId', requestId) +
    '</ErrorResponse>'
  );
}
