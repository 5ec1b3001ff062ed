import { HttpStatus, Injectable } from '@nestjs/common';
import type { AppAbility } from '@caunoi/shared/authz';
import { subjectOf } from '@caunoi/shared/authz';
import type { CallView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { normalisePhone } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { accessibleWhere } from '../authz/accessible-where';
import { assertCan } from '../authz/instance-checks';
import { BlindIndexer } from '../crypto/blind-indexer';
import { FieldCipher } from '../crypto/field-cipher';
import { IntakeRepository } from '../intake/intake.repository';
import type { CallEntity } from './call.entity';
import type { CallCaseInfo, NewCall } from './calls.repository';
import { CALL_RULE_COLUMNS, CallsRepository } from './calls.repository';
import type { CallListQueryDto, CreateCallDto, UpdateCallDto } from './dto/call.dto';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/** The columns a call's form decides (the rest: who, which line, the caller digest, the hand-over). */
type CallFacts = Omit<
  NewCall,
  | 'agencyId'
  | 'lineId'
  | 'operatorUserId'
  | 'callerPhoneBidx'
  | 'callerPhoneBidxKey'
  | 'handedOverAt'
  | 'handedToAgencyId'
>;

// A few minutes of clock skew between an operator's browser and the server is not "in the future".
const CLOCK_SKEW_MS = 5 * 60 * 1000;

@Injectable()
export class CallsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly calls: CallsRepository,
    private readonly intake: IntakeRepository,
    private readonly agencies: AgenciesRepository,
    private readonly units: AdministrativeUnitLookup,
    private readonly cipher: FieldCipher,
    private readonly blind: BlindIndexer,
    private readonly clock: Clock,
  ) {}

  async create({ user: actor, ability }: Caller, dto: CreateCallDto): Promise<CallView> {
    const line = await this.calls.getLine(dto.lineId);
    if (
      !line ||
      !line.active ||
      !ability.can('read', subjectOf('HotlineLine', { agencyId: line.agencyId }))
    ) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'lineId',
        'not_found',
        'lineId is not one of your hotline lines',
      );
    }
    let callerPhoneBidx: Buffer | null = null;
    let previousBidx: Buffer | null = null;
    if (dto.callerPhone) {
      const phone = normalisePhone(dto.callerPhone);
      if (!phone)
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'callerPhone',
          'invalid_phone',
          'callerPhone is not a valid phone number',
        );
      callerPhoneBidx = this.blind.digest('phone', phone);
      previousBidx = this.blind.previousDigest('phone', phone);
    }
    const facts = await this.facts(dto);
    const saved = await this.work.run(async (tx) => {
      const call = await this.calls.insert(tx.manager, {
        ...facts,
        agencyId: line.agencyId,
        lineId: line.id,
        operatorUserId: actor.id,
        callerPhoneBidx,
        callerPhoneBidxKey: callerPhoneBidx ? this.blind.keyId : null,
        handedOverAt: null,
        handedToAgencyId: null,
      });
      // The number itself is never stored, so `cli reindex` cannot redo a call's digest: while the
      // key changes, the hotline's earlier calls from this number take the new digest now.
      if (callerPhoneBidx && previousBidx) {
        await this.calls.moveCallerDigest(
          tx.manager,
          line.agencyId,
          previousBidx,
          callerPhoneBidx,
          this.blind.keyId,
        );
      }
      await tx.audit({
        actor,
        action: 'call.create',
        subjectType: 'Call',
        subjectId: call.id,
        fields: Object.keys(dto).filter((k) => k !== 'callerPhone'),
      });
      return call;
    });
    return this.view(saved);
  }

  async list({ user: actor, ability }: Caller, query: CallListQueryDto): Promise<Page<CallView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { startedAt: 'instant', id: 'uuid' });
    const rows = await this.calls.getPage(
      accessibleWhere(ability, 'read', 'Call', CALL_RULE_COLUMNS),
      after,
      limit + 1,
    );
    const page = keysetPage(rows, limit, (last) => ({
      startedAt: last.startedAt.toISOString(),
      id: last.id,
    }));
    const items = page.items;
    await this.work.audit(
      ...items.map((call) => ({
        actor,
        action: 'call.read',
        subjectType: 'Call',
        subjectId: call.id,
        details: { via: 'list' },
      })),
    );
    return {
      items: await this.views(items),
      nextCursor: page.nextCursor,
    };
  }

  async get({ user: actor, ability }: Caller, id: string): Promise<CallView> {
    const call = await this.load(ability, id, 'read');
    await this.work.audit({ actor, action: 'call.read', subjectType: 'Call', subjectId: id });
    return this.view(call);
  }

  /** Corrections are allowed until the hand-over; from then on the case owns the story. */
  async update(
    { user: actor, ability }: Caller,
    id: string,
    dto: UpdateCallDto,
  ): Promise<CallView> {
    const saved = await this.work.run(async (tx) => {
      await this.calls.lock(tx.manager, id);
      const call = await this.load(ability, id, 'update');
      if (call.handedOverAt) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'id',
          'already_handed_over',
          'a handed-over call can no longer be changed',
        );
      }
      const merged = { ...this.asInput(call), ...dto };
      Object.assign(call, await this.facts(merged));
      const result = await this.calls.save(tx.manager, call);
      await tx.audit({
        actor,
        action: 'call.update',
        subjectType: 'Call',
        subjectId: id,
        fields: Object.keys(dto),
      });
      return result;
    });
    return this.view(saved);
  }

  /** Hands the call to a social-work centre: an item appears in that centre's intake queue. */
  async handOver(
    { user: actor, ability }: Caller,
    id: string,
    agencyId: string,
  ): Promise<CallView> {
    const centre = await this.agencies.getById(agencyId);
    if (!centre || !centre.active || centre.type !== 'social_work_centre') {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'agencyId',
        'not_social_work_centre',
        'agencyId must be an active social-work centre',
      );
    }
    const saved = await this.work.run(async (tx) => {
      await this.calls.lock(tx.manager, id);
      const call = await this.load(ability, id, 'update');
      if (call.handedOverAt) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'id',
          'already_handed_over',
          'this call was already handed over',
        );
      }
      const now = this.clock.now();
      call.handedOverAt = now;
      call.handedToAgencyId = centre.id;
      call.outcome = 'handed_to_centre';
      const result = await this.calls.save(tx.manager, call);
      const item = await this.intake.insert(tx.manager, {
        agencyId: centre.id,
        source: 'call',
        callId: id,
        communityReferralId: null,
        status: 'pending',
        caseId: null,
        receivedAt: now,
      });
      await tx.audit({
        actor,
        action: 'call.hand_over',
        subjectType: 'Call',
        subjectId: id,
        details: { intakeItemId: item.id, agencyId: centre.id },
      });
      return result;
    });
    return this.view(saved);
  }

  private async load(
    ability: AppAbility,
    id: string,
    action: 'read' | 'update',
  ): Promise<CallEntity> {
    const call = await this.calls.getById(id);
    assertCan(
      ability,
      action,
      'Call',
      call ? { id: call.id, agencyId: call.agencyId } : null,
      'Call not found',
    );
    return call as CallEntity;
  }

  private async view(call: CallEntity): Promise<CallView> {
    const [view] = await this.views([call]);
    return view as CallView;
  }

  /** Three queries for any number of calls: repeat callers, line numbers, and the case each became. */
  private async views(calls: CallEntity[]): Promise<CallView[]> {
    const [repeats, cases, numbers] = await Promise.all([
      this.calls.getRepeatCalls(calls),
      this.calls.getCaseInfo(calls.map((c) => c.id)),
      this.calls.getLineNumbers(calls.map((c) => c.lineId)),
    ]);
    return calls.map((c) =>
      this.toView(c, numbers.get(c.lineId) ?? '', repeats.get(c.id) ?? [], cases.get(c.id) ?? null),
    );
  }

  private toView(
    call: CallEntity,
    lineNumber: string,
    repeatCallerCallIds: string[],
    caseInfo: CallCaseInfo | null,
  ): CallView {
    return {
      id: call.id,
      lineId: call.lineId,
      lineNumber,
      channel: call.channel,
      startedAt: call.startedAt.toISOString(),
      endedAt: call.endedAt?.toISOString() ?? null,
      callerType: call.callerType,
      survivorSex: call.survivorSex,
      survivorAgeGroup: call.survivorAgeGroup,
      communeCode: call.communeCode,
      gbvTypeHint: call.gbvTypeHint,
      childInvolved: call.childInvolved,
      dangerNow: call.dangerNow,
      crimeSigns: call.crimeSigns,
      chairmanNotifiedAt: call.chairmanNotifiedAt?.toISOString() ?? null,
      chairmanNotificationMeans: call.chairmanNotificationMeans,
      outcome: call.outcome,
      // After hand-over the operator keeps the coded facts, not the story.
      notes: call.handedOverAt ? null : this.cipher.decryptOptional(call.notesEnc),
      operatorUserId: call.operatorUserId,
      repeatCallerCallIds,
      handedOverAt: call.handedOverAt?.toISOString() ?? null,
      handedToAgencyId: call.handedToAgencyId,
      caseCode: caseInfo?.caseCode ?? null,
      caseStage: caseInfo?.caseStage ?? null,
      createdAt: call.createdAt.toISOString(),
    };
  }

  private asInput(call: CallEntity): Omit<CreateCallDto, 'lineId' | 'callerPhone'> {
    return {
      channel: call.channel,
      startedAt: call.startedAt.toISOString(),
      endedAt: call.endedAt?.toISOString() ?? null,
      callerType: call.callerType,
      survivorSex: call.survivorSex,
      survivorAgeGroup: call.survivorAgeGroup,
      communeCode: call.communeCode,
      gbvTypeHint: call.gbvTypeHint,
      childInvolved: call.childInvolved,
      dangerNow: call.dangerNow,
      crimeSigns: call.crimeSigns,
      chairmanNotifiedAt: call.chairmanNotifiedAt?.toISOString() ?? null,
      chairmanNotificationMeans: call.chairmanNotificationMeans,
      outcome: call.outcome,
      notes: call.notesEnc ? this.cipher.decrypt(call.notesEnc) : null,
    };
  }

  /** Cross-field rules of a call, and the columns they produce. */
  private async facts(dto: Omit<CreateCallDto, 'lineId' | 'callerPhone'>): Promise<CallFacts> {
    const now = this.clock.now().getTime() + CLOCK_SKEW_MS;
    const startedAt = new Date(dto.startedAt);
    const endedAt = dto.endedAt ? new Date(dto.endedAt) : null;
    if (startedAt.getTime() > now)
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'startedAt',
        'in_future',
        'startedAt cannot be in the future',
      );
    if (endedAt && endedAt < startedAt)
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'endedAt',
        'before_started',
        'endedAt cannot be before startedAt',
      );
    const notifiedAt = dto.chairmanNotifiedAt ? new Date(dto.chairmanNotifiedAt) : null;
    if (notifiedAt && !dto.chairmanNotificationMeans) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'chairmanNotificationMeans',
        'required_with_notification',
        'say how the commune chairman was notified',
      );
    }
    if (!notifiedAt && dto.chairmanNotificationMeans) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'chairmanNotifiedAt',
        'required_with_notification',
        'say when the commune chairman was notified',
      );
    }
    if (notifiedAt && notifiedAt.getTime() > now) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'chairmanNotifiedAt',
        'in_future',
        'chairmanNotifiedAt cannot be in the future',
      );
    }
    if (dto.communeCode) await this.units.requireCommune(dto.communeCode, 'communeCode');
    return {
      channel: dto.channel,
      startedAt,
      endedAt,
      callerType: dto.callerType,
      survivorSex: dto.survivorSex ?? null,
      survivorAgeGroup: dto.survivorAgeGroup ?? null,
      communeCode: dto.communeCode ?? null,
      gbvTypeHint: dto.gbvTypeHint ?? null,
      childInvolved: dto.childInvolved,
      dangerNow: dto.dangerNow,
      crimeSigns: dto.crimeSigns,
      chairmanNotifiedAt: notifiedAt,
      chairmanNotificationMeans: dto.chairmanNotificationMeans ?? null,
      outcome: dto.outcome ?? null,
      notesEnc: this.cipher.encryptOptional(dto.notes),
    };
  }
}
