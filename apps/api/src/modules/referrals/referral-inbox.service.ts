import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  InboxReferralDetailView,
  InboxReferralView,
  InboxView,
  Page,
  ServiceRecordView,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { ReferralAction, ReferralStatus } from '@caunoi/shared/domain';
import {
  checkSectorOutcome,
  compareCalendarDates,
  nextReferralStatus,
  parseCalendarDate,
  sectorOf,
} from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import type { PageQueryDto } from '../../common/page-query.dto';
import { vietnamDate } from '../../common/vietnam-date';
import { accessibleWhere } from '../authz/accessible-where';
import { assertCan } from '../authz/instance-checks';
import { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../../database/unit-of-work';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type {
  AcceptReferralDto,
  CompleteReferralDto,
  DeclineReferralDto,
  InboxQueryDto,
  RecordServiceDto,
} from './dto/referral.dto';
import { ReferralLifecycle } from './referral-lifecycle';
import { ReferralViews } from './referral-views';
import type { ReferralEntity } from './referral.entity';
import type { AgencyRef } from './referrals.repository';
import { REFERRAL_RULE_COLUMNS, ReferralsRepository } from './referrals.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

const VIEW_STATUSES: Readonly<Record<InboxView, readonly ReferralStatus[]>> = {
  action_needed: ['sent'],
  in_progress: ['accepted', 'in_service'],
  closed: ['completed', 'declined', 'withdrawn'],
};

/**
 * The receiving agency's side: its inbox, one referral (the packet only while open), accept,
 * decline, record services with the sector's outcome fields, complete; and its own service records.
 */
@Injectable()
export class ReferralInboxService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly referrals: ReferralsRepository,
    private readonly lifecycle: ReferralLifecycle,
    private readonly views: ReferralViews,
    private readonly deadlines: DeadlinesService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list(
    { user: actor, ability }: Caller,
    query: InboxQueryDto,
  ): Promise<Page<InboxReferralView>> {
    const view = query.view ?? 'action_needed';
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { respondBy: 'instant', id: 'uuid' });
    const rows = await this.referrals.getInboxPage(
      accessibleWhere(ability, 'read', 'Referral', REFERRAL_RULE_COLUMNS),
      VIEW_STATUSES[view],
      view === 'closed',
      after,
      limit + 1,
    );
    const page = keysetPage(rows, limit, (last) => ({
      respondBy: last.respondBy.toISOString(),
      id: last.id,
    }));
    await this.work.audit(
      ...page.items.map((r) => ({
        actor,
        caseId: r.caseId,
        action: 'referral.inbox_list',
        subjectType: 'Referral',
        subjectId: r.id,
      })),
    );
    return { items: await this.views.inboxList(page.items), nextCursor: page.nextCursor };
  }

  async get({ user: actor, ability }: Caller, id: string): Promise<InboxReferralDetailView> {
    const referral = await this.referrals.getById(id);
    assertCan(ability, 'read', 'Referral', referral && ruleFields(referral), 'Referral not found');
    const found = referral as ReferralEntity;
    await this.work.audit({
      actor,
      caseId: found.caseId,
      action: 'referral.read',
      subjectType: 'Referral',
      subjectId: found.id,
      // The categories actually disclosed by this read: none once the referral is closed.
      fields: found.packetEnc ? [...found.packet] : [],
    });
    return this.views.inboxDetail(found);
  }

  accept(
    { user: actor, ability }: Caller,
    id: string,
    dto: AcceptReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.answer({ user: actor, ability }, id, 'accept', async (tx, referral, agency) => {
      const met = await this.deadlines.meetReferralResponseClock(tx, referral.id);
      await this.lifecycle.changeStatus(tx.manager, referral, 'accepted', {
        respondedAt: this.clock.now(),
        respondedOnTime: met.onTime,
      });
      await this.lifecycle.recordEvent(
        tx.manager,
        referral,
        'accepted',
        actor,
        null,
        dto.note ?? null,
      );
      await this.notifySender(tx.manager, referral, 'referral.accepted', {
        agencyName: agency.name,
      });
    });
  }

  decline(
    { user: actor, ability }: Caller,
    id: string,
    dto: DeclineReferralDto,
  ): Promise<InboxReferralDetailView> {
    if (dto.reason === 'other' && !dto.note?.trim()) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'note',
        'required_for_other',
        'say why in a note when the reason is "other"',
      );
    }
    return this.answer({ user: actor, ability }, id, 'decline', async (tx, referral, agency) => {
      const met = await this.deadlines.meetReferralResponseClock(tx, referral.id);
      await this.lifecycle.changeStatus(tx.manager, referral, 'declined', {
        respondedAt: this.clock.now(),
        respondedOnTime: met.onTime,
        declineReason: dto.reason,
        declineNoteEnc: this.cipher.encryptOptional(dto.note?.trim() || null),
      });
      await this.lifecycle.recordEvent(
        tx.manager,
        referral,
        'declined',
        actor,
        dto.reason,
        dto.note ?? null,
      );
      await this.notifySender(tx.manager, referral, 'referral.declined', {
        agencyName: agency.name,
        reason: dto.reason,
      });
    });
  }

  recordService(
    { user: actor, ability }: Caller,
    id: string,
    dto: RecordServiceDto,
  ): Promise<InboxReferralDetailView> {
    return this.answer(
      { user: actor, ability },
      id,
      'record_service',
      async (tx, referral, agency) => {
        const sector = sectorOf(agency.type);
        const problems = sector ? checkSectorOutcome(sector, dto.sectorOutcome) : [];
        if (problems.length > 0) {
          throw new FieldErrorException(
            HttpStatus.BAD_REQUEST,
            problems.map((p) => ({
              field: p.field ? `sectorOutcome.${p.field}` : 'sectorOutcome',
              code: p.code,
              message:
                p.code === 'unknown_field'
                  ? `${p.field} is not an outcome field of the ${sector} sector`
                  : `${p.field} has a value the ${sector} sector does not allow`,
            })),
          );
        }
        this.assertProvidedOn(dto.providedOn, referral);
        await this.referrals.insertServiceRecord(tx.manager, {
          referralId: referral.id,
          agencyId: referral.toAgencyId,
          serviceType: dto.serviceType,
          providedOn: dto.providedOn,
          outcome: dto.outcome,
          sectorOutcome: dto.sectorOutcome,
          noteEnc: this.cipher.encryptOptional(dto.note?.trim() || null),
          recordedByUserId: actor.id,
        });
        if (referral.status !== 'in_service') {
          await this.lifecycle.changeStatus(tx.manager, referral, 'in_service');
        }
        await this.lifecycle.recordEvent(
          tx.manager,
          referral,
          'service_recorded',
          actor,
          dto.serviceType,
        );
        await this.notifySender(tx.manager, referral, 'referral.service_recorded', {
          agencyName: agency.name,
          serviceType: dto.serviceType,
          outcome: dto.outcome,
        });
      },
    );
  }

  complete(
    { user: actor, ability }: Caller,
    id: string,
    dto: CompleteReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.answer({ user: actor, ability }, id, 'complete', async (tx, referral, agency) => {
      await this.lifecycle.changeStatus(tx.manager, referral, 'completed');
      await this.lifecycle.recordEvent(
        tx.manager,
        referral,
        'completed',
        actor,
        null,
        dto.note ?? null,
      );
      await this.notifySender(tx.manager, referral, 'referral.completed', {
        agencyName: agency.name,
      });
    });
  }

  /** The agency's own service records: they stay readable after its access to the referral ends. */
  async serviceRecords(
    { user: actor, ability }: Caller,
    query: PageQueryDto,
  ): Promise<Page<ServiceRecordView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { createdAt: 'instant', id: 'uuid' });
    const rows = await this.referrals.getServiceRecordPage(
      accessibleWhere(ability, 'read', 'ServiceRecord', { agencyId: 's.agency_id' }),
      after,
      limit + 1,
    );
    const page = keysetPage(rows, limit, (last) => ({
      createdAt: last.createdAt.toISOString(),
      id: last.id,
    }));
    await this.work.audit(
      ...page.items.map((record) => ({
        actor,
        action: 'service_record.read',
        subjectType: 'ServiceRecord',
        subjectId: record.id,
        details: { referralId: record.referralId },
      })),
    );
    return { items: await this.views.serviceRecords(page.items), nextCursor: page.nextCursor };
  }

  /**
   * One answer from the receiving agency: lock the referral, check the caller's agency may act on it
   * (404 otherwise) and that the state machine allows the step (409 otherwise), then apply it, audit
   * it; the unit of work tells BullMQ after commit.
   */
  private async answer(
    { user: actor, ability }: Caller,
    id: string,
    action: ReferralAction,
    apply: (tx: Tx, referral: ReferralEntity, agency: AgencyRef) => Promise<void>,
  ): Promise<InboxReferralDetailView> {
    const referral = await this.work.run(async (tx) => {
      const referral = await this.referrals.getForUpdate(tx.manager, id);
      assertCan(
        ability,
        'update',
        'Referral',
        referral && ruleFields(referral),
        'Referral not found',
      );
      const locked = referral as ReferralEntity;
      if (action === 'record_service') {
        assertCan(ability, 'create', 'ServiceRecord', { agencyId: locked.toAgencyId });
      }
      if (nextReferralStatus(locked.status, action) === null) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'status',
          'invalid_transition',
          `a ${locked.status} referral cannot take this step (${action})`,
        );
      }
      const agency = (await this.referrals.getAgencyRefs([locked.toAgencyId], tx.manager)).get(
        locked.toAgencyId,
      ) as AgencyRef;
      await apply(tx, locked, agency);
      await tx.audit({
        actor,
        caseId: locked.caseId,
        action: `referral.${action}`,
        subjectType: 'Referral',
        subjectId: locked.id,
        fields: ['status'],
        details: { status: locked.status },
      });
      return locked;
    });
    return this.views.inboxDetail(referral);
  }

  private async notifySender(
    m: EntityManager,
    referral: ReferralEntity,
    kind: string,
    params: Record<string, string>,
  ): Promise<void> {
    const survivorCode = await this.referrals.getSurvivorCode(m, referral.caseId);
    await this.lifecycle.notifySender(m, referral, kind, params, survivorCode);
  }

  /** A service is given on a real day: not in the future, not before the referral was sent. */
  private assertProvidedOn(providedOn: string, referral: ReferralEntity): void {
    const date = parseCalendarDate(providedOn);
    const today = parseCalendarDate(vietnamDate(this.clock.now()));
    const sent = parseCalendarDate(vietnamDate(referral.sentAt));
    if (!date || !today || !sent) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'providedOn',
        'invalid_date',
        'providedOn is not a real date',
      );
    }
    if (compareCalendarDates(date, today) > 0) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'providedOn',
        'in_future',
        'providedOn cannot be in the future',
      );
    }
    if (compareCalendarDates(date, sent) < 0) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'providedOn',
        'before_referral',
        'providedOn cannot be before the referral was sent',
      );
    }
  }
}

function ruleFields(r: ReferralEntity): Record<string, unknown> {
  return { id: r.id, toAgencyId: r.toAgencyId, status: r.status };
}
