/**
 * The oracle behind the `cmd:` protocol (one JSON Case per line in, one JSON Verdict per line out), so
 * the benchmark can measure the command adapter's overhead against an evaluator of known speed.
 */
import { createInterface } from 'node:readline';
import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  // The trace is for people; leaving it out keeps the line short, as a real evaluator's would be.
  const { trace: _trace, ...verdict } = evaluate(JSON.parse(line) as Case) as { trace?: unknown };
  process.stdout.write(JSON.stringify(verdict) + '\n');
}
