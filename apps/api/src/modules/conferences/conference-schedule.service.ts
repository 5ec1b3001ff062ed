import { HttpStatus, Injectable } from '@nestjs/common';
import type { ConferenceView } from '@caunoi/shared/contracts';
import { CONFERENCE_INBOX_ROLES, checkConferenceDate, vietnamDateOf } from '@caunoi/shared/domain';
import { FieldErrorException } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { ConferenceAccess, assertConferenceStep } from './conference-access';
import type { CancelConferenceDto, RescheduleConferenceDto } from './conference.dto';
import { ConferenceReads } from './conference-reads.service';
import { ConferencesRepository } from './conferences.repository';

/**
 * The convening centre moves or calls off a conference not yet held. Each in one transaction with
 * its audit row; the reason is encrypted (it may speak of the case) and read by the convening side
 * only; invitees hear the conference code (and the new date), never survivor data.
 */
@Injectable()
export class ConferenceScheduleService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly conferences: ConferencesRepository,
    private readonly access: ConferenceAccess,
    private readonly reads: ConferenceReads,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Cancelled before it is held: final. Any action agreed ahead of it is cancelled with its clock
   * (no reminder, no escalation any more), and each invitee is told.
   */
  async cancel(caller: Caller, id: string, dto: CancelConferenceDto): Promise<ConferenceView> {
    const now = this.clock.now();
    await this.work.run(async (tx) => {
      const m = tx.manager;
      const c = await this.access.loadToManage(caller, id, m);
      assertConferenceStep(c.row.status, 'cancel');
      await this.conferences.cancel(m, id, {
        reasonEnc: this.cipher.encrypt(dto.reason.trim()),
        userId: caller.user.id,
        now,
      });
      const open = await this.conferences.openActionIdsForUpdate(m, id);
      for (const actionId of open) {
        await this.conferences.setActionStatus(m, actionId, 'cancelled', null, caller.user.id, now);
        await this.deadlines.cancelConferenceActionClock(tx, actionId, 'conference_cancelled');
      }
      for (const inv of c.invitations) {
        await this.outbox.send(
          m,
          await this.outbox.activeUsers(m, inv.agencyId, CONFERENCE_INBOX_ROLES),
          'conference.cancelled',
          null,
          { conferenceCode: c.row.code },
          `/conferences/${id}`,
        );
      }
      await tx.audit({
        actor: caller.user,
        caseId: c.row.caseId,
        action: 'conference.cancel',
        subjectType: 'Conference',
        subjectId: id,
        fields: ['status', 'reason'],
        details: { actionsCancelled: open.length },
      });
    });
    return this.reads.get(caller, id);
  }

  /**
   * A new date for a conference not yet held (from today up to the usual horizon). Nothing runs on
   * the date itself: the actions' clocks keep their own due dates. Invitees get the new date.
   */
  async reschedule(
    caller: Caller,
    id: string,
    dto: RescheduleConferenceDto,
  ): Promise<ConferenceView> {
    const now = this.clock.now();
    const scheduledAt = new Date(dto.scheduledAt);
    const problems = checkConferenceDate(
      'scheduledAt',
      vietnamDateOf(scheduledAt),
      vietnamDateOf(now),
    );
    if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
    await this.work.run(async (tx) => {
      const m = tx.manager;
      const c = await this.access.loadToManage(caller, id, m);
      assertConferenceStep(c.row.status, 'reschedule');
      await this.conferences.reschedule(m, id, {
        scheduledAt,
        reasonEnc: this.cipher.encrypt(dto.reason.trim()),
        now,
      });
      for (const inv of c.invitations) {
        await this.outbox.send(
          m,
          await this.outbox.activeUsers(m, inv.agencyId, CONFERENCE_INBOX_ROLES),
          'conference.rescheduled',
          null,
          { conferenceCode: c.row.code, scheduledAt: scheduledAt.toISOString() },
          `/conferences/${id}`,
        );
      }
      await tx.audit({
        actor: caller.user,
        caseId: c.row.caseId,
        action: 'conference.reschedule',
        subjectType: 'Conference',
        subjectId: id,
        fields: ['scheduledAt', 'reason'],
        details: {
          from: c.row.scheduledAt.toISOString(),
          to: scheduledAt.toISOString(),
        },
      });
    });
    return this.reads.get(caller, id);
  }
}
