import { describe, expect, it } from 'vitest';
import { classifyError } from './errors.js';
import { chunkActions } from './request-map.js';
import { makeScrubber } from './scrub.js';
import { statementAt, statementSpans } from './statement-positions.js';
import { TokenBucket, type Clock } from './token-bucket.js';

describe('statement positions', () => {
  it('finds each statement inside JSON.stringify(policy)', () => {
    const doc = { Version: '2012-10-17', Id: 'x', Statement: [{ Sid: 'a', Effect: 'Allow' }, { Effect: 'Deny', Action: '*' }] };
    const text = JSON.stringify(doc);
    for (const span of statementSpans(doc)) {
      expect(JSON.parse(text.slice(span.start, span.end))).toEqual(doc.Statement[span.index]);
    }
    const second = statementSpans(doc)[1]!;
    expect(statementAt(doc, 1, second.start + 1)).toBe(1); // 1-based column
    expect(statementAt(doc, 1, second.start)).toBe(1); // 0-based column
    expect(statementAt(doc, 2, second.start)).toBeUndefined();
  });

  it('handles a lone Statement object and documents without statements', () => {
    const doc = { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    expect(statementSpans(doc)).toEqual([{ index: 0, start: 13, end: JSON.stringify(doc).length - 1 }]);
    expect(statementSpans('text')).toEqual([]);
    expect(statementSpans({ Version: '2012-10-17' })).toEqual([]);
  });
});

describe('scrubber', () => {
  it('removes known secrets and anything shaped like keys, tokens and signatures', () => {
    const scrub = makeScrubber(['supersecretvalue']);
    scrub.add('tokentokentoken');
    const out = scrub(
      'k=AKIAABCDEFGHIJKLMNOP s=supersecretvalue t=tokentokentoken Credential=AKIA/2026/iam Signature=0123456789abcdef0123 X-Amz-Security-Token: abc aws_secret_access_key = zzz',
    );
    expect(out).not.toMatch(/AKIAABCDEFGHIJKLMNOP|supersecretvalue|tokentokentoken|0123456789abcdef0123|abc |zzz/);
  });
});

describe('token bucket', () => {
  it('spaces calls at the configured rate', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const clock: Clock = { now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
    const bucket = new TokenBucket(4, clock);
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(sleeps).toEqual([250, 250, 250, 250]);
    expect(now).toBe(1000);
  });
});

describe('error classification', () => {
  const sdk = (Code: string, message: string, status: number) => Object.assign(new Error(message), { name: `${Code}Exception`, Code, $metadata: { httpStatusCode: status } });
  it('sorts AWS errors into retry, rejection and fatal', () => {
    expect(classifyError(sdk('Throttling', 'Rate exceeded', 400)).kind).toBe('retryable');
    expect(classifyError(sdk('ServiceFailure', 'x', 500)).kind).toBe('retryable');
    expect(classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind).toBe('retryable');
    expect(classifyError(sdk('MalformedPolicyDocument', 'Syntax errors in policy.', 400)).kind).toBe('policyRejected');
    expect(classifyError(sdk('InvalidInput', 'Syntax errors in policy.', 400)).kind).toBe('policyRejected');
    expect(classifyError(sdk('InvalidInput', 'Invalid ContextKeyValues', 400)).kind).toBe('caseRejected');
    expect(classifyError(sdk('PolicyEvaluation', 'x', 500)).kind).toBe('caseRejected');
    expect(classifyError(sdk('NoSuchEntity', 'x', 404)).kind).toBe('fatal');
    expect(classifyError(sdk('AccessDenied', 'x', 403)).kind).toBe('fatal');
  });
});

describe('action chunks', () => {
  it('caps the size and keeps names that differ only in case in different calls', () => {
    expect(chunkActions(['s:A', 's:B', 's:a', 's:C', 'S:A'], 3)).toEqual([['s:A', 's:B', 's:C'], ['s:a'], ['S:A']]);
    expect(chunkActions(['s:A', 's:B', 's:C'], 2)).toEqual([['s:A', 's:B'], ['s:C']]);
  });
});
