import { describe, expect, it } from 'vitest';
import { erroredFailure, makeReport, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';
import { renderMarkdown } from './markdown.js';
import { mdCode, mdFence, mdText } from './markdown-text.js';

describe('summary.md', () => {
  const failures = [vectorFailure(), propertyFailure(), erroredFailure(), vectorFailure({ id: 'u1', required: false, title: 'an unconfirmed reading' })];
  const md = renderMarkdown(makeReport(failures), {
    files: new Map(failures.map((f, i) => [f, `divergences/f${i}.json`])),
    dir: 'reports/out/x',
  });

  it('opens with the outcome, the evaluator and every count', () => {
    expect(md.split('\n')[0]).toBe('# iam-conformance: FAILED — broken 1.0.0');
    expect(md).toContain('**3 failed, 3 passed, 2 skipped, 0 errored, 0 expected divergences**');
    expect(md).toContain('| Seed | 42 |');
    expect(md).toContain('| Evaluator | `module:./broken.js (broken 1.0.0)` |');
  });

  it('has the per-feature table with agree / diverge / expected / skipped / errored', () => {
    expect(md).toContain('| feature | agree | diverge | expected | skipped | errored |');
    expect(md).toContain('| `action-wildcard` | 3 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| `condition-binary` | 0 | 0 | 0 | 2 | 0 |');
  });

  it('lists every failure, grouped by cause, with verdicts, deciding statement and replay commands', () => {
    for (const f of failures) {
      expect(md).toContain(`#### ${mdText(f.title)}`);
      expect(md).toContain(mdCode(f.replay));
    }
    expect(md).toContain('### 1. condition-string: expected explicitDeny, got allowed (1)\n\n#### ');
    expect(md).toContain('property differential: expected implicitDeny, got allowed');
    expect(md).toMatch(/### 4\. unconfirmed: /);
    expect(md).toContain('- deciding statement: policies\\[0\\].Statement\\[1\\] (Deny, Sid "DenyRed")');
    expect(md).toContain('  - Condition StringEquals/aws:RequestTag/team: holds (value equals)');
    expect(md).toContain('`npx iam-conformance replay reports/out/x/divergences/f0.json --evaluator module:./broken.js`');
    expect(md).toContain('```json\n{\n  "action": "sagemaker:CreateEndpoint"');
    expect(md).toContain('- actual (evaluator): `evaluator error: timeout after 5000 ms`');
    expect(md).toContain('- expected (vector): `explicitDeny`');
    expect(md).toContain('- expected (oracle): `implicitDeny`');
  });

  it('shows one minimal failure of a cause in full, lists a few more one line each, and counts the rest', () => {
    const many = [1, 2, 3, 4, 5].map((n) => vectorFailure({ id: `v${n}`, title: `case ${n}` }));
    const text = renderMarkdown(makeReport(many));
    expect(text.match(/^#### /gm)?.length).toBe(1);
    expect(text).toContain('4 more with the same cause:');
    const lots = renderMarkdown(makeReport(Array.from({ length: 15 }, (_, n) => vectorFailure({ id: `w${n}`, title: `case ${n}` }))));
    expect(lots).toContain('- … and 4 more (every case is in report.json)');
    expect(text).toContain('Features involved: condition-string ×5, explicit-deny ×5');
    expect(text).toMatch(/^- case 5: expected `explicitDeny`, actual `allowed`/m);
  });

  it('counts failures as the headline does: unconfirmed ones apart', () => {
    expect(md).toContain('## Failures: 3 in 3 causes; 1 unconfirmed (not required) in 1 cause');
  });

  it('says None. when nothing failed', () => {
    expect(renderMarkdown(makeReport())).toContain('## Failures\n\nNone.');
  });
});

describe('markdown building blocks', () => {
  it('fences content with more backticks than it holds', () => {
    expect(mdFence('a ``` b', 'json')).toBe('````json\na ``` b\n````');
  });
  it('keeps inline code one span and escapes pipes only in tables', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
    expect(mdCode('a|b')).toBe('`a|b`');
  });
  it('escapes markdown and HTML punctuation in text', () => {
    expect(mdText('<script>*x*|[y]')).toBe('\\<script\\>\\*x\\*\\|\\[y\\]');
  });
});

describe('deciding statement from a bare vector verdict', () => {
  it('picks the applying Deny from the trace, not the applying Allow before it', () => {
    const allowApplies = { policySet: 'identity', policyIndex: 0, statementIndex: 0, element: 'Statement', holds: true, reason: 'applies' } as const;
    const f = vectorFailure({ expected: { decision: 'explicitDeny' }, oracleTrace: [allowApplies, ...vectorFailure().oracleTrace!] });
    const md = renderMarkdown(makeReport([f]));
    expect(md).toContain('- deciding statement: policies\\[0\\].Statement\\[1\\] (Deny, Sid "DenyRed")');
  });
});
