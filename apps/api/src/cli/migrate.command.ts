import type { CliCommand } from './cli-command';
import { withDataSource } from './with-data-source';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply the committed database migrations',
  run: (config, _args, io) =>
    withDataSource(config, async (dataSource) => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      io.out(
        applied.length === 0
          ? 'Database schema is up to date'
          : `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
      );
      return 0;
    }),
};
