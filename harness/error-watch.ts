/**
 * Notices, once, when most of an evaluator's answers are errors of one kind (every case timing out, a
 * crash on start), so a person reads one sentence instead of inferring it from hundreds of failures.
 */
import type { Evaluator } from './evaluator.js';

/** Answers seen before judging; a few early errors are not "most". */
const MIN_ANSWERS = 20;

/** An error message without its particulars: the text before the first `: `, numbers as `N`. */
export const errorKind = (message: string): string => (message.split(': ')[0] ?? message).replace(/\d+/g, 'N').trim();

export interface ErrorWatch {
  readonly evaluator: Evaluator;
  /** The notice, once it was given. */
  readonly notice: () => string | undefined;
}

/** Wraps an evaluator; `say` is called at most once, when over half of the answers so far share one error kind. */
export function watchErrors(inner: Evaluator, say: (line: string) => void): ErrorWatch {
  const kinds = new Map<string, { count: number; example: string }>();
  let answers = 0;
  let notice: string | undefined;
  const evaluator: Evaluator = {
    spec: inner.spec,
    name: inner.name,
    ...(inner.version !== undefined ? { version: inner.version } : {}),
    unsupportedFeatures: inner.unsupportedFeatures,
    async evaluate(cases) {
      const results = await inner.evaluate(cases);
      if (notice !== undefined) return results;
      for (const r of results) {
        answers++;
        if (r.kind !== 'errored') continue;
        const kind = errorKind(r.message);
        const k = kinds.get(kind) ?? { count: 0, example: r.message };
        kinds.set(kind, { ...k, count: k.count + 1 });
      }
      const top = [...kinds.values()].sort((a, b) => b.count - a.count)[0];
      if (answers >= MIN_ANSWERS && top && top.count * 2 > answers) {
        const example = top.example.length > 200 ? `${top.example.slice(0, 197)}...` : top.example;
        notice = `most answers are errors of one kind: ${top.count} of the first ${answers} say "${example}"`;
        say(notice);
      }
      return results;
    },
    close: () => inner.close(),
  };
  return { evaluator, notice: () => notice };
}
