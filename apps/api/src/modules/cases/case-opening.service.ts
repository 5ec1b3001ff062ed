import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseDetailView } from '@caunoi/shared/contracts';
import type { AgeGroup, CaseSource } from '@caunoi/shared/domain';
import {
  ageGroupOf,
  formatSurvivorCode,
  isChild,
  isChildSurvivor,
  survivorCodePrefix,
} from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { vietnamDate } from '../../common/vietnam-date';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { BlindIndexer } from '../crypto/blind-indexer';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { IDENTITY_FIELDS } from './case.mapper';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { ChildEmergencyClocks } from './child-emergencies/child-emergency-clocks';
import { ConsentPolicy } from './consent-policy';
import type { OpenCaseDto } from './dto/open-case.dto';
import { DuplicateCheck, splitDuplicates } from './duplicate-check';
import { IncidentInput } from './incident-input';
import { survivorIndexValues } from './survivor-index';
import { SurvivorIdentity } from './survivor-identity';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/** Where a new case comes from, and what to mark once it is open. */
export interface CaseOrigin {
  source: CaseSource;
  intakeItemId: string | null;
  /** The receiving centre; for a walk-in, the caller's own agency. */
  agencyId: string;
  childFlagged: boolean;
  /**
   * A hotline call about a child in danger: a case for a child opened from it starts the emergency
   * clock from the call's start (the information arrived then). The call's age group stands in for
   * an age the caseworker has not recorded.
   */
  childEmergencyCall?: { callId: string; startedAt: Date; survivorAgeGroup: AgeGroup | null };
  onOpened?: (manager: EntityManager, caseId: string) => Promise<void>;
}

/**
 * Opening a case (a walk-in, or an intake item accepted by the centre): the survivor's code,
 * the encrypted identity, consent, an optional first incident (with its report clock), and the
 * duplicate check, in one transaction.
 */
@Injectable()
export class CaseOpeningService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly rows: CasesRepository,
    private readonly cases: CasesService,
    private readonly agencies: AgenciesRepository,
    private readonly units: AdministrativeUnitLookup,
    private readonly cipher: FieldCipher,
    private readonly blind: BlindIndexer,
    private readonly identity: SurvivorIdentity,
    private readonly consentPolicy: ConsentPolicy,
    private readonly incidentInput: IncidentInput,
    private readonly duplicateCheck: DuplicateCheck,
    private readonly deadlines: DeadlinesService,
    private readonly childEmergency: ChildEmergencyClocks,
    private readonly clock: Clock,
  ) {}

  /** Opens a case: consent first, then identity (encrypted), then an optional first incident. */
  async open(
    { user: actor, ability }: Caller,
    dto: OpenCaseDto,
    origin: CaseOrigin,
  ): Promise<CaseDetailView> {
    const identity = this.identity.fromInput(dto.survivor, dto.consent.given);
    const age = this.consentPolicy.currentAge(dto.survivor);
    if (dto.consent.given) this.consentPolicy.assert(actor, age, dto.consent, 'consent.givenBy');
    if (!dto.consent.given && dto.incident?.description) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'incident.description',
        'consent_required',
        'without consent to case management no story is recorded',
      );
    }
    const incident = dto.incident
      ? await this.incidentInput.prepare(dto.incident, 'incident')
      : null;
    if (dto.communeCode) await this.units.requireCommune(dto.communeCode, 'communeCode');
    const agency = await this.agencies.getById(origin.agencyId);
    if (!agency) throw new Error(`case origin names an unknown agency ${origin.agencyId}`);

    const { phone, nameDob } = survivorIndexValues(identity);
    const phoneBidx = this.blind.digestOptional('phone', phone);
    const nameDobBidx = this.blind.digestOptional('name_dob', nameDob);
    const now = this.clock.now();

    const { caseId, duplicates } = await this.work.run(async (tx) => {
      const year = Number(vietnamDate(now).slice(0, 4));
      const prefix = survivorCodePrefix(agency.provinceCode);
      const code = formatSurvivorCode(
        prefix,
        year,
        await this.rows.nextSurvivorSequence(tx.manager, prefix, year),
      );
      const presentFields = identity ? IDENTITY_FIELDS.filter((f) => identity[f] !== null) : [];
      const survivor = await this.rows.insertSurvivor(tx.manager, {
        code,
        agencyId: origin.agencyId,
        anonymous: identity === null,
        sex: dto.survivor.sex,
        ageGroup: ageGroupOf(age),
        disabilityStatus: dto.survivor.disabilityStatus ?? 'unknown',
        ethnicMinority: dto.survivor.ethnicMinority ?? 'unknown',
        identityEnc: identity ? this.identity.encrypt(identity) : null,
        identityFields: presentFields,
        phoneBidx,
        nameDobBidx,
        bidxKey: phoneBidx || nameDobBidx ? this.blind.keyId : null,
      });
      const created = await this.rows.insertCase(tx.manager, {
        survivorId: survivor.id,
        agencyId: origin.agencyId,
        stage: 'intake',
        riskLevel: 'unknown',
        source: origin.source,
        intakeItemId: origin.intakeItemId,
        assignedUserId: actor.id,
        communeCode: dto.communeCode ?? incident?.communeCode ?? null,
        childInvolved: origin.childFlagged || (age !== null && isChild(age)),
        seriousIncident: incident?.serious ?? false,
        openedByUserId: actor.id,
        openedAt: now,
      });
      const base = { actor, caseId: created.id };
      await tx.audit({
        ...base,
        action: 'case.create',
        subjectType: 'Case',
        subjectId: created.id,
        details: { source: origin.source },
      });
      await tx.audit({
        ...base,
        action: 'survivor.create',
        subjectType: 'Survivor',
        subjectId: survivor.id,
        fields: ['sex', ...presentFields],
      });
      if (dto.consent.given) {
        const consent = await this.rows.saveConsent(tx.manager, {
          caseId: created.id,
          kind: 'case_management',
          givenBy: dto.consent.givenBy,
          method: dto.consent.method,
          childAssent: dto.consent.childAssent ?? null,
          guardianIsSuspect: dto.consent.guardianIsSuspect ?? false,
          bestInterestReasonEnc: this.cipher.encryptOptional(dto.consent.bestInterestReason),
          agencyTypes: [],
          dataCategories: [],
          givenAt: now,
          expiresOn: this.consentPolicy.expiresOn(now),
          recordedByUserId: actor.id,
        });
        await this.deadlines.startConsentExpiryClock(tx, consent, created);
        await tx.audit({
          ...base,
          action: 'consent.create',
          subjectType: 'ConsentRecord',
          subjectId: consent.id,
          details: { kind: 'case_management' },
        });
      }
      if (incident) {
        const saved = await this.rows.saveIncident(tx.manager, {
          ...incident,
          caseId: created.id,
          descriptionEnc: this.cipher.encryptOptional(dto.incident?.description),
          createdByUserId: actor.id,
        });
        await tx.audit({
          ...base,
          action: 'incident.create',
          subjectType: 'Incident',
          subjectId: saved.id,
          fields: Object.keys(dto.incident ?? {}),
        });
        if (saved.serious) await this.deadlines.startIncidentReportClock(tx, saved, created);
      }
      const call = origin.childEmergencyCall;
      if (call) {
        const ageGroup = age === null ? (call.survivorAgeGroup ?? 'unknown') : ageGroupOf(age);
        await this.childEmergency.start(
          tx,
          actor,
          created,
          isChildSurvivor({ dateOfBirth: null, age, ageGroup }, vietnamDate(now)),
          { source: 'hotline', sourceId: call.callId, startedAt: call.startedAt, reasonEnc: null },
        );
      }
      await origin.onOpened?.(tx.manager, created.id);
      return {
        caseId: created.id,
        // Both keys while the blind-index key changes: earlier survivors may not be re-indexed yet.
        duplicates: await this.duplicateCheck.onIdentityRecorded(
          tx,
          { user: actor, ability },
          { id: survivor.id, caseId: created.id },
          agency.name,
          this.blind.lookupDigests('phone', phone),
          this.blind.lookupDigests('name_dob', nameDob),
        ),
      };
    });

    return this.cases.detail(caseId, splitDuplicates(ability, duplicates));
  }
}
