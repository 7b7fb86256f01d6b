/**
 * What a command may touch of the outside world. Tests pass their own, so every verb can be driven
 * in-process and its output read back.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether progress bars and colours make sense (a terminal, and not CI). */
  readonly interactive: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIo = (): CliIo => ({
  stdout: writerOf(process.stdout),
  stderr: writerOf(process.stderr),
  interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
  cwd: process.cwd(),
  env: process.env,
});

/**
 * Writes to a standard stream until its reader goes away (`run | head`): then the rest is dropped, not
 * thrown as an unhandled EPIPE, and the run goes on to write its report and exit with its own code.
 */
export function writerOf(stream: Pick<NodeJS.WriteStream, 'on' | 'write'>): (text: string) => void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return (t) => {
    if (!closed) stream.write(t);
  };
}

/** Exit codes: 0 all agree, 1 a required case failed, 2 bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
