import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { dataSourceOptions } from './database/data-source-options';
import { seedDemoData } from './modules/seed/demo-seed';

/** `node cli.js migrate` applies committed migrations; `node cli.js seed` adds the demo data. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfigOrExit();
  if (command !== 'migrate' && command !== 'seed') {
    process.stderr.write('Usage: cli.js migrate | seed\n');
    process.exit(2);
  }
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    if (command === 'migrate') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(
        applied.length === 0
          ? 'Database schema is up to date\n'
          : `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}\n`,
      );
    } else {
      if (config.nodeEnv === 'production') {
        process.stderr.write('Refusing to seed demo data when NODE_ENV=production\n');
        process.exit(1);
      }
      const summary = await seedDemoData(dataSource);
      process.stdout.write(
        `Demo data ready (${summary.agenciesCreated} agencies and ${summary.usersCreated} users added)\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
