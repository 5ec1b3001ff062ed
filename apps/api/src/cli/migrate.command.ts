import { DataSource } from 'typeorm';
import { migrationDataSourceOptions } from '../database/data-source-options';
import type { CliCommand } from './cli-command';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply the committed database migrations, as the owner role (DATABASE_OWNER_URL)',
  run: async (config, _args, io) => {
    if (!config.databaseOwnerUrl) {
      io.err(
        'DATABASE_OWNER_URL must be set to migrate: the owner role runs migrations, the runtime role ' +
          '(DATABASE_URL) cannot change the schema (docs/operations.md, "Database roles")',
      );
      return 2;
    }
    const dataSource = new DataSource(
      migrationDataSourceOptions({ ...config, databaseOwnerUrl: config.databaseOwnerUrl }),
    );
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      io.out(
        applied.length === 0
          ? 'Database schema is up to date'
          : `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
      );
      return 0;
    } finally {
      await dataSource.destroy();
    }
  },
};
