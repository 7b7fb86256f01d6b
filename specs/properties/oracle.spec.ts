import { describeConformance } from '../../cli/vitest.js';

// The oracle must satisfy every property it is the reference for (modest run counts: this runs in `npm test`).
// Named by its spec string, as an evaluator author names theirs.
describeConformance('oracle', { runs: 60 });
