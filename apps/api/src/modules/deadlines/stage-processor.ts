import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { StageFiringRepository } from './stage-firing.repository';

export type FireOutcome =
  | { outcome: 'fired'; notified: number }
  | { outcome: 'not_due'; dueAt: Date }
  | { outcome: 'nothing_to_do' };

/**
 * Fires one stage, exactly once: the stage row is locked, re-read and checked (still due, not fired,
 * not cancelled, clock still open); notifications and `fired_at` commit together. A duplicate, late or
 * early job, or a second worker, changes nothing.
 */
@Injectable()
export class StageProcessor {
  private readonly logger = new Logger('StageProcessor');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly firing: StageFiringRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  fire(deadlineId: string, stage: string): Promise<FireOutcome> {
    return this.dataSource.transaction(async (m): Promise<FireOutcome> => {
      const s = await this.firing.lockStage(m, deadlineId, stage);
      if (!s || s.firedAt || s.cancelledAt || !['pending', 'breached'].includes(s.deadlineStatus)) {
        return { outcome: 'nothing_to_do' };
      }
      const now = this.clock.now();
      if (s.stageDueAt > now) return { outcome: 'not_due', dueAt: s.stageDueAt };
      const recipients = await this.firing.recipients(m, s.audience, s.caseId, s.agencyId);
      // Codes and instants only: a notification never carries identity or incident details.
      const notified = await this.firing.notify(
        m,
        s.stageId,
        recipients,
        `deadline.${s.stageKind}`,
        s.caseId,
        {
          deadlineKind: s.deadlineKind,
          stage,
          survivorCode: s.survivorCode,
          dueAt: s.deadlineDueAt.toISOString(),
        },
        s.caseId ? `/cases/${s.caseId}` : null,
      );
      await this.firing.markFired(m, s.stageId, now);
      if (s.offsetMs >= 0) await this.firing.markBreached(m, s.stageId);
      await this.audit.record(m, {
        actor: null,
        caseId: s.caseId,
        action: 'deadline.stage_fired',
        subjectType: 'Deadline',
        subjectId: deadlineId,
        details: { stage, recipients: recipients.length },
      });
      this.logger.log(
        `Fired ${stage} of deadline ${deadlineId} for ${recipients.length} recipient(s)`,
      );
      return { outcome: 'fired', notified };
    });
  }
}
