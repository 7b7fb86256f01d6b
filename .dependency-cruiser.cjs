/**
 * The one-way floors of ARCHITECTURE.md, checked by `npm test` (npm run lint:deps).
 * Product code (anything that is not a test) may import only what its floor allows; tests
 * (*.test.ts beside the code, *.spec.ts in specs/) sit above every floor and may import anything.
 * Nothing but tests imports testing/ or tools/ (tools/ may use testing/). No cycles anywhere.
 */
const TEST = '\\.(test|spec)\\.ts$';

/** A rule: files under `from` (not tests) may import only paths matching `allowed`. */
const floor = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${from}/`, pathNot: TEST },
  to: { pathNot: [`^${from}/`, ...allowed, '^node_modules/', '^node:'], dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'imports flow one way: no cycles', from: {}, to: { circular: true } },
    floor('oracle-alone', 'oracle', [], 'the reference evaluator imports nothing outside itself'),
    floor('generators', 'generators', ['^oracle/(types|memo)\\.ts$'], 'generators see the vocabulary only (and the one bounded-memo contract, oracle/memo.ts)'),
    floor('harness', 'harness', ['^oracle/', '^generators/'], 'the engine sits on the oracle and the generators'),
    floor(
      'evaluators',
      'evaluators',
      ['^oracle/', '^harness/evaluator\\.ts$', '^harness/input-error\\.ts$'],
      'adapters see the vocabulary, the Evaluator contract and InputError',
    ),
    {
      name: 'evaluators-oracle-adapter',
      comment: 'evaluators/oracle.ts is the oracle adapter: the one adapter that calls the oracle',
      severity: 'error',
      from: { path: '^evaluators/', pathNot: ['^evaluators/oracle\\.ts$', TEST] },
      to: { path: '^oracle/', pathNot: '^oracle/types\\.ts$' },
    },
    floor('reports', 'reports', ['^harness/', '^oracle/types\\.ts$'], 'writers read the report model, never the oracle'),
    floor('specs', 'specs', ['^harness/', '^generators/', '^oracle/'], "the suite's content sits on the engine"),
    floor('cli', 'cli', ['^oracle/', '^generators/', '^harness/', '^evaluators/', '^reports/', '^specs/'], 'the CLI sits on top'),
    floor('bench', 'bench', ['^oracle/', '^generators/', '^harness/', '^evaluators/', '^reports/', '^specs/', '^cli/'], 'benchmarks sit on top'),
    {
      name: 'testing-only-from-tests',
      comment: 'test doubles are imported only by tests (and by other test doubles and tools)',
      severity: 'error',
      from: { pathNot: [TEST, '^testing/', '^tools/'] },
      to: { path: '^testing/' },
    },
    {
      name: 'tools-only-from-tools',
      comment: 'maintenance programs are entry points: nothing imports them',
      severity: 'error',
      from: { pathNot: '^tools/' },
      to: { path: '^tools/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|reports/out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs'] },
  },
};
