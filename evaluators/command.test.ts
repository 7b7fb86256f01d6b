import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseFor } from '../testing/evaluator-fixtures/cases.js';
import { commandName, createCommandEvaluator } from './command.js';
import type { Evaluator } from '../harness/evaluator.js';

const script = join(import.meta.dirname, '..', 'testing', 'evaluator-fixtures', 'scripted-command.mjs');
const command = `"${process.execPath}" "${script}"`;
let open: Evaluator[] = [];
const make = (opts: Parameters<typeof createCommandEvaluator>[1] = {}) => {
  const ev = createCommandEvaluator(command, opts);
  open.push(ev);
  return ev;
};
afterEach(async () => {
  await Promise.all(open.map((e) => e.close()));
  open = [];
});

describe('command evaluator', () => {
  it('answers a batch in order through one process', async () => {
    const ev = make();
    const results = await ev.evaluate([caseFor('test:Allow'), caseFor('test:Deny'), caseFor('test:Reject'), caseFor('x:Y')]);
    expect(results).toEqual([
      { kind: 'verdict', verdict: { decision: 'allowed' } },
      { kind: 'verdict', verdict: { decision: 'explicitDeny' } },
      { kind: 'verdict', verdict: { error: { code: 'MalformedPolicyDocument', message: 'bad policy' } } },
      { kind: 'verdict', verdict: { decision: 'implicitDeny' } },
    ]);
    // A second batch reuses the running process.
    expect(await ev.evaluate([caseFor('test:Allow')])).toEqual([{ kind: 'verdict', verdict: { decision: 'allowed' } }]);
  });

  it('sends each case as one JSON line', async () => {
    const ev = make();
    const c = caseFor('test:Echo');
    const [r] = await ev.evaluate([c]);
    expect(r?.kind === 'verdict' && 'error' in r.verdict && JSON.parse(r.verdict.error.message)).toEqual(c);
  });

  it('errors a garbage line and a non-verdict line, and goes on with the same process', async () => {
    const ev = make();
    const [garbage, shape, ok] = await ev.evaluate([caseFor('test:Garbage'), caseFor('test:BadShape'), caseFor('test:Allow')]);
    expect(garbage).toEqual({ kind: 'errored', message: 'answer is not JSON: this is not json' });
    expect(shape).toMatchObject({ kind: 'errored', message: expect.stringContaining('not a verdict') });
    expect(ok).toEqual({ kind: 'verdict', verdict: { decision: 'allowed' } });
  });

  it('errors the case a crash happened on, with the stderr tail, and restarts for the next', async () => {
    const ev = make();
    const results = await ev.evaluate([caseFor('test:Allow'), caseFor('test:Crash'), caseFor('test:Deny'), caseFor('test:Crash'), caseFor('test:Allow')]);
    expect(results.map((r) => r.kind)).toEqual(['verdict', 'errored', 'verdict', 'errored', 'verdict']);
    expect(results[1]).toMatchObject({ message: expect.stringMatching(/exited with code 3.*boom: crashing on purpose/) });
    expect(results[2]).toEqual({ kind: 'verdict', verdict: { decision: 'explicitDeny' } });
  });

  it('errors a case that takes too long, kills the process and restarts it', async () => {
    // The first case of a fresh process has a start-up grace; the hang comes second so it gets none.
    const ev = make({ timeoutMs: 300 });
    const results = await ev.evaluate([caseFor('test:Deny'), caseFor('test:Hang'), caseFor('test:Allow')]);
    expect(results[1]).toEqual({ kind: 'errored', message: 'timed out after 300 ms (process killed and restarted)' });
    expect(results[2]).toEqual({ kind: 'verdict', verdict: { decision: 'allowed' } });
  });

  it('gives up on a command that never answers instead of restarting it for every case', async () => {
    const ev = make({ env: { ...process.env }, cwd: import.meta.dirname });
    const broken = createCommandEvaluator('exit 7', { maxConsecutiveCrashes: 2 });
    open.push(broken, ev);
    const results = await broken.evaluate([caseFor('a:B'), caseFor('a:B'), caseFor('a:B'), caseFor('a:B')]);
    expect(results.map((r) => r.kind === 'errored' && r.message.slice(0, 20))).toEqual([
      'process exited with ',
      'process exited with ',
      'not run: the process',
      'not run: the process',
    ]);
  });

  it('restarts a program that exits cleanly after each answer, erroring nothing', async () => {
    const oneShot = `"${process.execPath}" -e "process.stdin.once('data', () => { console.log(JSON.stringify({ decision: 'allowed' })); process.exit(0); })"`;
    const ev = createCommandEvaluator(oneShot);
    open.push(ev);
    const results = await ev.evaluate([caseFor('a:B'), caseFor('a:C'), caseFor('a:D')]);
    expect(results).toEqual([1, 2, 3].map(() => ({ kind: 'verdict', verdict: { decision: 'allowed' } })));
  });

  it('names the evaluator after its script', () => {
    expect(commandName('python3 examples/python-evaluator/evaluate.py')).toBe('python-evaluator');
    expect(commandName('node ./my-eval.mjs --fast')).toBe('my-eval');
    expect(commandName('opa-iam')).toBe('opa-iam');
  });
});
