/**
 * Who asks and whom a resource policy names, drawn from one small vocabulary per case (cedar-spec's
 * lesson: requests drawn from the policy's own vocabulary actually hit it): the caller, its account (as
 * ID and as root ARN), another user of that account, another account, `*`, and a service.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import fc from 'fast-check';
import { record } from './record.js';
import { DEFAULT_CALLER } from '../oracle/types.js';
import { chance } from './chance.js';
import { pick } from './text.js';
import { ACCOUNT } from './world.js';

/** The resource owner of a cross-account case (also the world's near-miss account). */
export const OTHER_ACCOUNT = '210987654321';
/** The other IAM user of the caller's account. */
export const OTHER_USER = `arn:aws:iam::${ACCOUNT}:user/other`;
/** A user of the other account. */
export const PARTNER_USER = `arn:aws:iam::${OTHER_ACCOUNT}:user/partner`;

const root = (account: string): string => `arn:aws:iam::${account}:root`;

/** The caller: the default user (left implicit in the case) or, now and then, the account's other user. */
export interface CallerRecipe {
  readonly other: boolean;
}
export const callerRecipe = (): fc.Arbitrary<CallerRecipe> => record({ other: chance(20) });
export const renderCaller = (r: CallerRecipe): string | undefined => (r.other ? OTHER_USER : undefined);

/** The kinds of principal a statement can name, relative to the case's caller. */
const PRINCIPALS = [
  (caller: string) => ({ AWS: caller }),
  () => '*',
  () => ({ AWS: '*' }),
  () => ({ AWS: root(ACCOUNT) }),
  () => ({ AWS: ACCOUNT }),
  (caller: string) => ({ AWS: caller === OTHER_USER ? DEFAULT_CALLER : OTHER_USER }),
  () => ({ AWS: root(OTHER_ACCOUNT) }),
  (caller: string) => ({ AWS: [PARTNER_USER, caller] }),
  () => ({ Service: 'sagemaker.amazonaws.com' }),
] as const;

/**
 * `NotPrincipal` lists (Deny only): the caller listed with its account, or neither. A list naming the
 * account without the caller (or the reverse) is left to vectors: readings differ (oracle/DECISIONS.md #40).
 */
const NOT_PRINCIPALS = [
  (caller: string) => ({ AWS: [caller, root(ACCOUNT)] }),
  () => ({ AWS: [PARTNER_USER, root(OTHER_ACCOUNT)] }),
] as const;

export interface PrincipalRecipe {
  /** Index into the kinds; the first ones (the caller, `*`) weigh more, so statements often apply. */
  readonly kind: number;
  /** On a Deny statement: write NotPrincipal instead. */
  readonly negated: boolean;
}

export const principalRecipe = (): fc.Arbitrary<PrincipalRecipe> =>
  record({
    kind: fc.oneof({ arbitrary: fc.nat({ max: 2 }), weight: 3 }, { arbitrary: fc.nat(), weight: 4 }),
    negated: chance(20),
  });

/** The `Principal` or `NotPrincipal` member for a statement of the given effect. */
export function renderPrincipal(r: PrincipalRecipe, deny: boolean, caller: string): Record<string, unknown> {
  if (deny && r.negated) return { NotPrincipal: pick(NOT_PRINCIPALS, r.kind)(caller) };
  return { Principal: pick(PRINCIPALS, r.kind)(caller) };
}

/**
 * `x` with the caller's account and the other account swapped in every ARN (`:123456789012:` ↔
 * `:210987654321:`): a resource moved to the other account, ARNs that differed still differing.
 */
export function swapAccounts<T>(x: T): T {
  const text = JSON.stringify(x)
    .split(`:${ACCOUNT}:`)
    .map((part) => part.split(`:${OTHER_ACCOUNT}:`).join(`:${ACCOUNT}:`))
    .join(`:${OTHER_ACCOUNT}:`);
  return JSON.parse(text) as T;
}
