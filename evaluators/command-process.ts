import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Every process still running, so none outlives the CLI (they run in their own process group). */
const running = new Set<CommandProcess>();
let exitHookInstalled = false;
function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const p of running) p.killNow();
  };
  process.once('exit', killAll);
  // A signal ends Node without 'exit': kill the children, then let the signal do what it would have
  // done (unless someone else, such as the live verb, handles it).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/** What came back for one request line: an answer line, or the end of the process. */
export type Reply =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: NodeJS.Signals | null };

export interface CommandProcessOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** How much of the child's stderr to keep for messages. @defaultValue 4096 */
  readonly stderrLimit?: number;
  /** Every chunk of the child's stderr, as it arrives (for verbose modes). */
  readonly onStderr?: (text: string) => void;
}

/**
 * One running instance of a `cmd:` evaluator. Requests are written as lines to its stdin; answers are
 * read line by line from its stdout and handed out in order (FIFO), so many requests may be in flight.
 * When the process ends, every request still waiting gets an `exit` reply; nothing ever rejects.
 */
export class CommandProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((r: Reply) => void)[] = [];
  private buffer = '';
  private stderrTail = '';
  private ended: Reply | undefined;
  /** Answers received so far, to tell a process that never worked from one that crashed mid-run. */
  answered = 0;

  constructor(
    readonly command: string,
    private readonly options: CommandProcessOptions,
  ) {
    // detached: the shell gets its own process group, so a kill reaches what it started too.
    this.child = spawn(command, { shell: true, cwd: options.cwd, env: options.env, detached: process.platform !== 'win32' });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: string) => {
      options.onStderr?.(chunk);
      this.stderrTail = (this.stderrTail + chunk).slice(-(options.stderrLimit ?? 4096));
    });
    // Writing to a process that has died fails with EPIPE: the exit reply already says what happened.
    this.child.stdin.on('error', () => {});
    this.child.on('error', () => this.finish({ kind: 'exit', code: null, signal: null }));
    this.child.on('close', (code, signal) => this.finish({ kind: 'exit', code, signal }));
    running.add(this);
    killAllOnExit();
  }

  /** Synchronous kill for the exit hook (no waiting possible there). */
  killNow(): void {
    try {
      if (this.child.pid !== undefined && process.platform !== 'win32') process.kill(-this.child.pid, 'SIGKILL');
      else this.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Sends one line and resolves with its answer (or the process's end). */
  request(line: string): Promise<Reply> {
    if (this.ended) return Promise.resolve(this.ended);
    return new Promise<Reply>((resolveReply) => {
      this.waiting.push(resolveReply);
      this.child.stdin.write(line + '\n');
    });
  }

  get alive(): boolean {
    return this.ended === undefined;
  }

  /** The last few KB the process wrote to stderr, trimmed. */
  stderr(): string {
    return this.stderrTail.trim();
  }

  /** Kills the process (and its group) and waits until it is gone. Safe to call twice. */
  async kill(): Promise<void> {
    if (this.ended) return;
    const gone = new Promise<void>((r) => this.child.once('close', () => r()));
    try {
      if (this.child.pid !== undefined && process.platform !== 'win32') process.kill(-this.child.pid, 'SIGKILL');
      else this.child.kill('SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
    await gone;
  }

  /** Closes stdin (the polite end of the protocol) and waits a little before killing. */
  async close(graceMs = 1000): Promise<void> {
    if (this.ended) return;
    this.child.stdin.end();
    const exited = await Promise.race([
      new Promise<boolean>((r) => this.child.once('close', () => r(true))),
      new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref()),
    ]);
    if (!exited) await this.kill();
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      // Blank lines carry nothing; skipping them forgives a stray print().
      if (line.trim() === '') continue;
      const waiter = this.waiting.shift();
      if (!waiter) continue; // an answer nobody asked for (e.g. after a timeout) is dropped
      this.answered++;
      waiter({ kind: 'line', line });
    }
  }

  private finish(reply: Reply): void {
    if (this.ended) return;
    running.delete(this);
    // A last answer written without its newline still counts.
    if (this.buffer.trim() !== '') this.onData('\n');
    this.ended = reply;
    for (const waiter of this.waiting.splice(0)) waiter(reply);
  }
}
