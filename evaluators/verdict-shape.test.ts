import { describe, expect, it } from 'vitest';
import { toVerdict } from './verdict-shape.js';

describe('toVerdict', () => {
  it('accepts decisions and error verdicts, keeping only known fields', () => {
    expect(toVerdict({ decision: 'allowed', extra: 1 })).toEqual({ ok: true, verdict: { decision: 'allowed' } });
    expect(toVerdict({ decision: 'implicitDeny', missingContextKeys: ['aws:SourceIp'] })).toEqual({
      ok: true,
      verdict: { decision: 'implicitDeny', missingContextKeys: ['aws:SourceIp'] },
    });
    expect(toVerdict({ error: { code: 'MalformedPolicyDocument' } })).toEqual({
      ok: true,
      verdict: { error: { code: 'MalformedPolicyDocument', message: '' } },
    });
  });

  it('rejects anything else with a reason', () => {
    expect(toVerdict(null)).toMatchObject({ ok: false, reason: 'expected a JSON object, got null' });
    expect(toVerdict([])).toMatchObject({ ok: false });
    expect(toVerdict({ decision: 'Allow' })).toMatchObject({ ok: false, reason: expect.stringContaining('"Allow"') });
    expect(toVerdict({ error: 'bad' })).toMatchObject({ ok: false });
    expect(toVerdict({ error: { code: 3 } })).toMatchObject({ ok: false });
    expect(toVerdict({})).toMatchObject({ ok: false, reason: 'expected a "decision" or an "error" property' });
  });
});
