import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { databaseUrlFor, withAdminClient } from './test-database';

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A migrated database for one suite alone, for tests that write odd data everywhere (the fuzz test)
 * and must neither see nor leave rows in the run's shared database.
 */
export async function createOwnDatabase(label: string): Promise<OwnDatabase> {
  const name = `caunoi_${label}_${Date.now()}_${process.pid}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrlFor(name);
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl: url }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return {
    url,
    drop: () =>
      withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
