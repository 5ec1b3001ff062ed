import { Injectable, Logger } from '@nestjs/common';
import { CONFERENCE_ACTION_KIND, CONFERENCE_INBOX_ROLES } from '@caunoi/shared/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { LockedStage, StageRef } from './stage-firing.repository';
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

const stageKey = (ref: StageRef): string => `${ref.deadlineId}:${ref.stage}`;

export type FireOutcome =
  | { outcome: 'fired'; notified: number }
  | { outcome: 'not_due'; dueAt: Date }
  | { outcome: 'nothing_to_do' };

/** Recipients already read in this batch, by audience and agency (or case): a burst mostly shares them. */
type RecipientMemo = Map<string, Promise<string[]>>;

/**
 * Fires stages, each exactly once: the stage rows are locked, re-read and checked (still due, not fired,
 * not cancelled, clock still open); notifications, `fired_at`, the breach and one audit row per fired
 * stage commit together. A duplicate, late or early job, or a second worker, changes nothing. Several
 * stages fire in one transaction (`fireMany`: the worker batches the jobs it holds), with the same
 * statements as one: a batch costs a handful of round trips and one commit instead of that per stage.
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

  async fire(deadlineId: string, stage: string): Promise<FireOutcome> {
    const [outcome] = await this.fireMany([{ deadlineId, stage }]);
    return outcome as FireOutcome;
  }

  /**
   * Fires a batch of stages in one transaction; the outcomes follow the order of `refs`. A stage named
   * twice fires once (the second gets `nothing_to_do`). If the transaction fails, nothing of the batch
   * is written: the caller retries the stages (one by one, so one bad stage fails only its own job).
   */
  fireMany(refs: readonly StageRef[]): Promise<FireOutcome[]> {
    return this.work.run(async (tx): Promise<FireOutcome[]> => {
      const locked = new Map(
        (await this.firing.lockStages(tx.manager, refs)).map((s) => [stageKey(s), s]),
      );
      const now = this.clock.now();
      const memo: RecipientMemo = new Map();
      const outcomes: FireOutcome[] = [];
      const fired: { index: number; s: LockedStage; message: StageMessage }[] = [];
      for (const ref of refs) {
        const s = locked.get(stageKey(ref));
        locked.delete(stageKey(ref)); // named twice: the second finds nothing to do
        if (
          !s ||
          s.firedAt ||
          s.cancelledAt ||
          !['pending', 'breached'].includes(s.deadlineStatus)
        ) {
          outcomes.push({ outcome: 'nothing_to_do' });
        } else if (s.stageDueAt > now) {
          outcomes.push({ outcome: 'not_due', dueAt: s.stageDueAt });
        } else {
          fired.push({
            index: outcomes.length,
            s,
            message: await this.message(tx.manager, s, now, memo),
          });
          outcomes.push({ outcome: 'fired', notified: 0 });
        }
      }
      if (fired.length === 0) return outcomes;
      const created = await this.firing.notifyMany(
        tx.manager,
        fired.map(({ s, message }) => ({
          stageId: s.stageId,
          userIds: message.recipients,
          kind: `deadline.${s.stageKind}`,
          caseId: message.caseId,
          params: message.params,
          link: message.link,
        })),
      );
      await this.firing.markFired(
        tx.manager,
        fired.map(({ s }) => s.stageId),
        now,
      );
      await this.firing.markBreached(tx.manager, [
        ...new Set(fired.filter(({ s }) => s.offsetMs >= 0).map(({ s }) => s.deadlineId)),
      ]);
      await tx.audit(
        ...fired.map(({ s, message }) => ({
          actor: null,
          caseId: s.caseId,
          action: 'deadline.stage_fired',
          subjectType: 'Deadline',
          subjectId: s.deadlineId,
          details: { stage: s.stage, recipients: message.recipients.length },
        })),
      );
      for (const { index, s, message } of fired) {
        outcomes[index] = { outcome: 'fired', notified: created.get(s.stageId) ?? 0 };
        this.logger.log(
          `Fired ${s.stage} of deadline ${s.deadlineId} for ${message.recipients.length} recipient(s)`,
        );
      }
      return outcomes;
    });
  }

  private message(
    m: EntityManager,
    s: LockedStage,
    now: Date,
    memo: RecipientMemo,
  ): Promise<StageMessage> {
    if (s.deadlineKind === 'referral_response') return this.referralMessage(m, s, s.stage, now);
    if (PROTECTION_AUDIENCES.includes(s.audience)) return this.protectionMessage(m, s, s.stage);
    if (s.deadlineKind === CONFERENCE_ACTION_KIND) {
      return this.conferenceActionMessage(m, s, s.stage);
    }
    return this.caseMessage(m, s, s.stage, memo);
  }

  // Codes and instants only: a notification never carries identity or incident details.
  private async caseMessage(
    m: EntityManager,
    s: LockedStage,
    stage: string,
    memo: RecipientMemo,
  ): Promise<StageMessage> {
    // Only the assigned caseworker depends on the case; the other audiences are the agency's.
    const key = `${s.audience}|${s.audience === 'assigned_caseworker' ? s.caseId : ''}|${s.agencyId}`;
    if (!memo.has(key)) memo.set(key, this.firing.recipients(m, s.audience, s.caseId, s.agencyId));
    return {
      recipients: await (memo.get(key) as Promise<string[]>),
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
