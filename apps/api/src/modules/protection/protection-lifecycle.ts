import { HttpStatus, Injectable } from '@nestjs/common';
import type { MeasureAction } from '@caunoi/shared/domain';
import {
  decisionProblems,
  measureStatusAt,
  nextMeasureStatus,
  statusAfterDecision,
} from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../../database/unit-of-work';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { NotificationOutbox } from '../notifications/notification-outbox';
import type { DecideProtectiveMeasureDto, RevokeProtectiveMeasureDto } from './dto/protection.dto';
import type { MeasureRow } from './protection.repository';
import { ProtectionRepository } from './protection.repository';

const PROBLEM_MESSAGES: Readonly<Record<string, string>> = {
  required: 'required for a granted order',
  refusal_reasons_required: 'a refusal needs written reasons (Law 13/2022 Art. 25)',
  ends_before_start: 'the order must end after it starts',
  exceeds_max_duration:
    'longer than the law allows: 3 days for a commune order, 4 months for a court order',
  decision_after_end: 'the order would already have ended: a decision after its end is refused',
  starts_before_request: 'a commune order cannot take effect before it was requested',
  effective_on_signing: 'a commune order takes effect on signing, not later',
};

/**
 * The steps both sides share: recording a decision (the commune committee for its orders, the centre
 * for the measures others decide), with its clocks and notices, and the status check of every step.
 */
@Injectable()
export class ProtectionLifecycle {
  constructor(
    private readonly measures: ProtectionRepository,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** 409 `invalid_transition` on `status` when the action does not apply now. */
  assertAction(measure: MeasureRow, action: MeasureAction, code = 'invalid_transition'): void {
    const status = measureStatusAt(measure, this.clock.now());
    if (!nextMeasureStatus(status, action)) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'status',
        code,
        `the measure is ${status}: it cannot be ${action === 'breach' ? 'breached' : action}ed now`,
      );
    }
  }

  async decide(
    tx: Tx,
    actor: AuthenticatedUser,
    measure: MeasureRow,
    dto: DecideProtectiveMeasureDto,
  ): Promise<void> {
    const m = tx.manager;
    const now = this.clock.now();
    this.assertAction(measure, dto.decision === 'granted' ? 'grant' : 'refuse');
    const commune = measure.type === 'no_contact_commune';
    const decision = {
      decision: dto.decision,
      // A commune order is effective on signing: recorded now unless the signing time is given.
      startsAt: dto.startsAt ? new Date(dto.startsAt) : commune ? now : null,
      endsAt: dto.endsAt ? new Date(dto.endsAt) : null,
      reasons: dto.reasons?.trim() || null,
    };
    const problems = decisionProblems(measure.type, decision, {
      requestedAt: measure.requestedAt,
      now,
    });
    if (problems.length > 0) {
      throw new FieldErrorException(
        HttpStatus.BAD_REQUEST,
        problems.map((p) => ({ field: p.field, code: p.code, message: PROBLEM_MESSAGES[p.code] })),
      );
    }
    const granted = dto.decision === 'granted';
    await this.measures.decide(m, measure.id, {
      status: statusAfterDecision(decision, now),
      decision: dto.decision,
      decidedAt: now,
      decidedByUserId: actor.id,
      decisionNumber: dto.decisionNumber?.trim() || null,
      startsAt: granted ? decision.startsAt : null,
      endsAt: granted ? decision.endsAt : null,
      reasonsEnc: this.cipher.encryptOptional(decision.reasons),
      // A refused request's grounds leave with it: nobody needs them any more.
      clearGrounds: !granted,
    });
    await this.measures.insertEvent(m, measure, dto.decision, actor.id, now, {
      startsAt: granted ? (decision.startsAt?.toISOString() ?? null) : null,
      endsAt: granted ? (decision.endsAt?.toISOString() ?? null) : null,
    });
    await tx.audit({
      actor,
      caseId: measure.caseId,
      action: 'protective_measure.decide',
      subjectType: 'ProtectiveMeasure',
      subjectId: measure.id,
      fields: ['decision', ...(granted ? ['startsAt', 'endsAt'] : ['reasons'])],
      details: { decision: dto.decision, type: measure.type },
    });
    if (commune) await this.deadlines.meetNoContactDecisionClock(tx, measure.id);
    if (granted && decision.startsAt && decision.endsAt) {
      // A new order decides on the renewal the earlier order's end asked for.
      await this.deadlines.meetMeasureExpiryClocksOfCase(tx, measure.caseId);
      await this.deadlines.startMeasureExpiryClock(tx, measure, {
        startsAt: decision.startsAt,
        endsAt: decision.endsAt,
      });
    }
    if (granted && commune && measure.policeAgencyId) {
      // At once to the commune police, whose 1-hour supervision plan clock starts now.
      const due = await this.deadlines.startSupervisionPlanClock(tx, measure, now);
      await this.outbox.send(
        m,
        await this.outbox.activeUsers(m, measure.policeAgencyId, ['police_liaison']),
        'protection.order_granted',
        null,
        {
          measureCode: measure.code,
          endsAt: decision.endsAt?.toISOString() ?? null,
          dueAt: due.dueAt.toISOString(),
        },
        `/protection/measures/${measure.id}`,
      );
    }
    if (actor.id !== measure.requestedByUserId) {
      await this.outbox.send(
        m,
        await this.outbox.userOrSupervisors(m, measure.requestedByUserId, measure.agencyId),
        'protection.decided',
        measure.caseId,
        {
          measureCode: measure.code,
          survivorCode: await this.measures.survivorCode(m, measure.caseId),
          decision: dto.decision,
        },
        `/cases/${measure.caseId}`,
      );
    }
  }

  /**
   * Revokes a granted order or a measure in force (the committee for its orders, the centre for the
   * others; the caller checked which): the written reasons encrypted, its clocks closed (no supervision
   * plan, no renewal reminder any more), and at once to the commune police and the caseworker.
   */
  async revoke(
    tx: Tx,
    actor: AuthenticatedUser,
    measure: MeasureRow,
    dto: RevokeProtectiveMeasureDto,
  ): Promise<void> {
    const m = tx.manager;
    const now = this.clock.now();
    this.assertAction(measure, 'revoke');
    await this.measures.revoke(m, measure.id, {
      at: now,
      userId: actor.id,
      reasonsEnc: this.cipher.encrypt(dto.reasons.trim()),
    });
    await this.measures.insertEvent(m, measure, 'revoked', actor.id, now);
    await tx.audit({
      actor,
      caseId: measure.caseId,
      action: 'protective_measure.revoke',
      subjectType: 'ProtectiveMeasure',
      subjectId: measure.id,
      fields: ['reasons'],
      details: { type: measure.type },
    });
    await this.deadlines.cancelMeasureClocks(tx, measure.id, 'measure_revoked');
    if (measure.policeAgencyId) {
      const police = await this.outbox.activeUsers(m, measure.policeAgencyId, ['police_liaison']);
      await this.outbox.send(
        m,
        police.filter((u) => u !== actor.id),
        'protection.revoked',
        null,
        { measureCode: measure.code },
        `/protection/measures/${measure.id}`,
      );
    }
    const centre = measure.assignedUserId
      ? await this.outbox.userOrSupervisors(m, measure.assignedUserId, measure.agencyId)
      : await this.outbox.activeUsers(m, measure.agencyId, ['supervisor']);
    await this.outbox.send(
      m,
      centre.filter((u) => u !== actor.id),
      'protection.revoked',
      measure.caseId,
      {
        measureCode: measure.code,
        survivorCode: await this.measures.survivorCode(m, measure.caseId),
      },
      `/cases/${measure.caseId}`,
    );
  }
}
