/**
 * Reading an IAM Query-protocol request body (`application/x-www-form-urlencoded`), the way IAM does:
 * lists are `Name.member.N`, structures in lists are `Name.member.N.Field`, an empty list is `Name=`.
 */

/** The simulator inputs this server understands, in the API's own names. */
export interface SimulateInput {
  readonly operation: string;
  readonly version: string | undefined;
  readonly policySourceArn: string | undefined;
  readonly policyInputList: readonly string[];
  readonly permissionsBoundaryPolicyInputList: readonly string[];
  readonly actionNames: readonly string[];
  /** Empty when `ResourceArns` was omitted (AWS then simulates `*`). */
  readonly resourceArns: readonly string[];
  readonly contextEntries: readonly {
    readonly ContextKeyName: string;
    readonly ContextKeyValues: readonly string[];
    readonly ContextKeyType: string;
  }[];
  /** `OrderedOrganizationPolicyInputList.member.N.ServiceControlPolicyInputList.member.M`: SCP levels, root first. */
  readonly orderedOrganizationPolicyInputList: readonly (readonly string[])[];
  readonly resourcePolicy: string | undefined;
  readonly callerArn: string | undefined;
  readonly resourceOwner: string | undefined;
  readonly maxItems: number | undefined;
  readonly marker: string | undefined;
}

/** All parameters of the body as a plain object (decoded), e.g. `{ 'ActionNames.member.1': 's3:GetObject' }`. */
export function formParams(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

/** `Name.member.1`, `Name.member.2`, … in order (stops at the first gap, as IAM does). */
export function memberList(params: Record<string, string>, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params[`${name}.member.${i}`] !== undefined; i++) out.push(params[`${name}.member.${i}`] as string);
  return out;
}

export function parseSimulateInput(params: Record<string, string>): SimulateInput {
  const contextEntries = [];
  for (let i = 1; params[`ContextEntries.member.${i}.ContextKeyName`] !== undefined; i++) {
    const prefix = `ContextEntries.member.${i}`;
    contextEntries.push({
      ContextKeyName: params[`${prefix}.ContextKeyName`] as string,
      ContextKeyValues: memberList(params, `${prefix}.ContextKeyValues`),
      ContextKeyType: params[`${prefix}.ContextKeyType`] ?? '',
    });
  }
  const levels: string[][] = [];
  // A level with no SCPs has no member of its own on the wire, so levels are counted by their first SCP.
  for (let i = 1; params[`OrderedOrganizationPolicyInputList.member.${i}.ServiceControlPolicyInputList.member.1`] !== undefined; i++) {
    levels.push(memberList(params, `OrderedOrganizationPolicyInputList.member.${i}.ServiceControlPolicyInputList`));
  }
  const maxItems = params.MaxItems === undefined ? undefined : Number(params.MaxItems);
  return {
    operation: params.Action ?? '',
    version: params.Version,
    policySourceArn: params.PolicySourceArn,
    policyInputList: memberList(params, 'PolicyInputList'),
    permissionsBoundaryPolicyInputList: memberList(params, 'PermissionsBoundaryPolicyInputList'),
    actionNames: memberList(params, 'ActionNames'),
    resourceArns: memberList(params, 'ResourceArns'),
    contextEntries,
    orderedOrganizationPolicyInputList: levels,
    resourcePolicy: params.ResourcePolicy,
    callerArn: params.CallerArn,
    resourceOwner: params.ResourceOwner,
    maxItems,
    marker: params.Marker,
  };
}
