import { Injectable, Logger } from '@nestjs/common';
import { CONFERENCE_ACTION_KIND, CONFERENCE_INBOX_ROLES } from '@caunoi/shared/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { LockedStage } from './stage-firing.repository';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { StageFiringRepository } from './stage-firing.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { StageAudience } from '@caunoi/shared/domain';

interface StageMessage {
  recipients: string[];
  caseId: string | null;
  params: Record<string, string | number | boolean | null>;
  link: string | null;
}

/** The audiences outside the case's centre (or naming the requester) of the protection clocks. */
const PROTECTION_AUDIENCES: readonly StageAudience[] = [
  'deciding_agency',
  'police_agency',
  'requesting_user',
];

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
    private readonly work: UnitOfWork,
    private readonly firing: StageFiringRepository,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  fire(deadlineId: string, stage: string): Promise<FireOutcome> {
    return this.work.run(async (tx): Promise<FireOutcome> => {
      const s = await this.firing.lockStage(tx.manager, deadlineId, stage);
      if (!s || s.firedAt || s.cancelledAt || !['pending', 'breached'].includes(s.deadlineStatus)) {
        return { outcome: 'nothing_to_do' };
      }
      const now = this.clock.now();
      if (s.stageDueAt > now) return { outcome: 'not_due', dueAt: s.stageDueAt };
      const message =
        s.deadlineKind === 'referral_response'
          ? await this.referralMessage(tx.manager, s, stage, now)
          : PROTECTION_AUDIENCES.includes(s.audience)
            ? await this.protectionMessage(tx.manager, s, stage)
            : s.deadlineKind === CONFERENCE_ACTION_KIND
              ? await this.conferenceActionMessage(tx.manager, s, stage)
              : await this.caseMessage(tx.manager, s, stage);
      const recipients = message.recipients;
      const notified = await this.firing.notify(
        tx.manager,
        s.stageId,
        recipients,
        `deadline.${s.stageKind}`,
        message.caseId,
        message.params,
        message.link,
      );
      await this.firing.markFired(tx.manager, s.stageId, now);
      if (s.offsetMs >= 0) await this.firing.markBreached(tx.manager, s.stageId);
      await tx.audit({
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

  // Codes and instants only: a notification never carries identity or incident details.
  private async caseMessage(
    m: EntityManager,
    s: LockedStage,
    stage: string,
  ): Promise<StageMessage> {
    return {
      recipients: await this.firing.recipients(m, s.audience, s.caseId, s.agencyId),
      caseId: s.caseId,
      params: {
        deadlineKind: s.deadlineKind,
        stage,
        survivorCode: s.survivorCode,
        dueAt: s.deadlineDueAt.toISOString(),
        // A periodic report has no case: the province learns which centre is late.
        ...(s.deadlineKind === 'periodic_report' ? { agencyName: s.agencyName } : {}),
      },
      // A periodic report clock has no case: the centre's and the province's report screen.
      link: s.caseId
        ? `/cases/${s.caseId}`
        : s.deadlineKind === 'periodic_report'
          ? '/periodic-reports'
          : null,
    };
  }

  /**
   * A protection clock speaks to the committee that decides and the commune police that supervise
   * with the measure's code and a link to their inbox, never the case or survivor code; to the
   * caseworker who asked with both. (Its supervisors and assigned caseworker stages are case messages.)
   */
  private async protectionMessage(
    m: EntityManager,
    s: LockedStage,
    stage: string,
  ): Promise<StageMessage> {
    const measure = await this.firing.measureFacts(m, s.subjectId);
    if (!measure) return { recipients: [], caseId: null, params: {}, link: null };
    const base = {
      deadlineKind: s.deadlineKind,
      stage,
      measureCode: measure.code,
      dueAt: s.deadlineDueAt.toISOString(),
    };
    if (s.audience === 'requesting_user') {
      return {
        recipients: await this.outbox.userOrSupervisors(m, measure.requestedByUserId, s.agencyId),
        caseId: s.caseId,
        params: { ...base, survivorCode: s.survivorCode },
        link: s.caseId ? `/cases/${s.caseId}` : null,
      };
    }
    const [agencyId, role] =
      s.audience === 'deciding_agency'
        ? [measure.decidingAgencyId, 'commune_officer' as const]
        : [measure.policeAgencyId, 'police_liaison' as const];
    return {
      recipients: agencyId ? await this.outbox.activeUsers(m, agencyId, [role]) : [],
      caseId: null,
      params: base,
      link: `/protection/measures/${s.subjectId}`,
    };
  }

  /**
   * A conference action's clock speaks to the owner agency's inbox users (the conference code and a
   * link to the conference, never the case or survivor code) and to the convener (both, and the case).
   */
  private async conferenceActionMessage(
    m: EntityManager,
    s: LockedStage,
    stage: string,
  ): Promise<StageMessage> {
    const facts = await this.firing.conferenceActionFacts(m, s.subjectId);
    if (!facts) return { recipients: [], caseId: null, params: {}, link: null };
    const base = {
      deadlineKind: s.deadlineKind,
      stage,
      conferenceCode: facts.conferenceCode,
      dueAt: s.deadlineDueAt.toISOString(),
    };
    const link = `/conferences/${facts.conferenceId}`;
    if (s.audience === 'action_owner_agency') {
      return {
        recipients: await this.outbox.activeUsers(m, facts.ownerAgencyId, CONFERENCE_INBOX_ROLES),
        caseId: null,
        params: base,
        link,
      };
    }
    return {
      recipients: await this.outbox.userOrSupervisors(m, facts.convenedByUserId, s.agencyId),
      caseId: s.caseId,
      params: { ...base, survivorCode: s.survivorCode },
      link,
    };
  }

  /**
   * A referral clock speaks to two ends. The receiving agency gets the referral code and a link to
   * its inbox, never the case or survivor code; the sender gets both and a link to the case.
   */
  private async referralMessage(
    m: EntityManager,
    s: LockedStage,
    stage: string,
    now: Date,
  ): Promise<StageMessage> {
    const referral = await this.firing.referralFacts(m, s.subjectId);
    if (!referral) return { recipients: [], caseId: null, params: {}, link: null };
    const base = {
      deadlineKind: s.deadlineKind,
      stage,
      referralCode: referral.code,
      dueAt: s.deadlineDueAt.toISOString(),
    };
    if (s.audience === 'receiving_agency') {
      if (stage === 'escalation_due') {
        await this.firing.recordReferralOverdue(m, s.subjectId, stage, now);
      }
      return {
        recipients: await this.outbox.receivingAgencyUsers(
          m,
          referral.toAgencyId,
          referral.toAgencyType,
        ),
        caseId: null,
        params: base,
        link: `/inbox/referrals/${s.subjectId}`,
      };
    }
    return {
      recipients: await this.outbox.userOrSupervisors(m, referral.referredByUserId, s.agencyId),
      caseId: s.caseId,
      params: { ...base, survivorCode: s.survivorCode },
      link: s.caseId ? `/cases/${s.caseId}` : null,
    };
  }
}
