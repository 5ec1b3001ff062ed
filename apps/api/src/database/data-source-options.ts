import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { databaseUser } from '../config/database-url';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { RUNTIME_ROLE_SETTING } from './migrations/runtime-role';

/** One definition for the API, the worker, the CLI and the tests. Schema changes go through migrations only. */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}

/**
 * For `cli migrate`: connects as the owner role and tells the migrations, in a session setting, which
 * role the API runs as, so they grant it what it needs (migrations/runtime-role.ts).
 */
export function migrationDataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl'> & { databaseOwnerUrl: string },
): DataSourceOptions {
  const runtime = databaseUser(config.databaseUrl);
  return {
    ...dataSourceOptions({ databaseUrl: config.databaseOwnerUrl }),
    extra: {
      max: 2,
      connectionTimeoutMillis: 5000,
      // The config allows only letters, digits and "_" in the name, so it needs no quoting here.
      ...(runtime ? { options: `-c ${RUNTIME_ROLE_SETTING}=${runtime}` } : {}),
    },
  };
}
