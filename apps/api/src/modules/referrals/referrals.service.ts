import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  CaseReferralView,
  FieldError,
  ReferralSuggestionView,
} from '@caunoi/shared/contracts';
import type { DataCategory, ReferralUrgency, ServiceType } from '@caunoi/shared/domain';
import {
  REFERRAL_TARGET_TYPES,
  consentCoverage,
  currentConsents,
  isReferralTargetType,
  nextReferralStatus,
  responseHours,
  suggestAgency,
} from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { vietnamDate } from '../../common/vietnam-date';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AgenciesService } from '../agencies/agencies.service';
import type { AgencyEntity } from '../agencies/agency.entity';
import { mapAgency } from '../agencies/dto/agency.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CaseAccess } from '../cases/case-access';
import type { CaseWithPeople } from '../cases/cases.repository';
import { CasesRepository } from '../cases/cases.repository';
import { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../../database/unit-of-work';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type {
  CreateReferralsDto,
  ReferralOverrideDto,
  RerouteReferralDto,
  WithdrawReferralDto,
} from './dto/referral.dto';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { ReferralLifecycle } from './referral-lifecycle';
import { ReferralPacketBuilder } from './referral-packet';
import { ReferralViews } from './referral-views';
import type { ReferralEntity } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/** What one referral needs once its batch has passed every check. */
interface ReferralPlan {
  agency: AgencyEntity;
  services: ServiceType[];
  urgency: ReferralUrgency;
  reason: string;
  packet: DataCategory[];
  override: ReferralOverrideDto | null;
  reroutedFromId: string | null;
}

/**
 * The sending side of a referral: refer a case to agencies (behind the consent gate), withdraw,
 * re-route, review an override, and the case's referrals with their timeline.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly referrals: ReferralsRepository,
    private readonly outbox: NotificationOutbox,
    private readonly lifecycle: ReferralLifecycle,
    private readonly views: ReferralViews,
    private readonly packets: ReferralPacketBuilder,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly agencies: AgenciesRepository,
    private readonly agencyDirectory: AgenciesService,
    private readonly deadlines: DeadlinesService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async listForCase({ user: actor, ability }: Caller, caseId: string): Promise<CaseReferralView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.referrals.getForCase(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'referral.list',
      subjectType: 'Referral',
      subjectId: null,
      details: { count: rows.length },
    });
    return this.views.forCase(rows);
  }

  /** Refers one case to one or more agencies: every referral passes the consent gate, or none is sent. */
  async create(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: CreateReferralsDto,
  ): Promise<CaseReferralView[]> {
    const created = await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const plans = await this.checkBatch(
        tx.manager,
        found,
        dto.referrals.map((r, i) => ({
          prefix: `referrals.${i}`,
          agencyId: r.agencyId,
          services: r.services,
          urgency: r.urgency,
          reason: r.reason.trim(),
          packet: r.packet,
          override: r.override ?? null,
          reroutedFromId: null,
        })),
      );
      return this.send(tx, actor, found, plans);
    });
    return this.views.forCase(created);
  }

  async withdraw(
    { user: actor, ability }: Caller,
    caseId: string,
    referralId: string,
    dto: WithdrawReferralDto,
  ): Promise<CaseReferralView> {
    const referral = await this.work.run(async (tx) => {
      await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const referral = await this.lockOfCase(tx.manager, caseId, referralId);
      assertTransition(referral, 'withdraw');
      if (dto.reason === 'other' && !dto.note?.trim()) {
        throw fieldError(HttpStatus.BAD_REQUEST, 'note', 'required_for_other', 'say why in a note');
      }
      await this.lifecycle.withdraw(tx, actor, referral, dto.reason, dto.note ?? null);
      return referral;
    });
    const [view] = await this.views.forCase([referral]);
    return view;
  }

  /**
   * Sends an unanswered or declined referral's request to another agency in one step: same services,
   * urgency, reason and packet, through the same consent gate. An unanswered one is withdrawn.
   */
  async reroute(
    { user: actor, ability }: Caller,
    caseId: string,
    referralId: string,
    dto: RerouteReferralDto,
  ): Promise<CaseReferralView> {
    const created = await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const old = await this.lockOfCase(tx.manager, caseId, referralId);
      assertTransition(old, 'reroute');
      if (dto.agencyId === old.toAgencyId) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'agencyId',
          'same_agency',
          'choose another agency than the one the referral went to',
        );
      }
      const plans = await this.checkBatch(tx.manager, found, [
        {
          prefix: '',
          agencyId: dto.agencyId,
          services: old.services,
          urgency: old.urgency,
          reason: this.cipher.decrypt(old.reasonEnc),
          packet: old.packet,
          override: dto.override ?? null,
          reroutedFromId: old.id,
        },
      ]);
      if (old.status === 'sent') {
        await this.lifecycle.withdraw(tx, actor, old, 'rerouted', null);
      }
      const sent = await this.send(tx, actor, found, plans);
      await this.lifecycle.recordEvent(tx.manager, old, 'rerouted', actor, sent[0].code);
      return sent;
    });
    const [view] = await this.views.forCase(created);
    return view;
  }

  /** A supervisor records having reviewed a referral sent without consent (DOMAIN.md §6.2). */
  async reviewOverride(
    { user: actor, ability }: Caller,
    caseId: string,
    referralId: string,
  ): Promise<CaseReferralView> {
    const referral = await this.work.run(async (tx) => {
      await this.access.loadForUpdate(tx.manager, ability, caseId, 'approve');
      const referral = await this.lockOfCase(tx.manager, caseId, referralId);
      if (!referral.overrideReason || referral.overrideReviewedAt) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'referralId',
          referral.overrideReason ? 'already_reviewed' : 'no_override',
          referral.overrideReason
            ? 'this override was already reviewed'
            : 'this referral was sent with consent; there is no override to review',
        );
      }
      const now = this.clock.now();
      await this.referrals.update(tx.manager, referral.id, {
        overrideReviewedAt: now,
        overrideReviewedByUserId: actor.id,
      });
      Object.assign(referral, { overrideReviewedAt: now, overrideReviewedByUserId: actor.id });
      await this.lifecycle.recordEvent(
        tx.manager,
        referral,
        'override_reviewed',
        actor,
        referral.overrideReason,
      );
      await tx.audit({
        actor,
        caseId,
        action: 'referral.review_override',
        subjectType: 'Referral',
        subjectId: referral.id,
      });
      return referral;
    });
    const [view] = await this.views.forCase([referral]);
    return view;
  }

  /** For each agency type that can receive referrals, the directory's best match for the survivor's commune. */
  async suggestions(
    { user: actor, ability }: Caller,
    caseId: string,
  ): Promise<ReferralSuggestionView[]> {
    const found = await this.access.load(ability, caseId, 'read');
    const communeCode = await this.survivorCommune(found);
    // Where the survivor is decides the suggestions: a read of the case, audited.
    await this.work.audit({
      actor,
      action: 'case.read',
      subjectType: 'Case',
      subjectId: caseId,
      caseId,
      fields: ['communeCode'],
      details: { via: 'referral_suggestions' },
    });
    const centre = await this.agencies.getById(found.agencyId);
    const provinceCode = centre?.provinceCode ?? '';
    const candidates = (
      await this.agencyDirectory.referralCandidates(REFERRAL_TARGET_TYPES, provinceCode)
    ).filter((a) => a.id !== found.agencyId);
    return REFERRAL_TARGET_TYPES.map((type) => {
      const agency = suggestAgency(candidates, type, communeCode, provinceCode);
      return { agencyType: type, agency: agency ? mapAgency(agency) : null };
    });
  }

  /** The commune the survivor is in: the case's, else the latest incident's. */
  private async survivorCommune(found: CaseWithPeople): Promise<string | null> {
    if (found.communeCode) return found.communeCode;
    const incidents = await this.cases.getIncidents(found.id);
    return incidents.at(-1)?.communeCode ?? null;
  }

  private async lockOfCase(
    m: EntityManager,
    caseId: string,
    referralId: string,
  ): Promise<ReferralEntity> {
    const referral = await this.referrals.getForUpdate(m, referralId);
    if (!referral || referral.caseId !== caseId) throw new NotFoundException('Referral not found');
    return referral;
  }

  /**
   * Checks a whole batch and answers with every problem at once: each agency must be able to take
   * the referral, and consent must cover its type and every packet category, unless overridden.
   */
  private async checkBatch(
    m: EntityManager,
    found: CaseWithPeople,
    items: (Omit<ReferralPlan, 'agency'> & { prefix: string; agencyId: string })[],
  ): Promise<ReferralPlan[]> {
    // An expired consent covers nothing, like a missing one: it must be renewed with the survivor.
    const consents = currentConsents(
      await this.cases.getConsents(found.id, m),
      vietnamDate(this.clock.now()),
    );
    const open = await this.referrals.getOpenForCaseForUpdate(m, found.id);
    const badRequest: FieldError[] = [];
    const conflict: FieldError[] = [];
    const field = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);
    const seen = new Set<string>();
    const plans: ReferralPlan[] = [];
    const agencies = new Map(
      (await this.agencies.getByIds(items.map((i) => i.agencyId))).map((a) => [a.id, a]),
    );
    for (const item of items) {
      const agency = agencies.get(item.agencyId);
      const agencyField = field(item.prefix, 'agencyId');
      if (
        !agency ||
        !agency.active ||
        !agency.acceptingReferrals ||
        !isReferralTargetType(agency.type) ||
        agency.id === found.agencyId
      ) {
        badRequest.push({
          field: agencyField,
          code: 'not_referable',
          message:
            'this agency cannot take referrals (inactive, not accepting, or your own centre)',
        });
        continue;
      }
      if (seen.has(agency.id)) {
        badRequest.push({
          field: agencyField,
          code: 'duplicate_agency',
          message: 'the same agency is chosen twice',
        });
        continue;
      }
      seen.add(agency.id);
      if (open.some((r) => r.toAgencyId === agency.id)) {
        conflict.push({
          field: agencyField,
          code: 'already_referred',
          message: 'this case already has an open referral to this agency',
        });
        continue;
      }
      const coverage = consentCoverage(consents, agency.type, item.packet);
      if (coverage.covered && item.override) {
        badRequest.push({
          field: field(item.prefix, 'override'),
          code: 'override_not_needed',
          message:
            'consent covers this referral; an override is only for referrals consent does not cover',
        });
        continue;
      }
      if (!coverage.covered && !item.override) {
        conflict.push(
          coverage.agencyTypeConsented
            ? {
                field: field(item.prefix, 'packet'),
                code: 'consent_missing',
                message: `no valid consent covers sharing ${coverage.missing.join(', ')} with ${agency.type}`,
              }
            : {
                field: agencyField,
                code: 'no_consent_for_agency_type',
                message: `no valid information-sharing consent names ${agency.type}`,
              },
        );
        continue;
      }
      plans.push({ ...item, agency });
    }
    if (badRequest.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, badRequest);
    if (conflict.length > 0) {
      throw new FieldErrorException(
        HttpStatus.CONFLICT,
        conflict,
        'Consent does not cover this referral',
      );
    }
    return plans;
  }

  /** Writes the checked referrals, their packets, clocks, timeline, notifications and audit rows. */
  private async send(
    tx: Tx,
    actor: AuthenticatedUser,
    found: CaseWithPeople,
    plans: ReferralPlan[],
  ): Promise<ReferralEntity[]> {
    const m = tx.manager;
    const incidents = await this.cases.getIncidents(found.id, m);
    const settings = await this.referrals.getResponseTimes(m);
    const now = this.clock.now();
    const year = vietnamDate(now).slice(0, 4);
    const created: ReferralEntity[] = [];
    for (const plan of plans) {
      const hours = responseHours(settings, plan.agency.type, plan.urgency);
      const number = await this.referrals.nextCodeNumber(m);
      // The id is chosen here so the clock starts first and the referral stores its due instant.
      const id = randomUUID();
      const clock = await this.deadlines.startReferralResponseClock(
        tx,
        { id, caseId: found.id, fromAgencyId: found.agencyId, sentAt: now },
        hours,
      );
      const referral = await this.referrals.insert(m, {
        id,
        code: `CG-${year}-${String(number).padStart(6, '0')}`,
        caseId: found.id,
        fromAgencyId: found.agencyId,
        toAgencyId: plan.agency.id,
        referredByUserId: actor.id,
        services: plan.services,
        urgency: plan.urgency,
        reasonEnc: this.cipher.encrypt(plan.reason),
        packet: plan.packet,
        packetEnc: this.packets.encrypt(await this.packets.build(m, found, incidents, plan.packet)),
        status: 'sent',
        sentAt: now,
        respondBy: clock.dueAt,
        overrideReason: plan.override?.reason ?? null,
        overrideJustificationEnc: plan.override
          ? this.cipher.encrypt(plan.override.justification.trim())
          : null,
        reroutedFromId: plan.reroutedFromId,
      });
      await this.lifecycle.recordEvent(m, referral, 'sent', actor, plan.override?.reason ?? null);
      await this.lifecycle.notifyReceivers(m, referral, plan.agency.type, 'referral.received', {
        urgency: plan.urgency,
      });
      if (plan.override) {
        // Supervisors hear at once that data left without consent, and why (the code, not the text).
        const supervisors = await this.outbox.activeUsers(m, found.agencyId, ['supervisor']);
        await this.outbox.send(
          m,
          supervisors.filter((id) => id !== actor.id),
          'referral.override',
          found.id,
          {
            referralCode: referral.code,
            survivorCode: found.survivor.code,
            reason: plan.override.reason,
          },
          `/cases/${found.id}`,
        );
      }
      await tx.audit({
        actor,
        caseId: found.id,
        action: 'referral.create',
        subjectType: 'Referral',
        subjectId: referral.id,
        fields: [...plan.packet],
        details: {
          toAgencyType: plan.agency.type,
          urgency: plan.urgency,
          override: plan.override?.reason ?? null,
          reroutedFrom: plan.reroutedFromId,
        },
      });
      created.push(referral);
    }
    return created;
  }
}

function assertTransition(referral: ReferralEntity, action: 'withdraw' | 'reroute'): void {
  if (nextReferralStatus(referral.status, action) === null) {
    throw fieldError(
      HttpStatus.CONFLICT,
      'status',
      'invalid_transition',
      `a ${referral.status} referral cannot be ${action === 'withdraw' ? 'withdrawn' : 're-routed'}`,
    );
  }
}
