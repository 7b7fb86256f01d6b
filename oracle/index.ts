/**
 * The public face of the oracle: `import { evaluate, validatePolicy } from 'iam-conformance'`.
 */
export * from './types.js';
export { evaluate } from './evaluate.js';
export { validatePolicy } from './validate/index.js';
