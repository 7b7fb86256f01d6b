import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { world } from './world.js';

const worlds = async (service: readonly string[] | 'all', n = 300) =>
  fc.sample(world(await loadCatalogue(service), { ...DEFAULT_SETTINGS, service }), { seed: 5, numRuns: n });

describe('world', () => {
  it('fills S3 templates with empty region and account, and misses each shape nearby', async () => {
    const ws = await worlds(['s3']);
    const resources = ws.flatMap((w) => w.resources);
    expect(resources.some((r) => /^arn:aws:s3:::[^/]+$/.test(r))).toBe(true);
    expect(resources.some((r) => /^arn:aws:s3:::[^/]+\/data\//.test(r))).toBe(true);
    const near = ws.flatMap((w) => w.requestResources);
    // A region or an account written where S3 leaves it empty, and an object's bucket.
    expect(near.some((r) => /^arn:aws:s3:us-east-1::/.test(r))).toBe(true);
    expect(near.some((r) => /^arn:aws:s3::123456789012:/.test(r))).toBe(true);
    expect(ws.every((w) => w.actions.some((a) => a.startsWith('s3:')))).toBe(true);
  });

  it('fills IAM templates without a region', async () => {
    const resources = (await worlds(['iam'])).flatMap((w) => w.resources);
    expect(resources.some((r) => /^arn:aws:iam::123456789012:role\//.test(r))).toBe(true);
    expect(resources.every((r) => !/^arn:aws:iam:[a-z]/.test(r))).toBe(true);
  });

  it('centres half the default worlds on SageMaker and covers the other default services', async () => {
    const ws = await worlds(DEFAULT_SETTINGS.service, 400);
    const first = ws.map((w) => (w.actions[0] ?? '').split(':')[0]);
    const share = first.filter((s) => s === 'sagemaker').length / ws.length;
    expect(share).toBeGreaterThan(0.4);
    for (const s of ['s3', 'iam', 'kms', 'sts']) expect(first, s).toContain(s);
  });

  it('draws from many services under all', async () => {
    const ws = await worlds('all', 300);
    expect(new Set(ws.map((w) => (w.actions[0] ?? '').split(':')[0])).size).toBeGreaterThan(100);
  });

  it('refuses a selection the catalogue was not loaded with', async () => {
    const catalogue = await loadCatalogue(['s3']);
    expect(() => world(catalogue, { ...DEFAULT_SETTINGS, service: ['ec2'] })).toThrow(/ec2/);
  });
});
