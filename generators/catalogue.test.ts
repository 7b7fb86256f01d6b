import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue.js';

describe('loadCatalogue', () => {
  it('lists every SageMaker action and a few of s3, iam and ec2', async () => {
    const c = await loadCatalogue();
    const sagemaker = c.actions.filter((a) => a.service === 'sagemaker');
    expect(sagemaker.length).toBeGreaterThan(300);
    expect(c.actions.some((a) => a.id === 'sagemaker:CreateTrainingJob')).toBe(true);
    for (const s of ['s3', 'iam', 'ec2']) {
      const n = c.actions.filter((a) => a.service === s).length;
      expect(n).toBeGreaterThan(3);
      expect(n).toBeLessThan(20);
    }
  });

  it('gives resource ARN templates for resource-bearing actions', async () => {
    const c = await loadCatalogue();
    const a = c.actions.find((x) => x.id === 'sagemaker:CreateTrainingJob');
    expect(a?.arnTemplates).toContain('arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}');
  });

  it('types condition keys, multivalued as …List, tag keys parameterized', async () => {
    const c = await loadCatalogue();
    const find = (n: string) => c.keys.find((k) => k.name.toLowerCase() === n.toLowerCase());
    expect(find('sagemaker:InstanceTypes')).toMatchObject({ kind: 'string', multivalued: true, contextType: 'stringList' });
    expect(find('sagemaker:MaxRuntimeInSeconds')).toMatchObject({ kind: 'numeric', contextType: 'numeric' });
    expect(find('aws:SourceIp')).toMatchObject({ kind: 'ip', contextType: 'ip' });
    expect(find('aws:CurrentTime')).toMatchObject({ kind: 'date', contextType: 'date' });
    expect(find('aws:SecureTransport')).toMatchObject({ kind: 'bool', contextType: 'boolean' });
    expect(find('aws:RequestTag/')).toMatchObject({ parameterized: true, kind: 'string' });
    expect(find('sagemaker:ImageArns')).toMatchObject({ kind: 'arn', multivalued: true });
  });

  it('is loaded once', async () => {
    expect(await loadCatalogue()).toBe(await loadCatalogue());
  });
});
