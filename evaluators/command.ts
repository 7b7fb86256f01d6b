import type { Case } from '../oracle/types.js';
import { toVerdict } from './verdict-shape.js';
import { CommandProcess, type Reply } from './command-process.js';
import type { Evaluator, EvaluatorResult } from '../harness/evaluator.js';
import { nameFromPath } from './module.js';

export interface CommandEvaluatorOptions {
  /** Working directory of the process. @defaultValue process.cwd() */
  readonly cwd?: string;
  /** Environment of the process. @defaultValue process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** How long one case may take before the process is killed and the case errored. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /**
   * Extra time the first case of a freshly started process gets, so start-up (a JVM, a big model
   * load) does not count against one case. @defaultValue 10000
   */
  readonly startupGraceMs?: number;
  /** Crashes of a command that has never answered, after which its cases are errored unrun. @defaultValue 3 */
  readonly maxConsecutiveCrashes?: number;
  /** Receives the process's stderr as it arrives. */
  readonly onStderr?: (text: string) => void;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

/**
 * `cmd:COMMAND` — any program speaking the JSON-lines protocol (docs/protocol.md): one Case per line
 * on stdin, one Verdict per line on stdout, in order. The process is started once and kept; requests
 * are pipelined. A timeout, a crash or a line that is not a Verdict errors that one case; after a
 * crash or timeout the process is restarted for the next case.
 */
export function createCommandEvaluator(command: string, options: CommandEvaluatorOptions = {}): Evaluator {
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const maxCrashes = options.maxConsecutiveCrashes ?? 3;
  const startupGraceMs = options.startupGraceMs ?? 10_000;
  let proc: CommandProcess | undefined;
  let crashesInARow = 0;
  let everAnswered = false;
  // After close() nothing is restarted: a batch still waiting (a pre-flight check that timed out) ends.
  let closed = false;

  const start = (): CommandProcess => {
    if (!proc || !proc.alive) {
      proc = new CommandProcess(command, {
        cwd: options.cwd ?? process.cwd(),
        env: options.env ?? process.env,
        ...(options.onStderr ? { onStderr: options.onStderr } : {}),
      });
    }
    return proc;
  };

  async function evaluate(cases: readonly Case[]): Promise<readonly EvaluatorResult[]> {
    const results: EvaluatorResult[] = [];
    while (results.length < cases.length) {
      if (closed) {
        while (results.length < cases.length) results.push({ kind: 'errored', message: 'not run: the evaluator was closed' });
        break;
      }
      // A command that never answered anything (not found, syntax error) is not retried forever;
      // one that worked before is always restarted, since only some cases may crash it.
      if (!everAnswered && crashesInARow >= maxCrashes) {
        const why = `not run: the process failed ${crashesInARow} times in a row without ever answering`;
        while (results.length < cases.length) results.push({ kind: 'errored', message: why });
        break;
      }
      const p = start();
      const first = results.length;
      // Pipelined: every remaining case is written at once; answers come back in order.
      const replies = cases.slice(first).map((c) => p.request(JSON.stringify(c)));
      for (const pending of replies) {
        const reply = await withTimeout(pending, timeoutMs + (p.answered === 0 ? startupGraceMs : 0));
        if (reply === 'timeout') {
          await p.kill();
          crashesInARow++;
          results.push({ kind: 'errored', message: `timed out after ${timeoutMs} ms (process killed and restarted)` });
          break;
        }
        // A clean exit after answering (a one-case-per-process program, or one that stops at some
        // limit) is no crash: the unanswered cases go to a fresh process.
        if (reply.kind === 'exit' && reply.code === 0 && p.answered > 0) break;
        if (reply.kind === 'exit') {
          crashesInARow++;
          results.push({ kind: 'errored', message: exitMessage(reply, p.stderr()) });
          break;
        }
        crashesInARow = 0;
        everAnswered = true;
        results.push(parseLine(reply.line));
      }
    }
    return results;
  }

  return {
    spec: `cmd:${command}`,
    name: commandName(command),
    unsupportedFeatures: [],
    evaluate,
    async close() {
      closed = true;
      await proc?.close();
    },
  };
}

function parseLine(line: string): EvaluatorResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'errored', message: `answer is not JSON: ${clip(line)}` };
  }
  const checked = toVerdict(value);
  return checked.ok
    ? { kind: 'verdict', verdict: checked.verdict }
    : { kind: 'errored', message: `answer is not a verdict (${checked.reason}): ${clip(line)}` };
}

function exitMessage(reply: Extract<Reply, { kind: 'exit' }>, stderr: string): string {
  const how = reply.signal ? `was killed by ${reply.signal}` : `exited with code ${String(reply.code)}`;
  const tail = stderr ? `; stderr: ${clip(stderr.split('\n').slice(-5).join(' | '), 400)}` : '';
  return `process ${how} before answering (restarted for the next case)${tail}`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const clip = (s: string, max = 200) => (s.length > max ? `${s.slice(0, max - 3)}...` : s);

/** A name for reports: the script the command runs (`python3 x/eval.py` → `eval`), else its first word. */
export function commandName(command: string): string {
  const words = command.trim().split(/\s+/);
  const script = [...words].reverse().find((w) => /[/\\]/.test(w) || /\.[A-Za-z0-9]+$/.test(w));
  return nameFromPath(script ?? words[0] ?? 'command');
}
