import { HttpStatus, Injectable } from '@nestjs/common';
import type { ClosureRequestView } from '@caunoi/shared/contracts';
import type { CaseClosureAction, CaseStage, ClosureBlocker } from '@caunoi/shared/domain';
import { caseClosureTransition, closureBlockers } from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import type { Tx } from '../../../database/unit-of-work';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { Caller } from '../../authz/caller';
import { CommunityReferralStatusChanges } from '../../community-referrals/community-referral-status';
import { FieldCipher } from '../../crypto/field-cipher';
import { DeadlinesRepository } from '../../deadlines/deadlines.repository';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import { IncidentReportsRepository } from '../../incident-reports/incident-reports.repository';
import { NotificationOutbox } from '../../notifications/notification-outbox';
import { ReferralsRepository } from '../../referrals/referrals.repository';
import { CaseAccess } from '../case-access';
import type { CaseWithPeople } from '../cases.repository';
import { CasesRepository } from '../cases.repository';
import type { CaseClosureEntity } from './case-closure.entity';
import type { RequestClosureDto } from './case-closure.dto';
import { mapClosure } from './case-closure.dto';
import { CaseClosuresRepository } from './case-closures.repository';

const BLOCKER_MESSAGES: Readonly<Record<ClosureBlocker, string>> = {
  referral_open: 'a referral this case sent is still open: withdraw it or wait for its outcome',
  incident_report_open: 'a serious-incident report of this case is not yet sent to the province',
};

/**
 * Closing a case (IASC step 6): the caseworker asks with a reason, a summary and the goal status;
 * a supervisor of the centre (never the one who asked) approves, which ends every running clock of
 * the case, or returns it with a comment; a supervisor may reopen a closed case. Notifications carry
 * codes and a link only.
 */
@Injectable()
export class CaseClosureService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly closures: CaseClosuresRepository,
    private readonly referrals: ReferralsRepository,
    private readonly reports: IncidentReportsRepository,
    private readonly clocks: DeadlinesRepository,
    private readonly deadlines: DeadlinesService,
    private readonly communityReferrals: CommunityReferralStatusChanges,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async history({ user: actor, ability }: Caller, caseId: string): Promise<ClosureRequestView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.closures.getHistory(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'case_closure.read',
      subjectType: 'CaseClosure',
      details: { count: rows.length },
    });
    return rows.map((r) => mapClosure(r, this.cipher));
  }

  async request(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: RequestClosureDto,
  ): Promise<ClosureRequestView[]> {
    await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const next = this.transition(found.stage, 'request_closure');
      await this.assertNothingOpen(tx, caseId);
      const saved = await this.closures.insert(tx.manager, {
        caseId,
        status: 'requested',
        reason: dto.reason,
        goalStatus: dto.goalStatus,
        summaryEnc: this.cipher.encrypt(dto.summary.trim()),
        previousStage: found.stage,
        requestedByUserId: actor.id,
        requestedAt: this.clock.now(),
      });
      await this.cases.updateCase(tx.manager, caseId, { stage: next });
      await tx.audit({
        actor,
        caseId,
        action: 'case_closure.request',
        subjectType: 'CaseClosure',
        subjectId: saved.id,
        fields: ['reason', 'goalStatus', 'summary'],
        details: { reason: dto.reason, goalStatus: dto.goalStatus },
      });
      const supervisors = await this.outbox.activeUsers(tx.manager, found.agencyId, ['supervisor']);
      await this.notify(
        tx,
        supervisors.filter((id) => id !== actor.id),
        'case.closure_requested',
        found,
        { reason: dto.reason },
      );
    });
    return this.historyAfterChange(caseId);
  }

  async approve({ user: actor, ability }: Caller, caseId: string): Promise<ClosureRequestView[]> {
    await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'approve');
      const next = this.transition(found.stage, 'approve_closure');
      const waiting = await this.waitingNotOwn(tx, caseId, actor.id);
      await this.assertNothingOpen(tx, caseId);
      await this.closures.update(tx.manager, waiting.id, {
        status: 'approved',
        decidedByUserId: actor.id,
        decidedAt: this.clock.now(),
      });
      await this.cases.updateCase(tx.manager, caseId, { stage: next });
      const stopped = await this.deadlines.cancelAllForCase(tx, caseId, 'case_closed');
      if (found.intakeItemId) {
        await this.communityReferrals.closedForIntakeItem(tx.manager, found.intakeItemId);
      }
      await tx.audit({
        actor,
        caseId,
        action: 'case_closure.approve',
        subjectType: 'CaseClosure',
        subjectId: waiting.id,
        fields: ['status'],
        details: { reason: waiting.reason, clocksEnded: stopped },
      });
      await this.notify(
        tx,
        await this.outbox.userOrSupervisors(tx.manager, waiting.requestedByUserId, found.agencyId),
        'case.closure_approved',
        found,
        { reason: waiting.reason },
      );
    });
    return this.historyAfterChange(caseId);
  }

  async return(
    { user: actor, ability }: Caller,
    caseId: string,
    comment: string,
  ): Promise<ClosureRequestView[]> {
    await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'approve');
      this.transition(found.stage, 'return_closure');
      const waiting = await this.waitingNotOwn(tx, caseId, actor.id);
      const next = this.transition(found.stage, 'return_closure', waiting.previousStage);
      await this.closures.update(tx.manager, waiting.id, {
        status: 'returned',
        decidedByUserId: actor.id,
        decidedAt: this.clock.now(),
        commentEnc: this.cipher.encrypt(comment.trim()),
      });
      await this.cases.updateCase(tx.manager, caseId, { stage: next });
      await tx.audit({
        actor,
        caseId,
        action: 'case_closure.return',
        subjectType: 'CaseClosure',
        subjectId: waiting.id,
        fields: ['status', 'comment'],
      });
      await this.notify(
        tx,
        await this.outbox.userOrSupervisors(tx.manager, waiting.requestedByUserId, found.agencyId),
        'case.closure_returned',
        found,
        {},
      );
    });
    return this.historyAfterChange(caseId);
  }

  async reopen(
    { user: actor, ability }: Caller,
    caseId: string,
    reason: string,
  ): Promise<ClosureRequestView[]> {
    await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'approve', {
        allowClosed: true,
      });
      const next = this.transition(found.stage, 'reopen');
      const closure = await this.closures.getLatestApprovedForUpdate(tx.manager, caseId);
      if (closure) {
        await this.closures.update(tx.manager, closure.id, {
          reopenedByUserId: actor.id,
          reopenedAt: this.clock.now(),
          reopenReasonEnc: this.cipher.encrypt(reason.trim()),
        });
      }
      await this.cases.updateCase(tx.manager, caseId, { stage: next });
      await tx.audit({
        actor,
        caseId,
        action: 'case.reopen',
        subjectType: 'Case',
        subjectId: caseId,
        fields: ['stage'],
        details: { closureId: closure?.id ?? null },
      });
      if (found.assignedUserId && found.assignedUserId !== actor.id) {
        await this.notify(
          tx,
          await this.outbox.userOrSupervisors(tx.manager, found.assignedUserId, found.agencyId),
          'case.reopened',
          found,
          {},
        );
      }
    });
    return this.historyAfterChange(caseId);
  }

  private transition(
    stage: CaseStage,
    action: CaseClosureAction,
    previousStage: CaseStage | null = null,
  ): CaseStage {
    const result = caseClosureTransition(stage, action, previousStage);
    if ('refused' in result) {
      throw fieldError(HttpStatus.CONFLICT, 'stage', result.refused, REFUSALS[result.refused]);
    }
    return result.next;
  }

  /** The waiting request; a supervisor never decides their own (the two-person rule). */
  private async waitingNotOwn(tx: Tx, caseId: string, actorId: string): Promise<CaseClosureEntity> {
    const waiting = await this.closures.getWaitingForUpdate(tx.manager, caseId);
    if (!waiting) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'stage',
        'no_closure_request',
        'no closure request waits on this case',
      );
    }
    if (waiting.requestedByUserId === actorId) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'requestedBy',
        'own_request',
        'another supervisor must decide a closure you asked for',
      );
    }
    return waiting;
  }

  /** 409 naming each thing still open: a referral the case sent, a serious-incident report. */
  private async assertNothingOpen(tx: Tx, caseId: string): Promise<void> {
    // One after the other: a transaction is one connection, which runs one query at a time.
    const referralsSent = await this.referrals.countOpenForCase(tx.manager, caseId);
    const reports = await this.reports.countOpenForCase(tx.manager, caseId);
    const reportClocks = await this.clocks.countOpenForCase(tx.manager, caseId, 'incident_report');
    const blockers = closureBlockers({ referralsSent, incidentReports: reports + reportClocks });
    if (blockers.length === 0) return;
    throw new FieldErrorException(
      HttpStatus.CONFLICT,
      blockers.map((code) => ({ field: 'stage', code, message: BLOCKER_MESSAGES[code] })),
    );
  }

  /** Codes and a link only: the survivor's code, never a name or the summary. */
  private notify(
    tx: Tx,
    userIds: string[],
    kind: string,
    found: CaseWithPeople,
    params: Record<string, string>,
  ): Promise<void> {
    return this.outbox.send(
      tx.manager,
      userIds,
      kind,
      found.id,
      { survivorCode: found.survivor.code, ...params },
      `/cases/${found.id}`,
    );
  }

  private async historyAfterChange(caseId: string): Promise<ClosureRequestView[]> {
    return (await this.closures.getHistory(caseId)).map((r) => mapClosure(r, this.cipher));
  }
}

const REFUSALS = {
  closure_pending: 'a closure request already waits for a supervisor',
  case_closed: 'the case is closed',
  no_closure_request: 'no closure request waits on this case',
  case_not_closed: 'only a closed case can be reopened',
} as const;
