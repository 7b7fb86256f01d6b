import type { Command } from 'commander';
import type { CliIo, ExitCode } from './io.js';

/**
 * A verb of the CLI. `register` adds it to the program; its action resolves to the exit code, which
 * `runCli` returns (so tests can run verbs in-process and nothing calls `process.exit`).
 */
export interface CliCommand {
  readonly register: (program: Command, io: CliIo, done: (code: ExitCode) => void) => void;
}
