import type { CliCommand } from '../command.js';
import { EXIT } from '../io.js';

// Placeholder until the verb is built: it says so and fails, it never pretends to have run.
export const vectorsCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('vectors')
      .description('(not built yet)')
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        io.stderr('iam-conformance vectors: not built yet\n');
        done(EXIT.badInput);
      });
  },
};
