/**
 * ARN operators. ArnEquals ≡ ArnLike and ArnNotEquals ≡ ArnNotLike: both split the ARN into its six
 * colon-separated segments and match each separately, with `*` and `?` wildcards inside a segment
 * (unlike StringLike, a `*` cannot swallow colons). Case-sensitive. Policy variables are substituted
 * (then split: a variable holding a whole ARN contributes its segments).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 * - DECISION: a policy value that is not a six-segment ARN pattern (SageMaker's own example is
 *   `ArnLike` `*key/volume-kms-key-12345`) is matched as a whole-string glob, like StringLike.
 * - A request value that is not a six-segment ARN does not match a six-segment pattern.
 */
import { ARN_SEGMENTS, arnMatches, compileArnPattern, readArn, splitRuns, type ArnPattern, type SplitArn } from '../arn.js';
import { compileGlobRuns, globMatches, type Glob } from '../wildcard.js';
import { memoised } from '../memo.js';
import type { OperatorSemantics } from './semantics.js';

type ArnValue = { readonly arn: ArnPattern } | { readonly glob: Glob };

export const arnSemantics: OperatorSemantics<ArnValue, SplitArn> = {
  variables: true,
  policyValue: (runs) => {
    const segments = splitRuns(runs);
    return segments.length === ARN_SEGMENTS ? { arn: compileArnPattern(segments) } : { glob: compileGlobRuns(runs) };
  },
  // Split once per distinct request value, not once per policy value.
  requestValue: memoised(readArn),
  test: (request, policy) => ('arn' in policy ? arnMatches(policy.arn, request, false) : globMatches(policy.glob, request.text)),
};
