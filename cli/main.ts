import { Command, CommanderError } from 'commander';
import { InputError } from '../harness/input-error.js';
import type { CliCommand } from './command.js';
import { compareCommand } from './commands/compare.js';
import { evalCommand } from './commands/eval.js';
import { liveCommand } from './commands/live.js';
import { mergeCommand } from './commands/merge.js';
import { promoteCommand } from './commands/promote.js';
import { replayCommand } from './commands/replay.js';
import { runCommand } from './commands/run.js';
import { triageCommand } from './commands/triage.js';
import { servicesCommand } from './commands/services.js';
import { vectorsCommand } from './commands/vectors.js';
import { EXIT, processIo, type CliIo, type ExitCode } from './io.js';
import { toolVersion } from './tool-version.js';

const COMMANDS: readonly CliCommand[] = [
  runCommand,
  triageCommand,
  vectorsCommand,
  evalCommand,
  liveCommand,
  replayCommand,
  promoteCommand,
  servicesCommand,
  mergeCommand,
  compareCommand,
];

/** Runs the CLI on `argv` (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = new Command('iam-conformance')
    .description('Property-based conformance suite for AWS IAM policy evaluators')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const command of COMMANDS) {
    command.register(program, io, (c) => {
      code = c;
    });
  }
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage mistakes are bad input.
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (err instanceof InputError) {
      io.stderr(`iam-conformance: ${err.message}\n`);
      return EXIT.badInput;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2));
}
