import type { ContextKeyType } from '../oracle/types.js';

/** The operator family a condition key's values belong to. */
export const KEY_KINDS = ['string', 'arn', 'numeric', 'date', 'bool', 'ip', 'binary'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export interface KeyShape {
  readonly kind: KeyKind;
  readonly multivalued: boolean;
  readonly contextType: ContextKeyType;
}

/**
 * Service Authorization Reference condition-key types → operator family and simulator `ContextKeyType`.
 * ARNs travel as `string` (ContextKeyType has no ARN member); `ArrayOf…` types are multivalued and use
 * the `…List` ContextKeyType (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 */
const SHAPES: Readonly<Record<string, KeyShape>> = {
  String: { kind: 'string', multivalued: false, contextType: 'string' },
  ArrayOfString: { kind: 'string', multivalued: true, contextType: 'stringList' },
  ARN: { kind: 'arn', multivalued: false, contextType: 'string' },
  ArrayOfARN: { kind: 'arn', multivalued: true, contextType: 'stringList' },
  Numeric: { kind: 'numeric', multivalued: false, contextType: 'numeric' },
  Long: { kind: 'numeric', multivalued: false, contextType: 'numeric' },
  ArrayOfNumeric: { kind: 'numeric', multivalued: true, contextType: 'numericList' },
  ArrayOfLong: { kind: 'numeric', multivalued: true, contextType: 'numericList' },
  Bool: { kind: 'bool', multivalued: false, contextType: 'boolean' },
  Boolean: { kind: 'bool', multivalued: false, contextType: 'boolean' },
  ArrayOfBool: { kind: 'bool', multivalued: true, contextType: 'booleanList' },
  Date: { kind: 'date', multivalued: false, contextType: 'date' },
  ArrayOfDate: { kind: 'date', multivalued: true, contextType: 'dateList' },
  IPAddress: { kind: 'ip', multivalued: false, contextType: 'ip' },
  ArrayOfIPAddress: { kind: 'ip', multivalued: true, contextType: 'ipList' },
  Binary: { kind: 'binary', multivalued: false, contextType: 'binary' },
  ArrayOfBinary: { kind: 'binary', multivalued: true, contextType: 'binaryList' },
};

/** The shape of a SAR type, or undefined for a type we do not know. */
export const keyShapeOf = (sarType: string): KeyShape | undefined => SHAPES[sarType];
