import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { CaseMeasureView } from '@caunoi/shared/contracts';
import {
  FIXED_DECIDING_BODY,
  recordedBy,
  requestNeedsConsent,
  suggestAgency,
} from '@caunoi/shared/domain';
import type { EntityManager } from 'typeorm';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AgenciesService } from '../agencies/agencies.service';
import type { Caller } from '../authz/caller';
import { CaseAccess } from '../cases/case-access';
import type { CaseWithPeople } from '../cases/cases.repository';
import { CasesRepository } from '../cases/cases.repository';
import { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { NotificationOutbox } from '../notifications/notification-outbox';
import type {
  DecideProtectiveMeasureDto,
  NoRenewalDto,
  RequestProtectiveMeasureDto,
  RevokeProtectiveMeasureDto,
} from './dto/protection.dto';
import { ProtectionLifecycle } from './protection-lifecycle';
import { ProtectionViews } from './protection-views';
import type { MeasureRow } from './protection.repository';
import { ProtectionRepository } from './protection.repository';

/**
 * The centre's side of protective measures, under the case: the measures with their history, a
 * request (a commune no-contact order goes to the committee covering the survivor's commune, with its
 * 12-hour clock), and the decisions others take that the centre records (a court's order).
 */
@Injectable()
export class ProtectionService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly measures: ProtectionRepository,
    private readonly lifecycle: ProtectionLifecycle,
    private readonly views: ProtectionViews,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly agencies: AgenciesRepository,
    private readonly directory: AgenciesService,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async listForCase({ user: actor, ability }: Caller, caseId: string): Promise<CaseMeasureView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.measures.getForCase(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'protective_measure.list',
      subjectType: 'ProtectiveMeasure',
      subjectId: null,
      details: { count: rows.length },
    });
    return this.views.forCase(rows);
  }

  async request(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: RequestProtectiveMeasureDto,
  ): Promise<CaseMeasureView> {
    if (requestNeedsConsent(dto.requestedBy) && !dto.victimConsent) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'victimConsent',
        'victim_consent_required',
        "an agency's request needs the victim's consent (Law 13/2022 Art. 25)",
      );
    }
    const fixed = FIXED_DECIDING_BODY[dto.type];
    if (fixed && dto.decidingBody && dto.decidingBody !== fixed) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'decidingBody',
        'fixed_by_law',
        `the law names the deciding body of this measure: ${fixed}`,
      );
    }
    const id = await this.work.run(async (tx) => {
      const m = tx.manager;
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      const now = this.clock.now();
      const routing =
        dto.type === 'no_contact_commune'
          ? await this.route(m, found)
          : { communeCode: null, decidingAgencyId: null, policeAgencyId: null };
      const measureId = await this.measures.insert(m, {
        caseId,
        agencyId: found.agencyId,
        type: dto.type,
        status: 'requested',
        requestedBy: dto.requestedBy,
        victimConsent: dto.victimConsent,
        requestedByUserId: actor.id,
        requestedAt: now,
        decidingBody: fixed ?? dto.decidingBody ?? 'other',
        ...routing,
        referringVolunteerId: await this.measures.referringVolunteer(m, caseId),
        groundsEnc: this.cipher.encrypt(dto.grounds.trim()),
      });
      const measure = { id: measureId, caseId, agencyId: found.agencyId };
      await this.measures.insertEvent(m, measure, 'requested', actor.id, now, { type: dto.type });
      await tx.audit({
        actor,
        caseId,
        action: 'protective_measure.request',
        subjectType: 'ProtectiveMeasure',
        subjectId: measureId,
        fields: ['type', 'requestedBy', 'victimConsent', 'grounds'],
        details: { type: dto.type },
      });
      if (dto.type === 'no_contact_commune' && routing.decidingAgencyId) {
        const { dueAt } = await this.deadlines.startNoContactDecisionClock(tx, {
          ...measure,
          requestedAt: now,
        });
        const row = await this.measures.getById(measureId, m);
        await this.outbox.send(
          m,
          await this.outbox.activeUsers(m, routing.decidingAgencyId, ['commune_officer']),
          'protection.requested',
          null,
          { measureCode: row?.code ?? null, dueAt: dueAt.toISOString() },
          `/protection/measures/${measureId}`,
        );
      }
      return measureId;
    });
    return this.viewOf(id);
  }

  /** The centre records the decision of a body outside the system (a court's order, a shelter's place). */
  async recordDecision(
    { user: actor, ability }: Caller,
    caseId: string,
    measureId: string,
    dto: DecideProtectiveMeasureDto,
  ): Promise<CaseMeasureView> {
    await this.work.run(async (tx) => {
      const measure = await this.outsideDecision(
        tx,
        ability,
        caseId,
        measureId,
        'records its own decision on',
      );
      await this.lifecycle.decide(tx, actor, measure, dto);
    });
    return this.viewOf(measureId);
  }

  /**
   * The centre records a revocation by the body that decided (a court's, a shelter's): a commune
   * order is revoked by its committee (409 here, like its decision).
   */
  async revoke(
    { user: actor, ability }: Caller,
    caseId: string,
    measureId: string,
    dto: RevokeProtectiveMeasureDto,
  ): Promise<CaseMeasureView> {
    await this.work.run(async (tx) => {
      const measure = await this.outsideDecision(tx, ability, caseId, measureId, 'revokes');
      await this.lifecycle.revoke(tx, actor, measure, dto);
    });
    return this.viewOf(measureId);
  }

  /**
   * The case's measure, locked, for the centre to record what a body outside the system decided:
   * 404 when it is not the case's, 409 on a commune order (its committee acts on it in the system).
   */
  private async outsideDecision(
    tx: Tx,
    ability: Caller['ability'],
    caseId: string,
    measureId: string,
    committeeDoes: string,
  ): Promise<MeasureRow> {
    await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
    const measure = await this.measures.getForUpdate(tx.manager, measureId);
    if (!measure || measure.caseId !== caseId) throw new NotFoundException('Measure not found');
    if (recordedBy(measure.type) === 'commune_committee') {
      throw fieldError(
        HttpStatus.CONFLICT,
        'type',
        'decided_by_commune_committee',
        `the commune committee ${committeeDoes} a commune no-contact order`,
      );
    }
    return measure;
  }

  /**
   * The answer to an order's expiry clock when neither a renewal nor a court order is needed: the
   * reason (encrypted) closes the clock as answered. 409 `no_open_expiry_clock` when none runs.
   */
  async noRenewal(
    { user: actor, ability }: Caller,
    caseId: string,
    measureId: string,
    dto: NoRenewalDto,
  ): Promise<CaseMeasureView> {
    await this.work.run(async (tx) => {
      const m = tx.manager;
      await this.access.loadForUpdate(m, ability, caseId, 'update');
      const measure = await this.measures.getForUpdate(m, measureId);
      if (!measure || measure.caseId !== caseId) throw new NotFoundException('Measure not found');
      const answered = await this.deadlines.answerMeasureExpiryClock(tx, measure.id);
      if (!answered) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'status',
          'no_open_expiry_clock',
          'no renewal question is open on this measure',
        );
      }
      const now = this.clock.now();
      await this.measures.recordNoRenewal(m, measure.id, {
        at: now,
        userId: actor.id,
        reasonEnc: this.cipher.encrypt(dto.reason.trim()),
      });
      await this.measures.insertEvent(m, measure, 'no_renewal', actor.id, now, {
        onTime: String(answered.onTime),
      });
      await tx.audit({
        actor,
        caseId,
        action: 'protective_measure.no_renewal',
        subjectType: 'ProtectiveMeasure',
        subjectId: measure.id,
        fields: ['reason'],
        details: { type: measure.type },
      });
    });
    return this.viewOf(measureId);
  }

  private async viewOf(id: string): Promise<CaseMeasureView> {
    const [view] = await this.views.forCase([(await this.measures.getById(id)) as MeasureRow]);
    return view;
  }

  /**
   * The commune committee and the commune police covering the survivor's commune (the case's, else
   * the latest incident's), from the service directory's coverage like a referral's suggestion.
   */
  private async route(
    m: EntityManager,
    found: CaseWithPeople,
  ): Promise<{ communeCode: string; decidingAgencyId: string; policeAgencyId: string | null }> {
    const communeCode =
      found.communeCode ?? (await this.cases.getIncidents(found.id, m)).at(-1)?.communeCode ?? null;
    if (!communeCode) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'communeCode',
        'commune_unknown',
        "record the survivor's commune (or the incident's) first: it decides which committee decides",
      );
    }
    const provinceCode = (await this.agencies.getById(found.agencyId))?.provinceCode ?? '';
    const candidates = await this.directory.referralCandidates(
      ['commune_committee', 'police'],
      provinceCode,
    );
    const pick = (type: 'commune_committee' | 'police') =>
      suggestAgency(candidates, type, communeCode, provinceCode, { acceptingOnly: false });
    const committee = pick('commune_committee');
    if (!committee) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'type',
        'no_commune_committee',
        'no commune committee in the directory covers this commune: an admin must add its coverage',
      );
    }
    return {
      communeCode,
      decidingAgencyId: committee.id,
      policeAgencyId: pick('police')?.id ?? null,
    };
  }
}
