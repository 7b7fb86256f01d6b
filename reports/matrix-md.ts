/** matrix.md: the conformance matrix for a README or a pull request (GitHub Markdown). */
import type { Matrix, MatrixColumn, MatrixExample } from '../harness/matrix.js';
import type { Score } from '../harness/score.js';
import { badgeFileName } from './badge.js';
import { answersText, cellText, columnTitle, outcomeText, ROLE_NOTE } from './matrix-labels.js';
import { mdCode, mdTable, mdText } from './markdown-text.js';

export interface MatrixMarkdownOptions {
  /** Where the badges are, relative to the Markdown file. */
  readonly badgeDir: string;
}

const cell = (s: Score | undefined): string => {
  const t = cellText(s);
  return t.apart ? `${t.main} (${mdText(t.apart)})` : t.main;
};

function scoreTable(m: Matrix, rows: readonly string[], scoreFor: (e: MatrixColumn, row: string) => Score | undefined, first: string): string {
  return mdTable(
    [first, ...m.evaluators.map((e) => mdText(e.name))],
    rows.map((r) => [mdCode(r, true), ...m.evaluators.map((e) => cell(scoreFor(e, r)))]),
  );
}

/** Examples as a table: the JSON of each case is in matrix.json and matrix.html. */
function exampleTable(rows: readonly (readonly [string, MatrixExample])[]): string {
  return mdTable(
    ['cell', 'origin', 'answers', 'outcome', 'replay'],
    rows.map(([cellName, x]) => [mdCode(cellName, true), mdText(x.origin), mdCode(answersText(x), true), mdText(outcomeText(x)), mdCode(x.replay, true)]),
    'left',
  );
}

export function renderMatrixMarkdown(m: Matrix, o: MatrixMarkdownOptions): string {
  const out: string[] = [
    '# IAM conformance matrix',
    '',
    `Corpus ${mdCode(m.corpus.id)} — ${m.corpus.items} items, ${m.corpus.cases} cases (seed ${m.corpus.seed}, ${m.corpus.runs} runs per property and profile); ` +
      `${mdText(m.tool.name)} ${mdText(m.tool.version)}, ${m.generatedAt.slice(0, 10)}.`,
    '',
    'Score: the share of required cases with a right answer (vectors, regressions, differential and validation inputs) the evaluator agreed on. ' +
      'Recorded divergences, errors, skips and unconfirmed vectors are counted apart, never as passes (docs/conformance-score.md).',
    '',
    mdTable(
      ['', ...m.evaluators.map((e) => mdText(columnTitle(e)))],
      [
        ['badge', ...m.evaluators.map((e) => `![${mdText(e.name)}](${o.badgeDir}/${badgeFileName(e.name)})`)],
        ['role', ...m.evaluators.map((e) => mdText(ROLE_NOTE[e.role]))],
        ['score', ...m.evaluators.map((e) => `**${cell(e.score)}**`)],
        ['agreed / required', ...m.evaluators.map((e) => `${e.score.agreed} / ${e.score.required}`)],
        ['diverged', ...m.evaluators.map((e) => e.score.diverged)],
        ['recorded divergences', ...m.evaluators.map((e) => e.score.expectedDivergence)],
        ['errored', ...m.evaluators.map((e) => e.score.errored)],
        ['skipped', ...m.evaluators.map((e) => e.score.skipped)],
      ],
    ),
    '',
    '## By property',
    '',
    'Metamorphic properties ask only that the evaluator agree with itself, which a constant answer does: see the baselines.',
    '',
    scoreTable(m, m.propertyRows, (e, r) => e.properties[r], 'property'),
    '',
    '## By feature',
    '',
    scoreTable(m, m.featureRows, (e, f) => e.features[f as keyof MatrixColumn['features']], 'feature'),
    '',
    '## Fails only here',
    '',
  ];
  if (m.failsOnlyHere.length === 0) out.push('Needs at least two evaluators under test.', '');
  for (const f of m.failsOnlyHere) {
    out.push(`### ${mdText(f.evaluator)}: ${f.total} item${f.total === 1 ? '' : 's'}`, '');
    out.push(exampleTable(f.examples.slice(0, 10).map((x) => [x.row, x] as const)), '');
    if (f.total > 10) out.push(`… and ${f.total - 10} more (matrix.json keeps the ${f.examples.length} smallest).`, '');
  }
  out.push('## Examples', '', 'The smallest failing item of each cell (else its smallest recorded divergence), with the command that replays it; the cases themselves are in matrix.html and matrix.json.', '');
  for (const e of m.evaluators.filter((c) => c.role === 'tested')) {
    const keys = Object.keys(e.examples).sort();
    out.push(`### ${mdText(e.name)}`, '', keys.length ? exampleTable(keys.map((k) => [k, e.examples[k] as MatrixExample] as const)) : 'No failing cell.', '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
