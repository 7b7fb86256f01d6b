import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import type { CliIo } from '../io.js';
import { FAKE_KEY_ID, FAKE_SECRET, fakeEnv, startServer } from '../../testing/iam-server/fixture.js';
import type { RunningIamServer } from '../../testing/iam-server/iam-query-server.js';
import { oracleDecider } from '../../testing/iam-server/oracle-decider.js';
import { loadVectorFile } from '../../harness/vector-file.js';

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html';
const allow = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const VECTORS = [
  {
    description: 'Describe* grants only Describe actions',
    source: DOC,
    features: ['action-wildcard'],
    policies: [allow('sagemaker:Describe*')],
    cases: [
      { description: 'DescribeEndpoint is allowed', request: { action: 'sagemaker:DescribeEndpoint' }, expected: 'allowed' },
      { description: 'ListEndpoints is not', request: { action: 'sagemaker:ListEndpoints' }, expected: 'implicitDeny' },
    ],
  },
  {
    description: 'an unconfirmed reading',
    source: DOC,
    features: [],
    unconfirmed: true,
    policies: [allow('sagemaker:List*')],
    cases: [{ description: 'ListModels is allowed', request: { action: 'sagemaker:ListModels' }, expected: 'allowed' }],
  },
];

async function live(argv: string[], cwd: string, env: Record<string, string>) {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), interactive: false, cwd, env };
  const code = await runCli(['live', '--quiet', ...argv], io);
  return { code, out, err };
}

function workspace(vectors: unknown = VECTORS): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamc-live-cli-'));
  writeFileSync(join(dir, 'v.json'), JSON.stringify(vectors));
  return dir;
}

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (s: RunningIamServer, extra: Record<string, string> = {}) => fakeEnv(s, { IAM_CONFORMANCE_CALLS_PER_SECOND: '1000', ...extra });

describe('iam-conformance live', () => {
  it('prints the planned calls on --dry-run without credentials', async () => {
    const cwd = workspace();
    const r = await live(['--suite', 'vectors', '--vectors', 'v.json', '--dry-run'], cwd, { IAM_CONFORMANCE_PRINCIPAL_ARN: '' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 cases → 2 calls (+2 preflight)');
  });

  it('runs vectors against AWS and the oracle, records verified vectors and writes a report', async () => {
    server = await startServer({ decide: await oracleDecider() });
    const cwd = workspace();
    const r = await live(['--suite', 'vectors', '--vectors', 'v.json', '--record', 'rec', '--report-dir', 'out'], cwd, env(server));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/unconfirmed \(reported, not required\): 1 agree/);
    expect(r.out.trim().split('\n').at(-1)).toBe('2 passed, 0 failed');
    // Unconfirmed vectors are asked first.
    expect(server.requests.slice(2).map((q) => q.input.actionNames)).toEqual([['sagemaker:ListModels'], ['sagemaker:DescribeEndpoint', 'sagemaker:ListEndpoints']]);
    expect(readdirSync(join(cwd, 'out'))).toEqual(expect.arrayContaining(['report.json', 'summary.md', 'index.html', 'junit.xml']));
    const report = JSON.parse(readFileSync(join(cwd, 'out', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ verb: 'live', passed: 2, failed: 0 });
    const [file] = readdirSync(join(cwd, 'rec'));
    const recorded = await loadVectorFile(join(cwd, 'rec', file as string));
    expect(recorded.groups.map((g) => [g.verifiedBy, g.unconfirmed, g.cases.map((c) => c.expected)])).toEqual([
      ['aws:SimulatePrincipalPolicy', undefined, ['allowed']],
      ['aws:SimulatePrincipalPolicy', undefined, ['allowed', 'implicitDeny']],
    ]);
    expect(recorded.groups[0]?.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.out + JSON.stringify(report)).not.toContain(FAKE_SECRET);
  });

  it('fails (exit 1) when AWS disagrees with a vector, naming the case', async () => {
    // An "AWS" that allows whatever has a policy (and passes the empty-principal preflight).
    server = await startServer({ decide: (q) => ({ decision: q.attached.length === 0 ? 'implicitDeny' : 'allowed' }) });
    const cwd = workspace();
    const r = await live(['--suite', 'vectors', '--vectors', 'v.json'], cwd, env(server));
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL v.json › Describe* grants only Describe actions › ListEndpoints is not (AWS disagrees with the vector): expected implicitDeny, got allowed');
    expect(r.out.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('stops at --max-calls, reports the rest as skipped, and resumes from the checkpoint', async () => {
    server = await startServer({ decide: await oracleDecider() });
    const cwd = workspace();
    const first = await live(['--suite', 'vectors', '--vectors', 'v.json', '--max-calls', '3'], cwd, env(server));
    expect(first.code).toBe(0);
    expect(first.out.trim().split('\n').at(-1)).toBe('0 passed, 0 failed, 2 skipped');
    expect(server.requests).toHaveLength(3);
    expect(existsSync(join(cwd, '.iam-conformance', 'live-checkpoint.jsonl'))).toBe(true);
    const second = await live(['--suite', 'vectors', '--vectors', 'v.json', '--resume'], cwd, env(server));
    expect(second.out.trim().split('\n').at(-1)).toBe('2 passed, 0 failed');
    expect(second.out).toContain('1 from the checkpoint');
    // The resumed run asked only the batch the budget cut off (after its own preflight).
    expect(server.requests.slice(3).map((q) => q.input.actionNames.length)).toEqual([5, 5, 2]);
  });

  it('runs generated case families with many decisions per call', async () => {
    server = await startServer({ decide: await oracleDecider() });
    const cwd = workspace();
    const r = await live(['--suite', 'properties', '--runs', '3', '--seed', '7'], cwd, env(server));
    expect(r.out).toMatch(/decisions in 3 answered calls \((2\d|\d{3,})\.\d per call\)/);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(r.code).toBe(0);
  });

  it('exits 2 with one line when the principal is missing', async () => {
    server = await startServer({ principals: {} });
    const cwd = workspace();
    const r = await live(['--suite', 'vectors', '--vectors', 'v.json'], cwd, env(server));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/does not exist \(IAM_CONFORMANCE_PRINCIPAL_ARN\)/);
    expect(r.err).not.toContain(FAKE_KEY_ID);
  });
});
