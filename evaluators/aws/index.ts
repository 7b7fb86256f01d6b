/** Live mode: AWS's own policy simulator as an evaluator (resolved by `resolveEvaluator('aws')`). */
export { createAwsEvaluator, type AwsEvaluator } from './aws-evaluator.js';
export { effectiveEnv, resolveSettings } from './options.js';
export { planAwsCalls, describePlan } from './plan.js';
export { settingsFromEnv, parseApi, type SimulateApi } from './settings.js';
export { readCheckpointHeader } from './checkpoint.js';
export { envWithDotenv } from './settings.js';
