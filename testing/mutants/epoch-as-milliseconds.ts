/** BUG: an epoch date in the request is read as milliseconds (ISO dates and policy epochs are read right). */
import type { Case } from '../../oracle/types.js';
import { viaOracle } from './support/mutant.js';

const misread = (v: string): string => (/^\d+$/.test(v) ? String(Number(v) / 1000) : v);

export const evaluate = viaOracle(
  (c): Case => ({
    ...c,
    request: {
      ...c.request,
      context: (c.request.context ?? []).map((e) => (e.type === 'date' || e.type === 'dateList' ? { ...e, values: e.values.map(misread) } : e)),
    },
  }),
);
