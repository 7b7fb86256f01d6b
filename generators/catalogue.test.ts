import { describe, expect, it } from 'vitest';
import { allServices, keyBaseName, loadCatalogue, unknownServices, usableTemplate } from './catalogue.js';
import { DEFAULT_SERVICES, parseServiceSelection } from './services.js';

describe('loadCatalogue', () => {
  it('loads the default services whole: SageMaker, S3, IAM, KMS and STS', async () => {
    const c = await loadCatalogue();
    expect(c.services).toEqual(DEFAULT_SERVICES);
    expect(c.actions.filter((a) => a.service === 'sagemaker').length).toBeGreaterThan(300);
    expect(c.byService.get('s3')?.actions.some((a) => a.id === 's3:GetObject')).toBe(true);
    expect(c.byService.get('sts')?.actions.some((a) => a.id === 'sts:AssumeRole')).toBe(true);
    expect(c.actions.some((a) => a.service === 'ec2')).toBe(false);
  });

  it('loads any named selection, and every service with all', async () => {
    const c = await loadCatalogue(['ec2']);
    expect(c.services).toEqual(['ec2']);
    expect(c.actions.every((a) => a.service === 'ec2')).toBe(true);
    expect((await allServices()).length).toBeGreaterThan(300);
  });

  it('names the prefixes it does not know', async () => {
    expect(await unknownServices(['s3', 'nosuchservice'])).toEqual(['nosuchservice']);
    expect(await unknownServices('all')).toEqual([]);
    await expect(loadCatalogue(['nosuchservice'])).rejects.toThrow(/nosuchservice/);
  });

  it('gives resource ARN templates in each service’s own shape', async () => {
    const c = await loadCatalogue();
    const find = (id: string) => c.actions.find((x) => x.id === id);
    expect(find('sagemaker:CreateTrainingJob')?.arnTemplates).toContain('arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}');
    expect(find('s3:GetObject')?.arnTemplates).toContain('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    expect(find('s3:ListBucket')?.arnTemplates).toContain('arn:${Partition}:s3:::${BucketName}');
    expect(find('iam:PassRole')?.arnTemplates).toContain('arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}');
    expect(find('kms:Decrypt')?.arnTemplates).toContain('arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}');
  });

  it('lists each action’s condition keys, its own and its resource types’', async () => {
    const c = await loadCatalogue();
    const find = (id: string) => c.actions.find((x) => x.id === id);
    expect(find('iam:PassRole')?.conditionKeys).toContain('iam:PassedToService');
    expect(find('s3:ListBucket')?.conditionKeys).toContain('s3:prefix');
    expect(find('kms:Decrypt')?.conditionKeys).toEqual(expect.arrayContaining(['kms:ViaService', 'kms:EncryptionContext:${EncryptionContextKey}']));
  });

  it('spells an action’s listed keys as generator keys are named', () => {
    expect(keyBaseName('aws:RequestTag/${TagKey}')).toBe('aws:requesttag/');
    expect(keyBaseName('iam:PassedToService')).toBe('iam:passedtoservice');
  });

  it('drops templates that are patterns rather than one resource', () => {
    expect(usableTemplate('arn:${Partition}:braket:*:*:device/${DeviceId}', 'braket')).toBe(false);
    expect(usableTemplate('arn:${Partition}:s3:::${BucketName}', 's3')).toBe(true);
    expect(usableTemplate('arn:${Partition}:${Service}:${Region}:*', 'x')).toBe(false);
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
    expect(find('iam:PassedToService')).toMatchObject({ kind: 'string', multivalued: false });
    expect(find('s3:prefix')).toMatchObject({ kind: 'string' });
    expect(find('kms:ViaService')).toMatchObject({ kind: 'string' });
  });

  it('is loaded once per selection', async () => {
    expect(await loadCatalogue()).toBe(await loadCatalogue());
    expect(await loadCatalogue(['S3'])).toBe(await loadCatalogue(['s3']));
  });
});

describe('parseServiceSelection', () => {
  it('reads a comma list or all', () => {
    expect(parseServiceSelection('s3, IAM,s3')).toEqual(['s3', 'iam']);
    expect(parseServiceSelection('all')).toBe('all');
    expect(parseServiceSelection(undefined)).toBeUndefined();
  });
});
