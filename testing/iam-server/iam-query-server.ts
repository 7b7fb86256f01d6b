/**
 * A stand-in for the IAM endpoint, for tests: Node http on 127.0.0.1 (ephemeral port) speaking the
 * IAM Query protocol — form-encoded POST in, IAM's XML out — so the real `IAMClient` can be pointed at
 * it through `endpoint`. Answers come from a decider (a scripted table, a tiny evaluator, or our
 * oracle — fine here: this server plays AWS, it is not part of the oracle). Faults are injectable:
 * throttling, 5xx, slow replies, dropped connections; pages (IsTruncated/Marker) and both result
 * shapes (per action×resource before 2026-07, per action with ResourceSpecificResults after).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Decision } from '../../oracle/types.js';
import { formParams, parseSimulateInput, type SimulateInput } from './query-form.js';
import { errorResponseXml, simulateResponseXml, type XmlEvaluationResult, type XmlStatement } from './xml.js';

/** What AWS answered for one (action, resource). */
export interface SimAnswer {
  readonly decision: Decision;
  readonly matched?: readonly XmlStatement[];
  readonly missing?: readonly string[];
}

export interface SimQuestion {
  readonly input: SimulateInput;
  /** The principal's attached policies (SimulatePrincipalPolicy) followed by `PolicyInputList`. */
  readonly attached: readonly string[];
  readonly action: string;
  /** `*` when ResourceArns was omitted. */
  readonly resource: string;
}

/** Decides one question; throw an `AwsFault` to make the whole call fail like AWS does. */
export type Decider = (q: SimQuestion) => SimAnswer;

export class AwsFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type Fault =
  | { readonly kind: 'throttle' }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'hangup' };

export interface IamQueryServerOptions {
  decide: Decider;
  /** `old`: one result per action×resource; `new` (2026-07): one per action + ResourceSpecificResults. */
  shape?: 'old' | 'new';
  /** Known principals and their attached policy documents (JSON text). Unknown ARN → NoSuchEntity. */
  principals?: Record<string, readonly string[]>;
  /** Results per page (IAM may send fewer than MaxItems). */
  pageSize?: number;
  /** Called with the 1-based number of each request; a returned fault is served instead (or first, for delay). */
  faults?: (n: number, input: SimulateInput) => Fault | undefined;
}

export interface RecordedRequest {
  readonly params: Record<string, string>;
  readonly input: SimulateInput;
  readonly headers: IncomingMessage['headers'];
}

export interface RunningIamServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Mutable on purpose: tests change decider, shape or faults between phases. */
  readonly options: IamQueryServerOptions;
  close(): Promise<void>;
}

export const TEST_PRINCIPAL = 'arn:aws:iam::123456789012:role/iam-conformance-empty';

export async function startIamQueryServer(options: IamQueryServerOptions): Promise<RunningIamServer> {
  const requests: RecordedRequest[] = [];
  let requestNo = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const params = formParams(body);
      const input = parseSimulateInput(params);
      requests.push({ params, input, headers: req.headers });
      const n = ++requestNo;
      const fault = options.faults?.(n, input);
      const reply = () => respond(options, req, res, input, n);
      if (fault?.kind === 'delay') setTimeout(reply, fault.ms);
      else if (fault?.kind === 'hangup') req.socket.destroy();
      else if (fault?.kind === 'throttle') sendError(res, 400, 'Throttling', 'Rate exceeded', n);
      else if (fault?.kind === 'error') sendError(res, fault.status, fault.code, fault.message, n);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function sendError(res: ServerResponse, status: number, code: string, message: string, n: number): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId(n) });
  res.end(errorResponseXml(status >= 500 ? 'Receiver' : 'Sender', code, message, requestId(n)));
}

function respond(options: IamQueryServerOptions, req: IncomingMessage, res: ServerResponse, input: SimulateInput, n: number) {
  try {
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      throw new AwsFault('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    }
    if (input.version !== '2010-05-08') throw new AwsFault('InvalidParameterValue', `bad Version ${input.version}`);
    const results = evaluationResults(options, input);
    const size = Math.min(options.pageSize ?? 1000, input.maxItems ?? 100);
    const offset = input.marker === undefined ? 0 : Number(Buffer.from(input.marker, 'base64').toString('utf8').slice(2));
    if (!Number.isInteger(offset)) throw new AwsFault('InvalidInput', 'Invalid Marker');
    const page = results.slice(offset, offset + size);
    const more = offset + size < results.length;
    const marker = more ? Buffer.from(`m:${offset + size}`).toString('base64') : undefined;
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId(n) });
    res.end(simulateResponseXml(input.operation, page, { isTruncated: more, ...(marker ? { marker } : {}) }, requestId(n)));
  } catch (err) {
    // A decider bug must look like an AWS-side failure (500), never take the server down.
    const fault = err instanceof AwsFault ? err : new AwsFault('ServiceFailure', `test server: ${(err as Error).message}`, 500);
    sendError(res, fault.status, fault.code, fault.message, n);
  }
}

const RESTRICTIVENESS: Record<Decision, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

/**
 * The documented rules for the SimulateCustomPolicy-only members: CallerArn "is required if you include a
 * ResourcePolicy" and names an IAM user; ResourceOwner is an account ARN (`arn:aws:iam::ID:root`);
 * SimulatePrincipalPolicy has no OrderedOrganizationPolicyInputList.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
function checkChainInputs(input: SimulateInput): void {
  if (input.operation === 'SimulatePrincipalPolicy' && input.orderedOrganizationPolicyInputList.length > 0) {
    throw new AwsFault('InvalidInput', 'OrderedOrganizationPolicyInputList is not a member of SimulatePrincipalPolicy.');
  }
  if (input.resourcePolicy !== undefined && input.callerArn === undefined) {
    throw new AwsFault('InvalidInput', 'CallerArn is required when a ResourcePolicy is provided.');
  }
  if (input.callerArn !== undefined && !/^arn:[a-z-]+:iam::\d{12}:user\//.test(input.callerArn)) {
    throw new AwsFault('InvalidInput', `Invalid CallerArn ${input.callerArn}: only IAM users can be simulated callers.`);
  }
  if (input.resourceOwner !== undefined && !/^arn:[a-z-]+:iam::\d{12}:root$/.test(input.resourceOwner)) {
    throw new AwsFault('InvalidInput', `Invalid ResourceOwner ${input.resourceOwner}: expected arn:aws:iam::ACCOUNT-ID:root.`);
  }
}

function evaluationResults(options: IamQueryServerOptions, input: SimulateInput): XmlEvaluationResult[] {
  let attached: readonly string[] = [];
  if (input.operation === 'SimulatePrincipalPolicy') {
    const principals = options.principals ?? { [TEST_PRINCIPAL]: [] };
    const arn = input.policySourceArn ?? '';
    if (!(arn in principals)) throw new AwsFault('NoSuchEntity', `The principal ${arn} cannot be found.`, 404);
    attached = principals[arn] ?? [];
  } else if (input.operation !== 'SimulateCustomPolicy') {
    throw new AwsFault('InvalidAction', `Could not find operation ${input.operation} for version 2010-05-08`);
  }
  if (input.actionNames.length === 0) throw new AwsFault('InvalidInput', 'ActionNames must not be empty.');
  if (input.permissionsBoundaryPolicyInputList.length > 1) {
    throw new AwsFault('InvalidInput', 'Only one permissions boundary policy may be provided.');
  }
  checkChainInputs(input);
  const resources = input.resourceArns.length > 0 ? input.resourceArns : ['*'];
  const ask = (action: string, resource: string) =>
    options.decide({ input, attached: [...attached, ...input.policyInputList], action, resource });
  if ((options.shape ?? 'old') === 'old') {
    return input.actionNames.flatMap((action) =>
      resources.map((resource) => {
        const a = ask(action, resource);
        return { EvalActionName: action, EvalResourceName: resource, EvalDecision: a.decision, MatchedStatements: a.matched ?? [], MissingContextValues: a.missing ?? [] };
      }),
    );
  }
  return input.actionNames.map((action) => {
    const answers = resources.map((resource) => ({ resource, a: ask(action, resource) }));
    const worst = answers.reduce((w, x) => (RESTRICTIVENESS[x.a.decision] > RESTRICTIVENESS[w] ? x.a.decision : w), 'allowed' as Decision);
    const service = action.split(':')[0] ?? '*';
    return {
      EvalActionName: action,
      EvalResourceName: input.resourceArns.length > 0 ? `arn:\${Partition}:${service}:\${Region}:\${Account}:*` : '*',
      EvalDecision: worst,
      MatchedStatements: answers.flatMap((x) => x.a.matched ?? []),
      MissingContextValues: [...new Set(answers.flatMap((x) => x.a.missing ?? []))],
      ...(input.resourceArns.length > 0
        ? {
            EvalDecisionDetails: {},
            ResourceSpecificResults: answers.map((x) => ({
              EvalResourceName: x.resource,
              EvalResourceDecision: x.a.decision,
              MatchedStatements: x.a.matched ?? [],
              MissingContextValues: x.a.missing ?? [],
            })),
          }
        : {}),
    };
  });
}
