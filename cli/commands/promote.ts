import type { CliCommand } from '../command.js';
import { EXIT } from '../io.js';

// Placeholder until the verb is built: it says so and fails, it never pretends to have run.
export const promoteCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('promote')
      .description('(not built yet)')
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        io.stderr('iam-conformance promote: not built yet\n');
        done(EXIT.badInput);
      });
  },
};
