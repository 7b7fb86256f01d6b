/** Live mode: AWS's own policy simulator as an evaluator (resolved by `resolveEvaluator('aws')`). */
export { createAwsEvaluator, type AwsEvaluator, type AwsRunStats } from './aws-evaluator.js';
export type { AwsEvaluatorOptions } from './options.js';
export { effectiveEnv, resolveSettings } from './options.js';
export { LiveSetupError } from './errors.js';
export { planAwsCalls, describePlan, type CallPlan } from './plan.js';
export { settingsFromEnv, parseApi, type AwsSettings, type SimulateApi } from './settings.js';
export { makeScrubber, type Scrubber } from './scrub.js';
export { readCheckpointHeader } from './checkpoint.js';
export { envWithDotenv } from './settings.js';
