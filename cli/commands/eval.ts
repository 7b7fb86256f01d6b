import type { CliCommand } from '../command.js';
import { EXIT } from '../io.js';

// Placeholder until the verb is built: it says so and fails, it never pretends to have run.
export const evalCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('eval')
      .description('(not built yet)')
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        io.stderr('iam-conformance eval: not built yet\n');
        done(EXIT.badInput);
      });
  },
};
