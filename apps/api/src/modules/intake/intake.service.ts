import { HttpStatus, Injectable } from '@nestjs/common';
import type { AppAbility } from '@caunoi/shared/authz';
import { subjectOf } from '@caunoi/shared/authz';
import type { CaseDetailView, IntakeItemView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { isChildEmergencyCall } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { accessibleWhere } from '../authz/accessible-where';
import { assertCan } from '../authz/instance-checks';
import { CasesRepository } from '../cases/cases.repository';
import { CaseOpeningService } from '../cases/case-opening.service';
import type { OpenCaseDto } from '../cases/dto/open-case.dto';
import { CommunityReferralStatusChanges } from '../community-referrals/community-referral-status';
import { FieldCipher } from '../crypto/field-cipher';
import type { DismissIntakeItemDto, IntakeListQueryDto } from './intake.dto';
import type { IntakeItemWithSource } from './intake.repository';
import { INTAKE_RULE_COLUMNS, IntakeRepository } from './intake.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

@Injectable()
export class IntakeService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly intake: IntakeRepository,
    private readonly communityReferrals: CommunityReferralStatusChanges,
    private readonly opening: CaseOpeningService,
    private readonly caseRecords: CasesRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * The centre's queue; reading it reads each call or referral, so each is audited. Once a case is opened
   * from an item, the call notes, name and contact details belong to that case: only its readers see them
   * here (a colleague who gets 404 on the case must not read it through the queue).
   */
  async list(
    { user: actor, ability }: Caller,
    query: IntakeListQueryDto,
  ): Promise<Page<IntakeItemView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { receivedAt: 'instant', id: 'uuid' });
    const rows = await this.intake.getPage(
      accessibleWhere(ability, 'read', 'IntakeItem', INTAKE_RULE_COLUMNS),
      query.status ?? 'pending',
      after,
      limit + 1,
    );
    const page = keysetPage(rows, limit, (row) => ({
      receivedAt: row.item.receivedAt.toISOString(),
      id: row.item.id,
    }));
    const items = page.items;
    const withheld = await this.itemsWithWithheldDetails(ability, items);
    const shown = items.filter(({ item }) => !withheld.has(item.id));
    await this.work.audit(
      ...shown.map(({ item, call, communityReferral }) => ({
        actor,
        caseId: item.caseId,
        action: call ? 'call.read' : 'community_referral.read',
        subjectType: call ? 'Call' : 'CommunityReferral',
        subjectId: call?.id ?? communityReferral?.id ?? null,
        details: { via: 'intake_queue', intakeItemId: item.id },
      })),
    );
    return {
      items: items.map((row) =>
        withheld.has(row.item.id) ? this.toWithheldView(row) : this.toView(row),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** Opens a case from a pending item; the item, and a community referral's status, follow. */
  async openCase(
    { user: actor, ability }: Caller,
    id: string,
    dto: OpenCaseDto,
  ): Promise<CaseDetailView> {
    const found = await this.intake.getWithSource(id);
    assertCan(
      ability,
      'read',
      'IntakeItem',
      found ? { id, agencyId: found.item.agencyId } : null,
      'Intake item not found',
    );
    const { item, call, communityReferral } = found as IntakeItemWithSource;
    if (dto.referredByAgency) {
      // An intake item's source is its call or community referral, never another agency.
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'referredByAgency',
        'invalid_value',
        'referredByAgency applies to walk-ins only',
      );
    }
    if (item.status !== 'pending') {
      throw fieldError(
        HttpStatus.CONFLICT,
        'id',
        'already_opened',
        'a case was already opened from this intake item',
      );
    }
    return this.opening.open({ user: actor, ability }, dto, {
      source: item.source,
      intakeItemId: item.id,
      agencyId: item.agencyId,
      childFlagged: call?.childInvolved ?? communityReferral?.childInvolved ?? false,
      ...(call && isChildEmergencyCall(call)
        ? {
            childEmergencyCall: {
              callId: call.id,
              startedAt: call.startedAt,
              survivorAgeGroup: call.survivorAgeGroup,
            },
          }
        : {}),
      onOpened: async (m, caseId) => {
        // Re-check under a row lock: two caseworkers must not open two cases from one item.
        const locked = await this.intake.lock(m, item.id);
        if (!locked || locked.status !== 'pending') {
          throw fieldError(
            HttpStatus.CONFLICT,
            'id',
            'already_opened',
            'a case was already opened from this intake item',
          );
        }
        await this.intake.markOpened(m, item.id, caseId);
        if (communityReferral) await this.communityReferrals.accepted(m, communityReferral.id);
      },
    });
  }

  /**
   * Takes a pending item off the queue without a case (a duplicate, not gender-based violence, a
   * test, or another reason said in the note): who, when and why are kept and audited; the note is
   * encrypted. A community referral's volunteer sees it closed. Another centre's item is a 404.
   */
  async dismiss(
    { user: actor, ability }: Caller,
    id: string,
    dto: DismissIntakeItemDto,
  ): Promise<IntakeItemView> {
    const note = dto.note?.trim() || null;
    await this.work.run(async (tx) => {
      const m = tx.manager;
      const item = await this.intake.lock(m, id);
      assertCan(
        ability,
        'update',
        'IntakeItem',
        item ? { id, agencyId: item.agencyId } : null,
        'Intake item not found',
      );
      if (item?.status !== 'pending') {
        throw fieldError(
          HttpStatus.CONFLICT,
          'id',
          'intake_not_pending',
          'this intake item was already opened as a case or dismissed',
        );
      }
      await this.intake.markDismissed(m, id, {
        at: this.clock.now(),
        byUserId: actor.id,
        reason: dto.reason,
        noteEnc: note ? this.cipher.encrypt(note) : null,
      });
      if (item.communityReferralId) await this.communityReferrals.closedForIntakeItem(m, id);
      await tx.audit({
        actor,
        caseId: null,
        action: 'intake_item.dismiss',
        subjectType: 'IntakeItem',
        subjectId: id,
        fields: note ? ['note'] : [],
        details: { reason: dto.reason, source: item.source },
      });
    });
    const dismissed = (await this.intake.getWithSource(id)) as IntakeItemWithSource;
    return this.toWithheldView(dismissed);
  }

  /** Ids of opened items whose case the caller may not read. */
  private async itemsWithWithheldDetails(
    ability: AppAbility,
    items: IntakeItemWithSource[],
  ): Promise<Set<string>> {
    const caseIds = items.flatMap(({ item }) => (item.caseId ? [item.caseId] : []));
    const readable = new Set(
      (await this.caseRecords.getAccessFields(caseIds))
        .filter((c) => ability.can('read', subjectOf('Case', c)))
        .map((c) => c.id),
    );
    return new Set(
      items
        .filter(({ item }) => item.caseId !== null && !readable.has(item.caseId))
        .map(({ item }) => item.id),
    );
  }

  /** What any reader of the queue may see of an item: where, when and the flags, nothing that identifies. */
  private toWithheldView(row: IntakeItemWithSource): IntakeItemView {
    return {
      ...this.facts(row),
      summary: null,
      safeContactMethod: null,
      safeContactDetails: null,
      survivorName: null,
      caseId: null,
      detailsWithheld: true,
    };
  }

  private toView(row: IntakeItemWithSource): IntakeItemView {
    const { item, call, communityReferral: r } = row;
    return {
      ...this.facts(row),
      summary: call
        ? this.cipher.decryptOptional(call.notesEnc)
        : r
          ? this.cipher.decrypt(r.whatHappenedEnc)
          : null,
      safeContactMethod: r?.safeContactMethod ?? null,
      safeContactDetails: r ? this.cipher.decrypt(r.safeContactDetailsEnc) : null,
      survivorName: r ? this.cipher.decrypt(r.survivorNameEnc) : null,
      caseId: item.caseId,
      detailsWithheld: false,
    };
  }

  private facts({ item, call, communityReferral: r }: IntakeItemWithSource) {
    return {
      id: item.id,
      source: item.source,
      status: item.status,
      receivedAt: item.receivedAt.toISOString(),
      communeCode: call?.communeCode ?? r?.communeCode ?? null,
      dangerNow: call?.dangerNow ?? r?.dangerNow ?? false,
      childInvolved: call?.childInvolved ?? r?.childInvolved ?? false,
      channel: call?.channel ?? null,
      callerType: call?.callerType ?? null,
      survivorSex: call?.survivorSex ?? null,
      survivorAgeGroup: call?.survivorAgeGroup ?? null,
      consentToContact: r?.consentToContact ?? null,
      dismissalReason: item.dismissalReason,
    };
  }
}
