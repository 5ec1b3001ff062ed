import { seedDemoData } from '../modules/seed/demo-seed';
import type { CliCommand } from './cli-command';
import { withDataSource } from './with-data-source';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'add the demo agencies and users (refused when NODE_ENV=production)',
  run: async (config, _args, io) => {
    if (config.nodeEnv === 'production') {
      io.err('Refusing to seed demo data when NODE_ENV=production');
      return 1;
    }
    return withDataSource(config, async (dataSource) => {
      const summary = await seedDemoData(dataSource, config);
      io.out(
        `Demo data ready (${summary.agenciesCreated} agencies and ${summary.usersCreated} users added)`,
      );
      return 0;
    });
  },
};
