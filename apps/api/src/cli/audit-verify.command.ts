import type { DataSource } from 'typeorm';
import type { AuditIntegrityProblem } from '@caunoi/shared/domain';
import { describeAuditProblem } from '@caunoi/shared/domain';
import { SystemClock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { AuditIntegrityRepository } from '../modules/audit/audit-integrity.repository';
import type { AuditInspection } from '../modules/audit/audit-integrity.service';
import { AuditIntegrityService } from '../modules/audit/audit-integrity.service';
import { AuditChainRepository } from '../modules/audit/audit-chain.repository';
import type { CliCommand, CliIo } from './cli-command';
import { parseFlags } from './cli-command';
import { withDataSource } from './with-data-source';

export function auditIntegrity(config: AppConfig, dataSource: DataSource): AuditIntegrityService {
  return new AuditIntegrityService(
    new AuditChainRepository(dataSource),
    new AuditIntegrityRepository(dataSource),
    config,
    new SystemClock(),
  );
}

/** Prints what the inspection found; returns how many problems the latest baseline did not accept. */
export function reportInspection(
  service: AuditIntegrityService,
  inspection: AuditInspection,
  io: CliIo,
): number {
  const { problems, baseline } = inspection;
  io.out(
    `Audit log: ${inspection.rowCount} row(s), last row ${inspection.head.id ?? '(none)'}; ` +
      `${inspection.rowsVerified} row hash(es) recomputed; ${inspection.checkpoints} checkpoint(s)` +
      (inspection.unlinkedRows > 0
        ? `; ${inspection.unlinkedRows} newer row(s) not linked into the chain yet (the worker links them)`
        : '') +
      (baseline
        ? `; baseline checkpoint ${baseline.id} of ${baseline.claim.createdAt.toISOString()} at row ${baseline.claim.headId ?? '(none)'}`
        : ''),
  );
  const open = problems.filter((p) => !service.acceptedByBaseline(p, baseline));
  const firstRow = open.map(badRow).find((row) => row !== null);
  if (firstRow) io.out(`First bad row: ${firstRow}`);
  for (const problem of problems) {
    const accepted = service.acceptedByBaseline(problem, baseline);
    io.out(`  ${accepted ? 'accepted by the baseline: ' : ''}${describeAuditProblem(problem)}`);
  }
  return open.length;
}

/** The row a problem points at, when it points at one (problems come in chain order). */
function badRow(problem: AuditIntegrityProblem): string | null {
  switch (problem.kind) {
    case 'row_rewritten':
    case 'row_unlinked':
      return problem.rowId;
    case 'tail_missing':
      return `${problem.headId} (deleted)`;
    case 'checkpoint_head_changed':
    case 'row_count_changed':
      // The chain was rehashed or rows removed: the change is at this row or before it.
      return `${problem.headId} or before`;
    default:
      return null;
  }
}

export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  summary:
    'verify the whole audit log (hash chain and signed checkpoints); prints the first bad row, exit 1 when tampered',
  run: (config, args, io) => {
    const flags = parseFlags(args);
    if (Object.keys(flags).length > 0) {
      io.err('audit:verify takes no arguments');
      return Promise.resolve(2);
    }
    return withDataSource(config, async (dataSource) => {
      const service = auditIntegrity(config, dataSource);
      const inspection = await service.inspect('genesis');
      const open = reportInspection(service, inspection, io);
      if (open === 0) {
        io.out('The audit log is intact.');
        return 0;
      }
      io.err(
        `The audit log was tampered with (${open} problem(s)): see docs/operations.md, "When the audit log alert fires".`,
      );
      return 1;
    });
  },
};
