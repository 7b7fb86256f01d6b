import { readFile } from 'node:fs/promises';
import { CONTEXT_KEY_TYPES, type Case, type ContextEntry, type ContextKeyType } from '../oracle/types.js';
import { InputError } from './input-error.js';
import { parseJsonText } from './json-file.js';

/**
 * Reads a case file: `{policies, permissionsBoundaries?, serviceControlPolicies?, resourcePolicy?, request:
 * {action, resource?, context?, caller?, resourceOwner?}}`, the
 * same shape the cmd protocol sends (resource defaults to `*`, context to `[]`). Every problem is an
 * InputError naming the file and the JSON path.
 */
export async function readCaseFile(file: string): Promise<Case> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read case file (${(cause as Error).message})`, { file, cause });
  }
  return parseCase(text, file);
}

export function parseCase(text: string, file: string): Case {
  const data = parseJsonText(text, file);
  const fail = (jsonPath: string, message: string): never => {
    throw new InputError(message, { file, jsonPath });
  };
  if (!isObject(data)) return fail('(root)', 'must be an object {policies, permissionsBoundaries?, serviceControlPolicies?, resourcePolicy?, request}');
  for (const k of Object.keys(data)) {
    if (!CASE_KEYS.includes(k)) fail(k, `unknown property "${k}" is not allowed here`);
  }
  const levels = data.serviceControlPolicies;
  if (levels !== undefined && (!Array.isArray(levels) || !levels.every((l) => Array.isArray(l)))) {
    fail('serviceControlPolicies', 'must be an array of SCP levels, each an array of policy documents');
  }
  if (!Array.isArray(data.policies)) fail('policies', 'must be an array of policy documents');
  if (data.permissionsBoundaries !== undefined && !Array.isArray(data.permissionsBoundaries)) {
    fail('permissionsBoundaries', 'must be an array of policy documents');
  }
  const r = data.request;
  if (!isObject(r)) return fail('request', 'must be an object {action, resource?, context?}');
  for (const k of Object.keys(r)) {
    if (!REQUEST_KEYS.includes(k)) fail(`request.${k}`, `unknown property "${k}" is not allowed here`);
  }
  if (r.caller !== undefined && typeof r.caller !== 'string') fail('request.caller', 'must be an IAM user ARN string');
  if (r.resourceOwner !== undefined && typeof r.resourceOwner !== 'string') fail('request.resourceOwner', 'must be a 12-digit account ID string');
  if (typeof r.action !== 'string' || r.action === '') fail('request.action', 'must be a non-empty string such as "sagemaker:CreateModel"');
  if (r.resource !== undefined && typeof r.resource !== 'string') fail('request.resource', 'must be a string (an ARN or *)');
  if (r.context !== undefined && !Array.isArray(r.context)) fail('request.context', 'must be an array of {key, type, values}');
  const context = ((r.context ?? []) as unknown[]).map((e, i) => contextEntry(e, `request.context[${i}]`, fail));
  const boundaries = data.permissionsBoundaries as unknown[] | undefined;
  return {
    policies: data.policies as unknown[],
    ...(boundaries && boundaries.length > 0 ? { permissionsBoundaries: boundaries } : {}),
    ...(levels !== undefined ? { serviceControlPolicies: levels as unknown[][] } : {}),
    ...('resourcePolicy' in data ? { resourcePolicy: data.resourcePolicy } : {}),
    request: {
      action: r.action as string,
      resource: (r.resource as string | undefined) ?? '*',
      context,
      ...(r.caller !== undefined ? { caller: r.caller as string } : {}),
      ...(r.resourceOwner !== undefined ? { resourceOwner: r.resourceOwner as string } : {}),
    },
  };
}

const CASE_KEYS = ['policies', 'permissionsBoundaries', 'serviceControlPolicies', 'resourcePolicy', 'request'];
const REQUEST_KEYS = ['action', 'resource', 'context', 'caller', 'resourceOwner'];

function contextEntry(e: unknown, path: string, fail: (p: string, m: string) => never): ContextEntry {
  if (!isObject(e)) return fail(path, 'must be an object {key, type, values}');
  if (typeof e.key !== 'string' || e.key === '') fail(`${path}.key`, 'must be a non-empty string');
  if (!(CONTEXT_KEY_TYPES as readonly unknown[]).includes(e.type)) fail(`${path}.type`, `must be one of ${CONTEXT_KEY_TYPES.join(', ')}`);
  if (!Array.isArray(e.values) || !e.values.every((v) => typeof v === 'string')) {
    fail(`${path}.values`, 'must be an array of strings (AWS passes every context value as a string)');
  }
  return { key: e.key, type: e.type as ContextKeyType, values: e.values };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
