import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { databaseUrlFor, withAdminClient } from './test-database';
import { rememberRunDatabase } from './test-env';

/** Creates this run's own database and migrates it once. */
export default async function globalSetup(): Promise<void> {
  const name = `caunoi_test_${Date.now()}_${process.pid}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrlFor(name);
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl: url }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  rememberRunDatabase(name, url);
}
