/**
 * Where each statement of a policy starts and ends inside `JSON.stringify(policy)` — the exact text the
 * live adapter sends in `PolicyInputList`. AWS reports matched statements by `StartPosition`
 * (line/column) in that text, so knowing the offsets lets us map them back to statement indexes.
 */
export interface StatementSpan {
  readonly index: number;
  /** Offset of the statement's first character (its `{`). */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

/** Spans of `Statement` items (or the lone `Statement` object) in `JSON.stringify(doc)`; [] if none. */
export function statementSpans(doc: unknown): StatementSpan[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  let offset = 1; // past '{'
  let first = true;
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const text = JSON.stringify(value);
    if (text === undefined) continue; // undefined/functions are dropped by JSON.stringify
    if (!first) offset += 1; // ','
    first = false;
    offset += JSON.stringify(key).length + 1; // "key":
    if (key === 'Statement') return spansOf(value, offset);
    offset += text.length;
  }
  return [];
}

function spansOf(value: unknown, offset: number): StatementSpan[] {
  if (!Array.isArray(value)) {
    return [{ index: 0, start: offset, end: offset + (JSON.stringify(value)?.length ?? 0) }];
  }
  const spans: StatementSpan[] = [];
  let at = offset + 1; // past '['
  value.forEach((item, index) => {
    if (index > 0) at += 1; // ','
    const length = (JSON.stringify(item) ?? 'null').length;
    spans.push({ index, start: at, end: at + length });
    at += length;
  });
  return spans;
}

/**
 * The statement index a reported position falls in. `JSON.stringify` output is one line, so only the
 * column matters; whether AWS counts columns from 0 or 1 is not documented, so both are tried.
 */
export function statementAt(doc: unknown, line: number | undefined, column: number | undefined): number | undefined {
  if (column === undefined || (line !== undefined && line !== 1)) return undefined;
  const spans = statementSpans(doc);
  const inside = (o: number) => spans.find((s) => o >= s.start && o < s.end)?.index;
  return inside(column - 1) ?? inside(column);
}
