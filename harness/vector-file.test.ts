import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES, CONTEXT_KEY_TYPES } from '../oracle/types.js';
import { InputError } from './input-error.js';
import { jsonErrorOffset, lineColumn } from './json-file.js';
import { groupCases, loadVectorFiles, parseVectorFile } from './vector-file.js';

const group = (over: Record<string, unknown> = {}) => ({
  description: 'Allow grants the action',
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  features: [],
  policies: [{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' } }],
  cases: [{ description: 'DescribeEndpoint is allowed', request: { action: 'sagemaker:DescribeEndpoint' }, expected: 'allowed' }],
  ...over,
});

const errorOf = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error thrown');
};

describe('parseVectorFile', () => {
  it('fills request defaults and an empty boundary list', () => {
    const vf = parseVectorFile(JSON.stringify([group()]), 'a.json');
    expect(vf.groups[0]?.permissionsBoundaries).toEqual([]);
    expect(vf.groups[0]?.cases[0]?.request).toEqual({ action: 'sagemaker:DescribeEndpoint', resource: '*', context: [] });
  });

  it('accepts any JSON value as a policy, since malformed policies are vectors too', () => {
    const vf = parseVectorFile(JSON.stringify([group({ policies: [null, 3, 'x', []] })]), 'a.json');
    expect(vf.groups[0]?.policies).toEqual([null, 3, 'x', []]);
  });

  it('accepts regression metadata', () => {
    const g = group({ foundAt: '2026-11-28T01:00:00Z', seed: 42, evaluator: 'module:x.js', path: '3:1', property: 'p' });
    expect(parseVectorFile(JSON.stringify([g]), 'r.json').groups[0]?.seed).toBe(42);
  });

  it('accepts $-prefixed annotations such as $comment', () => {
    const g = group({ $comment: 'why this group exists' });
    expect(() => parseVectorFile(JSON.stringify([g]), 'c.json')).not.toThrow();
  });

  it('names the file and the JSON path of a bad expected value', () => {
    const bad = [group(), group({ cases: [{ description: 'x', request: { action: 'a:b' }, expected: 'deny' }] })];
    const err = errorOf(() => parseVectorFile(JSON.stringify(bad), 'bad.json'));
    expect(err.file).toBe('bad.json');
    expect(err.jsonPath).toBe('[1].cases[0].expected');
    expect(err.message).toMatch(/^bad\.json at \[1\]\.cases\[0\]\.expected: must be one of "allowed"/);
  });

  it('names a missing required property', () => {
    const g = group();
    delete (g as Record<string, unknown>).source;
    const err = errorOf(() => parseVectorFile(JSON.stringify([g]), 'f.json'));
    expect(err.jsonPath).toBe('[0].source');
    expect(err.message).toContain('required property "source" is missing');
  });

  it('names an unknown property', () => {
    const err = errorOf(() => parseVectorFile(JSON.stringify([group({ expect: 'allowed' })]), 'f.json'));
    expect(err.jsonPath).toBe('[0].expect');
    expect(err.message).toContain('unknown property "expect"');
  });

  it('rejects a non-https source and an unknown feature', () => {
    expect(errorOf(() => parseVectorFile(JSON.stringify([group({ source: 'http://x' })]), 'f.json')).message).toContain(
      'https://',
    );
    expect(errorOf(() => parseVectorFile(JSON.stringify([group({ features: ['nope'] })]), 'f.json')).jsonPath).toBe(
      '[0].features[0]',
    );
  });

  it('rejects a bad context key type', () => {
    const c = { description: 'x', expected: 'allowed', request: { action: 'a:b', context: [{ key: 'k', type: 'String', values: ['v'] }] } };
    expect(errorOf(() => parseVectorFile(JSON.stringify([group({ cases: [c] })]), 'f.json')).jsonPath).toBe(
      '[0].cases[0].request.context[0].type',
    );
  });

  it('rejects a file that is not an array', () => {
    const err = errorOf(() => parseVectorFile('{}', 'f.json'));
    expect(err.jsonPath).toBe('(root)');
    expect(err.message).toContain('must be of type array');
  });

  it('reports invalid JSON with its line and column', () => {
    const err = errorOf(() => parseVectorFile('[\n  {"a": 1,}\n]', 'broken.json'));
    expect(err.message).toMatch(/^broken\.json: invalid JSON at line 2, column 11/);
  });
});

describe('jsonErrorOffset', () => {
  it('finds the offending character', () => {
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('[1,2')).toBe(4);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('"ab')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{,}')).toBe(1);
    expect(jsonErrorOffset('tru')).toBe(0);
    expect(jsonErrorOffset('[1, 2]')).toBe(6);
    expect(jsonErrorOffset('"a\\"b"')).toBe(6);
    expect(lineColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
  });
});

describe('groupCases', () => {
  it('omits an empty boundary list and keeps a non-empty one', () => {
    const [plain] = groupCases(parseVectorFile(JSON.stringify([group()]), 'f.json').groups[0]!);
    expect(plain?.case).not.toHaveProperty('permissionsBoundaries');
    expect(plain?.expected).toBe('allowed');
    const withB = parseVectorFile(JSON.stringify([group({ permissionsBoundaries: [{}] })]), 'f.json');
    expect(groupCases(withB.groups[0]!)[0]?.case.permissionsBoundaries).toEqual([{}]);
  });
});

describe('loadVectorFiles', () => {
  it('walks directories recursively for *.json, sorted, and skips other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vectors-'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'b', 'z.json'), JSON.stringify([group()]));
    await writeFile(join(dir, 'a.json'), JSON.stringify([group()]));
    await writeFile(join(dir, 'README.md'), '# not a vector');
    const files = await loadVectorFiles([dir]);
    expect(files.map((f) => f.file)).toEqual([join(dir, 'a.json'), join(dir, 'b', 'z.json')]);
  });

  it('throws an InputError for a missing path', async () => {
    await expect(loadVectorFiles(['/nonexistent/vectors.json'])).rejects.toBeInstanceOf(InputError);
  });

  it('throws an InputError naming a bad file among good ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vectors-'));
    await writeFile(join(dir, 'good.json'), JSON.stringify([group()]));
    await writeFile(join(dir, 'bad.json'), '[');
    await expect(loadVectorFiles([dir])).rejects.toThrow(/bad\.json: invalid JSON at line 1, column 2/);
  });
});

describe('vector.schema.json', () => {
  it('lists exactly the FEATURES and CONTEXT_KEY_TYPES of oracle/types.ts', async () => {
    const schema = JSON.parse(await readFile(new URL('../specs/schemas/vector.schema.json', import.meta.url), 'utf8'));
    expect(schema.definitions.feature.enum).toEqual([...FEATURES]);
    expect(schema.definitions.contextKeyType.enum).toEqual([...CONTEXT_KEY_TYPES]);
  });
});
