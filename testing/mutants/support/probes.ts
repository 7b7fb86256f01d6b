/**
 * Statement-level probes for the decision-logic mutants: whether one statement applies to a request,
 * asked of the real oracle with a one-statement policy.
 */
import { evaluate as oracle } from '../../../oracle/index.js';
import type { Case, PolicyDocument, Request, Verdict } from '../../../oracle/types.js';
import { isObject, type Json } from './rewrite-case.js';

export interface LocatedStatement {
  readonly statement: Json;
  readonly version: string | undefined;
}

/** The statements of documents in order, each with its document's Version. */
export function statementsIn(docs: readonly PolicyDocument[]): LocatedStatement[] {
  return docs.flatMap((d) => {
    if (!isObject(d)) return [];
    const version = typeof d.Version === 'string' ? d.Version : undefined;
    const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
    return list.filter(isObject).map((statement) => ({ statement, version }));
  });
}

/** Whether the statement applies (action, resource and conditions all match). */
export function applies(s: LocatedStatement, request: Request): boolean {
  const { Sid: _sid, ...statement } = s.statement;
  const doc: Json = { Statement: [{ ...statement, Effect: 'Allow' }] };
  if (s.version !== undefined) doc.Version = s.version;
  const v = oracle({ policies: [doc], request });
  return 'decision' in v && v.decision === 'allowed';
}

/** The oracle's verdict, used by mutants whenever their bug does not apply. */
export const truth = (c: Case): Verdict => oracle(c);
