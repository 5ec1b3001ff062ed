import type { CliCommand } from './cli-command';
import { parseFlags } from './cli-command';
import { auditIntegrity, reportInspection } from './audit-verify.command';
import { withDataSource } from './with-data-source';

/**
 * After an incident was investigated (docs/operations.md): accepts the log as it now is, so that the
 * worker verifies from here on and /api/health is no longer degraded by what was found before.
 */
export const auditBaselineCommand: CliCommand = {
  name: 'audit:baseline',
  summary:
    'after investigating an audit log incident: sign the log as it is now as the new baseline (closes open incidents)',
  usage: '--confirm',
  run: (config, args, io) => {
    const flags = parseFlags(args);
    if (flags['confirm'] !== 'true' || Object.keys(flags).length !== 1) {
      io.err(
        'audit:baseline needs --confirm: it accepts the audit log as it is now, tampering included',
      );
      return Promise.resolve(2);
    }
    return withDataSource(config, async (dataSource) => {
      const service = auditIntegrity(config, dataSource);
      const inspection = await service.inspect('genesis');
      reportInspection(service, inspection, io);
      const baseline = await service.sign('baseline', inspection.head, inspection.rowCount);
      io.out(
        `Baseline checkpoint ${baseline.id} signed at row ${baseline.claim.headId ?? '(none)'} ` +
          `(${baseline.claim.rowCount} rows): incidents found before it are closed.`,
      );
      return 0;
    });
  },
};
