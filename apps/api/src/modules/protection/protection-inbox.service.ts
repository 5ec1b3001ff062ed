import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  BreachReceiptView,
  BreachTargetView,
  MeasurePacketView,
  Page,
  ProtectionInboxView,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import {
  BREACH_REPORTER_ROLES,
  isInForce,
  measureStatusAt,
  recordedBy,
} from '@caunoi/shared/domain';
import { subjectOf } from '@caunoi/shared/authz';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { accessibleWhere } from '../authz/accessible-where';
import type { Caller } from '../authz/caller';
import { assertCan } from '../authz/instance-checks';
import { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type {
  DecideProtectiveMeasureDto,
  ProtectionInboxQueryDto,
  ReportBreachDto,
  RevokeProtectiveMeasureDto,
  SupervisionPlanDto,
} from './dto/protection.dto';
import { ProtectionLifecycle } from './protection-lifecycle';
import { ProtectionViews } from './protection-views';
import type { MeasureRow } from './protection.repository';
import { MEASURE_RULE_COLUMNS, ProtectionRepository } from './protection.repository';

/** The fields the CASL rules on ProtectiveMeasure look at. */
function ruleFields(m: MeasureRow): Record<string, unknown> {
  return {
    agencyId: m.agencyId,
    assignedUserId: m.assignedUserId,
    decidingAgencyId: m.decidingAgencyId,
    policeAgencyId: m.policeAgencyId,
    referringVolunteerId: m.referringVolunteerId,
  };
}

/** A breach may be reported a little late, never ahead of time (a few minutes of clock skew allowed). */
const BREACH_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The other agencies' side: the commune committee's inbox of requests (decide within the 12 hours),
 * the commune police's orders in force in their area (supervision plan within the hour), one packet,
 * and breach reports (also the caseworker's and the referring volunteer's).
 */
@Injectable()
export class ProtectionInboxService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly measures: ProtectionRepository,
    private readonly lifecycle: ProtectionLifecycle,
    private readonly views: ProtectionViews,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list(
    { user: actor, ability }: Caller,
    query: ProtectionInboxQueryDto,
  ): Promise<Page<MeasurePacketView>> {
    const view: ProtectionInboxView = query.view ?? 'requests';
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { requestedAt: 'instant', id: 'uuid' });
    const rows = await this.measures.getInboxPage(
      accessibleWhere(ability, 'read', 'ProtectiveMeasure', MEASURE_RULE_COLUMNS),
      view,
      this.clock.now(),
      after,
      limit + 1,
    );
    const page = keysetPage(rows, limit, (last) => ({
      requestedAt: last.requestedAt.toISOString(),
      id: last.id,
    }));
    await this.work.audit(
      ...page.items.map((r) => ({
        actor,
        caseId: r.caseId,
        action: 'protective_measure.inbox_list',
        subjectType: 'ProtectiveMeasure',
        subjectId: r.id,
      })),
    );
    return { items: await this.views.packets(page.items), nextCursor: page.nextCursor };
  }

  async get({ user: actor, ability }: Caller, id: string): Promise<MeasurePacketView> {
    const measure = await this.measures.getById(id);
    assertCan(ability, 'read', 'ProtectiveMeasure', measure && ruleFields(measure), 'Not found');
    const found = measure as MeasureRow;
    await this.work.audit({
      actor,
      caseId: found.caseId,
      action: 'protective_measure.read',
      subjectType: 'ProtectiveMeasure',
      subjectId: found.id,
      fields: found.groundsEnc ? ['grounds'] : [],
    });
    const [view] = await this.views.packets([found]);
    return view;
  }

  /** The commune committee's decision on an order addressed to it. */
  decide(caller: Caller, id: string, dto: DecideProtectiveMeasureDto): Promise<MeasurePacketView> {
    return this.step(caller, id, 'decidingAgencyId', async (tx, measure) => {
      await this.lifecycle.decide(tx, caller.user, measure, dto);
    });
  }

  /**
   * The committee revokes the order it decided (Law 13/2022 Art. 25, at the victim's request); the
   * centre records other bodies' revocations under the case.
   */
  revoke(caller: Caller, id: string, dto: RevokeProtectiveMeasureDto): Promise<MeasurePacketView> {
    return this.step(caller, id, 'decidingAgencyId', async (tx, measure) => {
      if (recordedBy(measure.type) !== 'commune_committee') {
        throw new ForbiddenException('The centre records this revocation');
      }
      await this.lifecycle.revoke(tx, caller.user, measure, dto);
    });
  }

  /**
   * The no-contact orders in force the caller may report a breach of: for the referring volunteer,
   * the order's code and their own referral's reference, so the phone shows a button and nothing
   * of the order. Audited per order listed.
   */
  async breachTargets({ user: actor, ability }: Caller): Promise<BreachTargetView[]> {
    if (!BREACH_REPORTER_ROLES.includes(actor.role)) {
      throw new ForbiddenException('Your role does not report breaches');
    }
    const rows = await this.measures.getBreachTargets(
      accessibleWhere(ability, 'update', 'ProtectiveMeasure', MEASURE_RULE_COLUMNS),
      this.clock.now(),
    );
    await this.work.audit(
      ...rows.map((r) => ({
        actor,
        caseId: r.caseId,
        action: 'protective_measure.breach_targets',
        subjectType: 'ProtectiveMeasure',
        subjectId: r.id,
      })),
    );
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      referralReference: actor.role === 'volunteer' ? r.referralReference : null,
    }));
  }

  /** The commune police's supervision plan (Circular 66/2025/TT-BCA), once, on an order in force. */
  supervisionPlan(caller: Caller, id: string, dto: SupervisionPlanDto): Promise<MeasurePacketView> {
    return this.step(caller, id, 'policeAgencyId', async (tx, measure) => {
      const now = this.clock.now();
      if (!isInForce(measureStatusAt(measure, now))) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'status',
          'not_in_force',
          'the order is not in force',
        );
      }
      if (measure.supervisionPlanAt) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'plan',
          'already_recorded',
          'the supervision plan is already recorded',
        );
      }
      await this.measures.recordSupervisionPlan(tx.manager, measure.id, {
        officer: dto.supervisingOfficer.trim(),
        planEnc: this.cipher.encrypt(dto.plan.trim()),
        at: now,
        userId: caller.user.id,
      });
      const met = await this.deadlines.meetSupervisionPlanClock(tx, measure.id);
      await this.measures.insertEvent(
        tx.manager,
        measure,
        'supervision_plan',
        caller.user.id,
        now,
        {
          onTime: met.onTime === null ? null : String(met.onTime),
        },
      );
      await tx.audit({
        actor: caller.user,
        caseId: measure.caseId,
        action: 'protective_measure.supervision_plan',
        subjectType: 'ProtectiveMeasure',
        subjectId: measure.id,
        fields: ['supervisingOfficer', 'plan'],
      });
    });
  }

  /**
   * A breach (Decree 76 Art. 19) on an order in force: on the case's timeline, and at once to the
   * caseworker and the commune police. The referring volunteer may report one without reading anything.
   */
  async reportBreach(
    { user: actor, ability }: Caller,
    id: string,
    dto: ReportBreachDto,
  ): Promise<BreachReceiptView> {
    const occurredAt = new Date(dto.occurredAt);
    const now = this.clock.now();
    if (occurredAt.getTime() > now.getTime() + BREACH_CLOCK_SKEW_MS) {
      throw fieldError(HttpStatus.BAD_REQUEST, 'occurredAt', 'in_future', 'not in the future');
    }
    return this.work.run(async (tx) => {
      const m = tx.manager;
      const measure = await this.measures.getForUpdate(m, id);
      const tagged = measure && subjectOf('ProtectiveMeasure', ruleFields(measure));
      if (!tagged || !ability.can('update', tagged)) throw new NotFoundException('Not found');
      if (!BREACH_REPORTER_ROLES.includes(actor.role)) {
        throw new ForbiddenException('Your role does not report breaches');
      }
      this.lifecycle.assertAction(measure, 'breach', 'not_in_force');
      await this.measures.setStatus(m, measure.id, 'breached');
      await this.measures.insertEvent(m, measure, 'breach_reported', actor.id, now, {
        kind: dto.kind,
        occurredAt: occurredAt.toISOString(),
      });
      await tx.audit({
        actor,
        caseId: measure.caseId,
        action: 'protective_measure.breach',
        subjectType: 'ProtectiveMeasure',
        subjectId: measure.id,
        fields: ['kind', 'occurredAt'],
        details: { kind: dto.kind },
      });
      const caseworker = measure.assignedUserId
        ? await this.outbox.userOrSupervisors(m, measure.assignedUserId, measure.agencyId)
        : await this.outbox.activeUsers(m, measure.agencyId, ['supervisor']);
      await this.outbox.send(
        m,
        caseworker.filter((u) => u !== actor.id),
        'protection.breach',
        measure.caseId,
        {
          measureCode: measure.code,
          survivorCode: await this.measures.survivorCode(m, measure.caseId),
          kind: dto.kind,
        },
        `/cases/${measure.caseId}`,
      );
      if (measure.policeAgencyId) {
        const police = await this.outbox.activeUsers(m, measure.policeAgencyId, ['police_liaison']);
        await this.outbox.send(
          m,
          police.filter((u) => u !== actor.id),
          'protection.breach',
          null,
          { measureCode: measure.code, kind: dto.kind },
          `/protection/measures/${measure.id}`,
        );
      }
      return { code: measure.code, status: 'breached' as const, reportedAt: now.toISOString() };
    });
  }

  /**
   * One step of an addressed agency: the measure is locked and must be readable (else 404), and the
   * caller's agency must be the one the law addresses for this step (else 403).
   */
  private async step(
    { user, ability }: Caller,
    id: string,
    addressee: 'decidingAgencyId' | 'policeAgencyId',
    act: (tx: Tx, measure: MeasureRow) => Promise<void>,
  ): Promise<MeasurePacketView> {
    await this.work.run(async (tx) => {
      const measure = await this.measures.getForUpdate(tx.manager, id);
      assertCan(
        ability,
        'update',
        'ProtectiveMeasure',
        measure && ruleFields(measure),
        'Not found',
      );
      const found = measure as MeasureRow;
      if (found[addressee] !== user.agencyId) {
        throw new ForbiddenException('Your agency does not take this step');
      }
      await act(tx, found);
    });
    const [view] = await this.views.packets([(await this.measures.getById(id)) as MeasureRow]);
    return view;
  }
}
