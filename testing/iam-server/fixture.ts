/** Test helpers: a local IAM server and an `aws` evaluator pointed at it with fake static credentials. */
import { createAwsEvaluator, type AwsEvaluator } from '../../evaluators/aws/aws-evaluator.js';
import type { AwsEvaluatorOptions } from '../../evaluators/aws/options.js';
import type { Case, ContextEntry } from '../../oracle/types.js';
import { startIamQueryServer, TEST_PRINCIPAL, type IamQueryServerOptions, type RunningIamServer } from './iam-query-server.js';
import { simpleDecider } from './simple-decider.js';

export const FAKE_KEY_ID = 'AKIAFAKEFAKEFAKE1234';
export const FAKE_SECRET = 'fake-secret-never-print-9f8e7d6c5b4a';

export const fakeEnv = (server: RunningIamServer, extra: Record<string, string> = {}) => ({
  AWS_ENDPOINT_URL_IAM: server.url,
  AWS_ACCESS_KEY_ID: FAKE_KEY_ID,
  AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
  AWS_REGION: 'us-east-1',
  IAM_CONFORMANCE_PRINCIPAL_ARN: TEST_PRINCIPAL,
  ...extra,
});

export async function startServer(options: Partial<IamQueryServerOptions> = {}): Promise<RunningIamServer> {
  return startIamQueryServer({ decide: simpleDecider(), ...options });
}

/** An evaluator on the local server: no waiting (fast rate cap, zero backoff), SDK retries off by default. */
export function localEvaluator(server: RunningIamServer, options: AwsEvaluatorOptions = {}): Promise<AwsEvaluator> {
  return createAwsEvaluator({
    env: fakeEnv(server),
    cwd: '/nonexistent-dir-for-tests',
    callsPerSecond: 10_000,
    maxAttempts: 1,
    retryBaseMs: 0,
    sdkRetryMode: 'standard',
    ...options,
  });
}

export const policy = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });

export const caseOf = (
  policies: unknown[],
  action: string,
  resource = '*',
  context: ContextEntry[] = [],
  permissionsBoundaries?: unknown[],
): Case => ({ policies, ...(permissionsBoundaries ? { permissionsBoundaries } : {}), request: { action, resource, context } });

/** The actions each non-preflight request asked, in order. */
export const askedActions = (server: RunningIamServer): string[][] =>
  server.requests.filter((r) => !isPreflight(r.input.actionNames)).map((r) => [...r.input.actionNames]);

const isPreflight = (names: readonly string[]) => names.join(',') === 'sagemaker:CreateEndpoint,sagemaker:DescribeEndpoint,sagemaker:ListEndpoints,s3:GetObject,iam:PassRole';
