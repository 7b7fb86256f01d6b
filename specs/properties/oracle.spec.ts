import { createOracleEvaluator } from '../../evaluators/oracle.js';
import { describeConformance } from './vitest.js';

// The oracle must satisfy every property it is the reference for (modest run counts: this runs in `npm test`).
describeConformance(createOracleEvaluator(), { runs: 60 });
