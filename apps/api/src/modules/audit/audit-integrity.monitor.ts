import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditProblemKey, describeAuditProblem } from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { AuditChainService } from './audit-chain.service';
import type { CheckpointMark } from './audit-checkpoint-marks';
import { AuditCheckpointMarks } from './audit-checkpoint-marks';
import type { StoredCheckpoint } from './audit-integrity.repository';
import { AuditIntegrityRepository } from './audit-integrity.repository';
import type { AuditInspection } from './audit-integrity.service';
import { AuditIntegrityService } from './audit-integrity.service';

/** The in-app notice to every admin; its params are ids and codes (docs/operations.md says what to do). */
export const AUDIT_ALERT_KIND = 'audit.integrity_alert';

export interface AuditRun {
  inspection: AuditInspection;
  /** Set when this run found a new incident (and told the admins). */
  newIncidentId: string | null;
  checkpoint: StoredCheckpoint;
  full: boolean;
}

/**
 * The worker's watch over the audit log. A timer of the worker process, not a repeatable job: it
 * must not vanish with Redis. Each run (one worker at a time) verifies the chain since the last
 * sound checkpoint (the whole chain since the baseline at start and every AUDIT_FULL_VERIFY_HOURS),
 * checks the checkpoints, records an incident and tells every admin once when something is wrong,
 * then signs a checkpoint of the head, also kept in Redis and in memory.
 */
@Injectable()
export class AuditIntegrityMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditIntegrity');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** Wall time of this process's last whole-chain run (intervals are real time, not the domain clock). */
  private lastFullAt: number | null = null;
  /** The last checkpoint this process signed: a witness no database change can reach. */
  private lastSigned: CheckpointMark | null = null;

  constructor(
    private readonly integrity: AuditIntegrityService,
    private readonly chain: AuditChainService,
    private readonly repository: AuditIntegrityRepository,
    private readonly marks: AuditCheckpointMarks,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.auditVerifyIntervalMs);
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One verification; null when another worker is verifying right now. */
  async runOnce(options: { full?: boolean } = {}): Promise<AuditRun | null> {
    return this.integrity.exclusively(async () => {
      // Link what has committed first, so the checkpoint covers it. A failure to link (say, a link
      // forged into audit_chain ahead of the chainer) must not stop the verification that reports it.
      await this.chain.chainCommitted().catch((error: unknown) => {
        this.logger.error(`Audit chaining failed before verification: ${(error as Error).message}`);
      });
      const full =
        options.full ??
        (this.lastFullAt === null ||
          Date.now() - this.lastFullAt >= this.config.auditFullVerifyIntervalMs);
      const databaseIdentity = await this.repository.databaseIdentity();
      const known = await this.knownCheckpoints(databaseIdentity);
      const inspection = await this.integrity.inspect(full ? 'baseline' : 'latest', known);
      if (full) this.lastFullAt = Date.now();
      const newIncidentId = inspection.problems.length > 0 ? await this.raise(inspection) : null;
      // Signed even after a problem: it protects what comes next; the incident stays open meanwhile.
      const checkpoint = await this.integrity.sign('routine', inspection.head, inspection.rowCount);
      this.lastSigned = { databaseIdentity, checkpoint };
      await this.marks.write(this.lastSigned);
      return { inspection, newIncidentId, checkpoint, full };
    });
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) =>
        this.logger.error(`Audit log verification failed to run: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = null;
      });
  }

  private async knownCheckpoints(databaseIdentity: string): Promise<StoredCheckpoint[]> {
    const marks = [this.lastSigned, await this.marks.read()];
    return marks
      .filter((m): m is CheckpointMark => m !== null && m.databaseIdentity === databaseIdentity)
      .map((m) => m.checkpoint);
  }

  /** Records the incident; the first worker to record it tells every admin, in the same transaction. */
  private async raise(inspection: AuditInspection): Promise<string | null> {
    const [first] = inspection.problems;
    if (!first) return null;
    const descriptions = inspection.problems.map(describeAuditProblem);
    this.logger.error(
      `Audit log integrity: ${inspection.problems.length} problem(s): ${descriptions.join('; ')}`,
    );
    const incidentId = await this.dataSource.transaction(async (m) => {
      const id = await this.repository.recordIncident(m, {
        baselineId: inspection.baseline?.id ?? null,
        problemKey: auditProblemKey(first),
        kind: first.kind,
        description: describeAuditProblem(first),
        problemCount: inspection.problems.length,
        detectedAt: this.clock.now(),
      });
      if (!id) return null;
      const admins = await this.outbox.activeUsersWithRole(m, 'admin');
      await this.outbox.send(
        m,
        admins,
        AUDIT_ALERT_KIND,
        null,
        { incidentId: id, problem: first.kind, problems: inspection.problems.length },
        null,
      );
      return id;
    });
    if (incidentId) {
      this.logger.error(`Audit log incident ${incidentId} recorded; every admin was notified`);
    }
    return incidentId;
  }
}
