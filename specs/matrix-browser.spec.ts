/**
 * matrix.html and a badge as a real browser sees them: headless Chromium parses the page (its DOM, not
 * our text, is checked) and draws a badge. Skipped where no Chromium is installed (`CHROMIUM` names
 * another binary); docs/conformance-score.md has the same check as a manual screenshot step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../harness/matrix.js';
import { packageRoot } from '../harness/package-root.js';
import { cli, tempFiles } from '../testing/cli-capture.js';

const root = packageRoot();
const chromium = process.env.CHROMIUM ?? 'chromium';
const available = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).status === 0;

/** Headless Chromium with no network, no profile and no first-run work. */
function browse(args: readonly string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const r = spawnSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe.skipIf(!available)('matrix.html in headless Chromium', () => {
  it('parses into one column per evaluator and one row per property and feature, and a badge draws', async () => {
    const out = tempFiles({});
    const mutant = `module:${join(root, 'testing', 'mutants', 'deny-blind.ts')}`;
    expect((await cli(['compare', '--evaluator', mutant, '--runs', '2', '--seed', '9', '--quiet', '--report-dir', out], root)).code).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8')) as Matrix;
    const dom = browse(['--dump-dom', pathToFileURL(join(out, 'matrix.html')).href]);
    for (const [id, rows] of [['property-grid', m.propertyRows], ['feature-grid', m.featureRows]] as const) {
      // The browser's own serialisation: a misnested tag would have moved cells out of their rows.
      const table = new RegExp(`<table class="grid" id="${id}"><tbody>([\\s\\S]*?)</tbody></table>`).exec(dom)?.[1] ?? '';
      const trs = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      expect(trs, id).toHaveLength(rows.length + 1);
      for (const tr of trs.slice(1)) expect(tr.match(/<td /g)).toHaveLength(m.evaluators.length);
    }
    const scores = /<table id="scores">([\s\S]*?)<\/table>/.exec(dom)?.[1] ?? '';
    expect(scores.match(/<svg /g)).toHaveLength(m.evaluators.length);

    const png = join(out, 'badge.png');
    browse([`--screenshot=${png}`, '--window-size=200,40', pathToFileURL(join(out, 'badges', 'deny-blind.svg')).href]);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
