/**
 * Which services a run generates for. `all` draws from every service of the catalogue; a list names
 * service prefixes (`s3,iam`), the first of them the focus (half the worlds centre on it when there are
 * several). The default is SageMaker first, plus the services whose ARN shapes are unlike SageMaker's:
 * S3 (no region, no account), IAM and STS (global: no region), KMS (keys and aliases).
 */
export type ServiceSelection = readonly string[] | 'all';

/** The default run's services: SageMaker first, then S3, IAM, KMS and STS. */
export const DEFAULT_SERVICES: readonly string[] = ['sagemaker', 's3', 'iam', 'kms', 'sts'];

/** `--service a,b` / `all` → a selection; undefined for an absent or empty value. */
export function parseServiceSelection(value: string | undefined): ServiceSelection | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) return undefined;
  return names.includes('all') ? 'all' : [...new Set(names)];
}

/** The selection as written on the command line (`all` or `a,b`). */
export const serviceSelectionText = (s: ServiceSelection): string => (s === 'all' ? 'all' : s.join(','));

/** One selection covering all of `selections` (`all` if any is), names in first-seen order. */
export function unionSelection(selections: readonly ServiceSelection[]): ServiceSelection {
  if (selections.some((s) => s === 'all')) return 'all';
  const names = (selections as readonly (readonly string[])[]).flat().map((s) => s.toLowerCase());
  return names.length > 0 ? [...new Set(names)] : DEFAULT_SERVICES;
}

/** Whether `s` is the default selection (replay commands leave `--service` out then). */
export const isDefaultSelection = (s: ServiceSelection): boolean => serviceSelectionText(s) === serviceSelectionText(DEFAULT_SERVICES);
