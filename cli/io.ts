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
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
  cwd: process.cwd(),
  env: process.env,
});

/** Exit codes: 0 all agree, 1 a required case failed, 2 bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
