/**
 * The `live` project (`npm run test:live`, never `npm test`): the suite against AWS itself. Runs when
 * credentials and the dedicated principal are configured (environment or `.env`, see docs/live.md);
 * otherwise every test is skipped and the reason is in the test name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../oracle/index.js';
import { createAwsEvaluator, envWithDotenv, settingsFromEnv } from '../../evaluators/aws/index.js';
import { packageRoot } from '../../harness/package-root.js';
import { loadVectorFiles } from '../../harness/vector-file.js';
import { vectorItems } from '../../harness/live/live-cases.js';
import { runLive } from '../../harness/live/live-run.js';

const env = envWithDotenv(process.env, process.cwd());

/** Why live tests cannot run here, or undefined when they can. */
function notConfigured(): string | undefined {
  const hasCredentials = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'].some(
    (k) => !!env[k],
  );
  if (!hasCredentials) return 'no AWS credentials configured (AWS_PROFILE or AWS_ACCESS_KEY_ID…)';
  try {
    const s = settingsFromEnv(env);
    if (s.api === 'SimulatePrincipalPolicy' && !s.principalArn) return 'IAM_CONFORMANCE_PRINCIPAL_ARN is not set';
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}

const reason = notConfigured();
const title = reason ? `live AWS (skipped: ${reason}; see docs/live.md)` : 'live AWS';
 
if (reason) console.warn(`live tests skipped: ${reason} (see docs/live.md)`);
const budget = Number(env.IAM_CONFORMANCE_MAX_CALLS ?? 60);

describe.skipIf(reason !== undefined)(title, () => {
  it('the principal is empty and simple answers come back in either result shape', async () => {
    const ev = await createAwsEvaluator({ env, maxCalls: budget });
    try {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }] };
      const arn = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/live-check';
      const results = await ev.evaluate([
        { policies: [policy], request: { action: 'sagemaker:DescribeEndpoint', resource: '*', context: [] } },
        { policies: [policy], request: { action: 'sagemaker:DeleteEndpoint', resource: '*', context: [] } },
        { policies: [policy], request: { action: 'sagemaker:DescribeEndpoint', resource: arn, context: [] } },
      ]);
      expect(results.map((r) => (r.kind === 'verdict' && 'decision' in r.verdict ? r.verdict.decision : r))).toEqual([
        'allowed',
        'implicitDeny',
        'allowed',
      ]);
    } finally {
      await ev.close();
    }
  });

  it('AWS agrees with the required shipped vectors and the oracle (within the call budget)', async () => {
    const files = await loadVectorFiles([join(packageRoot(), 'specs', 'vectors')]);
    const ev = await createAwsEvaluator({ env, maxCalls: budget });
    try {
      const run = await runLive(vectorItems(files, packageRoot()), ev, { oracle: evaluate });
      const required = run.tally.failures.filter((f) => f.required).map((f) => f.title);
      expect(required).toEqual([]);
    } finally {
      await ev.close();
    }
  });
});
