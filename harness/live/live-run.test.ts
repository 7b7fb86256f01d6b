import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluatorResult } from '../evaluator.js';
import type { Verdict } from '../../oracle/types.js';
import { loadVectorFile, parseVectorFile } from '../vector-file.js';
import { chunkByEntry, vectorItems, type LiveItem } from './live-cases.js';
import { judge } from './live-run.js';
import { recordVerified } from './record.js';

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';
const allow = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const group = (action: string, expected: string) => ({
  description: 'same description',
  source: DOC,
  features: [],
  policies: [allow(action)],
  cases: [{ description: `asks ${action}`, request: { action }, expected }],
});
const items = vectorItems([parseVectorFile(JSON.stringify([group('s3:GetObject', 'allowed'), group('s3:PutObject', 'implicitDeny')]), '/w/area/topic.json')], '/w');
const verdict = (decision: 'allowed' | 'implicitDeny'): EvaluatorResult => ({ kind: 'verdict', verdict: { decision } });
const oracle = (decision: 'allowed' | 'implicitDeny'): Verdict => ({ decision });

describe('judging an AWS answer', () => {
  const item = items[1] as LiveItem; // the vector expects implicitDeny
  it('agrees only when AWS matches the vector and the oracle', () => {
    expect(judge(item, verdict('implicitDeny'), oracle('implicitDeny')).outcome).toEqual({ kind: 'agree' });
  });
  it('holds AWS against the vector first', () => {
    expect(judge(item, verdict('allowed'), oracle('allowed'))).toMatchObject({ against: 'vector', outcome: { kind: 'diverge' } });
  });
  it('then against the oracle', () => {
    expect(judge(item, verdict('implicitDeny'), oracle('allowed'))).toMatchObject({ against: 'oracle', outcome: { kind: 'diverge' } });
  });
  it('turns budget and interruption results into skips with the reason', () => {
    expect(judge(item, { kind: 'skipped', reason: 'call budget reached (--max-calls 3)' }, oracle('allowed')).outcome).toEqual({
      kind: 'skipped',
      reason: 'call budget reached (--max-calls 3)',
    });
  });
});

describe('recording AWS answers', () => {
  it('keeps groups apart even when their descriptions are equal, and notes where AWS differs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamc-rec-'));
    const answers = new Map<LiveItem, EvaluatorResult>([
      [items[0] as LiveItem, verdict('allowed')],
      [items[1] as LiveItem, verdict('allowed')],
    ]);
    const [file] = recordVerified(items, answers, dir, { api: 'SimulateCustomPolicy', verifiedAt: '2026-11-28T02:00:00.000Z', seed: 1 });
    expect(file).toBe(join(dir, 'area-topic.json'));
    const recorded = await loadVectorFile(file as string);
    expect(recorded.groups.map((g) => [g.policies, g.verifiedBy, g.cases[0]?.expected, g.cases[0]?.note])).toEqual([
      [[allow('s3:GetObject')], 'aws:SimulateCustomPolicy', 'allowed', undefined],
      [[allow('s3:PutObject')], 'aws:SimulateCustomPolicy', 'allowed', 'the vector expected implicitDeny; AWS answered allowed'],
    ]);
  });

  it('chunks at entry boundaries only, so a family is never split across calls', () => {
    const two = (d: string) => ({ ...group('s3:GetObject', 'allowed'), description: d, cases: [1, 2].map((n) => ({ description: `${d}${n}`, request: { action: `s3:A${n}` }, expected: 'allowed' })) });
    const many = vectorItems([parseVectorFile(JSON.stringify([two('a'), two('b'), two('c')]), '/w/x/y.json')], '/w');
    expect(chunkByEntry(many, 1).map((c) => c.map((i) => i.description))).toEqual([['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2']]);
    expect(chunkByEntry(many, 3).map((c) => c.length)).toEqual([4, 2]);
  });
});
