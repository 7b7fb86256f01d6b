/**
 * The public face of the oracle: `import { evaluate, validatePolicy } from 'iam-conformance'`.
 */
export * from './types.js';
export { evaluate, ORACLE_ERROR } from './evaluate.js';
export { explainText } from './explain.js';
export { INVALID_INPUT } from './request.js';
export { validatePolicy } from './validate/index.js';
