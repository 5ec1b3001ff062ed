import { auditBaselineCommand } from './audit-baseline.command';
import { auditVerifyCommand } from './audit-verify.command';
import { benchDataCommand } from './bench-data.command';
import type { CliCommand } from './cli-command';
import { demoCodeCommand } from './demo-code.command';
import { createAdminCommand } from './create-admin.command';
import { migrateCommand } from './migrate.command';
import { reencryptCommand } from './reencrypt.command';
import { reindexCommand } from './reindex.command';
import { seedCommand } from './seed.command';

/** Every command of `node cli.js <name>` (`npm run cli -- <name>`), in the order the usage lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  migrateCommand,
  seedCommand,
  createAdminCommand,
  reencryptCommand,
  reindexCommand,
  demoCodeCommand,
  auditVerifyCommand,
  auditBaselineCommand,
  benchDataCommand,
];

export function usage(): string {
  const width = Math.max(...CLI_COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [arguments]',
    '',
    ...CLI_COMMANDS.map(
      (c) =>
        `  ${c.name.padEnd(width)}  ${c.summary}${c.usage ? `\n  ${' '.repeat(width)}  ${c.usage}` : ''}`,
    ),
  ].join('\n');
}
