import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { CommunityReferralStatusView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { fieldError } from '../../common/api-errors';
import { sqlStateOf } from '../../common/database-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { FieldCipher } from '../crypto/field-cipher';
import { IntakeRepository } from '../intake/intake.repository';
import type {
  CommunityReferralListQueryDto,
  CreateCommunityReferralDto,
} from './community-referral.dto';
import { mapCommunityReferralStatus } from './community-referral.dto';
import { CommunityReferralStatusChanges } from './community-referral-status';
import {
  COMMUNITY_REFERRAL_RULE_COLUMNS,
  CommunityReferralsRepository,
} from './community-referrals.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

@Injectable()
export class CommunityReferralsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly referrals: CommunityReferralsRepository,
    private readonly intake: IntakeRepository,
    private readonly units: AdministrativeUnitLookup,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly status: CommunityReferralStatusChanges,
  ) {}

  /**
   * Lands in the intake queue of the centre covering the commune. A phone that retries a submission
   * (queued offline, or the answer lost on the way back) sends the same key: the volunteer gets the
   * first referral back, `replayed`, and nothing new is written. Keys are per volunteer (decision 0025).
   */
  async submit(actor: AuthenticatedUser, dto: CreateCommunityReferralDto): Promise<SubmitResult> {
    const earlier = await this.earlierWithKey(actor, dto.idempotencyKey);
    if (earlier) return earlier;
    try {
      return { referral: await this.create(actor, dto), replayed: false };
    } catch (error) {
      // Two retries of one submission raced: the loser answers with the winner's referral.
      const raced =
        sqlStateOf(error) === '23505' ? await this.earlierWithKey(actor, dto.idempotencyKey) : null;
      if (raced) return raced;
      throw error;
    }
  }

  private async earlierWithKey(
    actor: AuthenticatedUser,
    key: string | undefined,
  ): Promise<SubmitResult | null> {
    if (!key) return null;
    const found = await this.referrals.findBySubmitterKey(actor.id, key);
    return found ? { referral: mapCommunityReferralStatus(found), replayed: true } : null;
  }

  private async create(
    actor: AuthenticatedUser,
    dto: CreateCommunityReferralDto,
  ): Promise<CommunityReferralStatusView> {
    const commune = await this.units.requireCommune(dto.communeCode, 'communeCode');
    const centre = await this.referrals.findCentreCovering(commune.code, commune.parentCode ?? '');
    if (!centre) {
      throw fieldError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'communeCode',
        'no_centre_covers_commune',
        'no social-work centre covers this commune yet',
      );
    }
    const saved = await this.work.run(async (tx) => {
      let reference = newReference();
      while (await this.referrals.isReferenceTaken(tx.manager, reference))
        reference = newReference();
      const referral = await this.referrals.insert(tx.manager, {
        reference,
        submittedByUserId: actor.id,
        submittedByAgencyId: actor.agencyId,
        targetAgencyId: centre.id,
        survivorNameEnc: this.cipher.encrypt(dto.survivorName),
        safeContactMethod: dto.safeContactMethod,
        safeContactDetailsEnc: this.cipher.encrypt(dto.safeContactDetails),
        communeCode: dto.communeCode,
        whatHappenedEnc: this.cipher.encrypt(dto.whatHappened),
        dangerNow: dto.dangerNow,
        childInvolved: dto.childInvolved,
        consentToContact: dto.consentToContact,
        idempotencyKey: dto.idempotencyKey ?? null,
        status: 'received',
      });
      await this.intake.insert(tx.manager, {
        agencyId: centre.id,
        source: 'community_referral',
        callId: null,
        communityReferralId: referral.id,
        status: 'pending',
        caseId: null,
        receivedAt: this.clock.now(),
      });
      await tx.audit({
        actor,
        action: 'community_referral.create',
        subjectType: 'CommunityReferral',
        subjectId: referral.id,
        fields: Object.keys(dto).filter((f) => f !== 'idempotencyKey'),
        details: { targetAgencyId: centre.id },
      });
      await this.status.received(tx.manager, referral);
      return referral;
    });
    return mapCommunityReferralStatus(saved);
  }

  async mine(
    { user: actor, ability }: Caller,
    query: CommunityReferralListQueryDto,
  ): Promise<Page<CommunityReferralStatusView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { createdAt: 'instant', id: 'uuid' });
    const rows = await this.referrals.getPage(
      accessibleWhere(ability, 'read', 'CommunityReferral', COMMUNITY_REFERRAL_RULE_COLUMNS),
      after,
      limit + 1,
    );
    const page = keysetPage(rows, limit, (last) => ({
      createdAt: last.createdAt.toISOString(),
      id: last.id,
    }));
    const items = page.items;
    await this.work.audit({
      actor,
      action: 'community_referral.list_status',
      subjectType: 'CommunityReferral',
      fields: ['status'],
      details: { count: items.length },
    });
    return {
      items: items.map(mapCommunityReferralStatus),
      nextCursor: page.nextCursor,
    };
  }
}

export interface SubmitResult {
  referral: CommunityReferralStatusView;
  /** The same volunteer sent this key before: this is that referral, and nothing new was made. */
  replayed: boolean;
}

/** A short reference without personal data, e.g. CR-7F3A2C. */
function newReference(): string {
  return `CR-${randomBytes(3).toString('hex').toUpperCase()}`;
}
