import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { CaseNoteView, ConsentView, IncidentView } from '@caunoi/shared/contracts';
import { CORRECTION_REASON_MIN } from '@caunoi/shared/contracts';
import { REASSESSMENT_AFTER_INCIDENT_DAYS } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ReferralLifecycle } from '../referrals/referral-lifecycle';
import { CaseAccess } from './case-access';
import { CaseCorrectionsService } from './corrections/case-corrections.service';
import type { CaseWithPeople } from './cases.repository';
import { CasesRepository } from './cases.repository';
import { mapConsent, mapIncident } from './case.mapper';
import { ConsentPolicy } from './consent-policy';
import type { CreateSharingConsentDto } from './dto/case.dto';
import type { CreateIncidentDto, UpdateIncidentDto } from './dto/incident.dto';
import { IncidentInput } from './incident-input';
import { SurvivorIdentity } from './survivor-identity';
import { assertCurrentVersion } from './versioned-record';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/** The fields of an incident that mark it serious (with their own reason and clock), not its facts. */
const SERIOUS_MARK: ReadonlySet<string> = new Set(['serious', 'seriousReasons']);

/** Incidents, consents and notes: each change checks the case, and is audited against it. */
@Injectable()
export class CasePartsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CasesRepository,
    private readonly identity: SurvivorIdentity,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly consentPolicy: ConsentPolicy,
    private readonly incidentInput: IncidentInput,
    private readonly deadlines: DeadlinesService,
    private readonly referralLifecycle: ReferralLifecycle,
    private readonly corrections: CaseCorrectionsService,
    private readonly clock: Clock,
  ) {}

  async addIncident(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: CreateIncidentDto,
  ): Promise<IncidentView> {
    const facts = await this.incidentInput.prepare(dto, '');
    return this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      this.assertStoryAllowed(found, dto.description, 'description');
      const saved = await this.cases.saveIncident(tx.manager, {
        ...facts,
        caseId,
        descriptionEnc: this.cipher.encryptOptional(dto.description),
        createdByUserId: actor.id,
      });
      await this.cases.updateCase(tx.manager, caseId, {
        seriousIncident: await this.cases.hasSeriousIncident(tx.manager, caseId),
      });
      await tx.audit({
        actor,
        caseId,
        action: 'incident.create',
        subjectType: 'Incident',
        subjectId: saved.id,
        fields: Object.keys(dto),
      });
      // Marking serious starts the 10-day report clock from discovery, in this same transaction.
      if (saved.serious) await this.deadlines.startIncidentReportClock(tx, saved, found);
      // A new incident changes the danger: an assessed case is reassessed within a day.
      if (await this.deadlines.hasCaseReviewClock(tx, 'risk_reassessment', caseId)) {
        await this.deadlines.startCaseReviewClock(
          tx,
          'risk_reassessment',
          found,
          { type: 'Incident', id: saved.id },
          REASSESSMENT_AFTER_INCIDENT_DAYS,
          { end: 'brought_forward', reason: 'new_incident' },
        );
      }
      return mapIncident(saved, dto.description ?? null);
    });
  }

  async updateIncident(
    { user: actor, ability }: Caller,
    caseId: string,
    incidentId: string,
    dto: UpdateIncidentDto,
  ): Promise<IncidentView> {
    const existing = await this.cases.getIncident(caseId, incidentId);
    // Load the case first so an invisible case stays a 404 whatever the incident id.
    await this.access.load(ability, caseId, 'update');
    if (!existing) throw new NotFoundException('Incident not found');
    const merged0 = {
      occurredAt: existing.occurredAt.toISOString(),
      occurredPrecision: existing.occurredPrecision,
      discoveredAt: existing.discoveredAt.toISOString(),
      communeCode: existing.communeCode,
      classificationAnswers: existing.classificationAnswers,
      dvForms: existing.dvForms,
      contextFlags: existing.contextFlags,
      perpetrators: existing.perpetrators,
      injuries: existing.injuries,
      serious: existing.serious,
      seriousReasons: existing.seriousReasons,
    };
    const { version: givenVersion, ...edit } = dto;
    const merged = { ...merged0, ...edit };
    const facts = await this.incidentInput.prepare(merged, '', existing.communeCode);
    if (existing.serious && !facts.serious && !dto.unmarkReason?.trim()) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'unmarkReason',
        'reason_required',
        'say why the incident is no longer serious',
      );
    }
    if (existing.serious && !facts.serious && (await this.cases.hasSubmittedReport(incidentId))) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'serious',
        'report_submitted',
        'the report of this serious incident was already sent to the province',
      );
    }
    // A change to anything but the serious mark is a correction of the facts: it needs a reason,
    // and the version it replaces is kept (decision: the serious mark has its own reason and clock).
    const changes: Omit<UpdateIncidentDto, 'unmarkReason' | 'correctionReason' | 'version'> = {
      ...edit,
    };
    delete (changes as UpdateIncidentDto).unmarkReason;
    delete (changes as UpdateIncidentDto).correctionReason;
    const correctionReason = dto.correctionReason;
    const current: Record<string, unknown> = {
      ...merged0,
      description: this.cipher.decryptOptional(existing.descriptionEnc),
    };
    const corrected = (Object.keys(changes) as (keyof typeof changes)[]).filter(
      (k) =>
        !SERIOUS_MARK.has(k) &&
        JSON.stringify(changes[k] ?? null) !== JSON.stringify(current[k] ?? null),
    );
    if (corrected.length > 0 && (correctionReason?.trim().length ?? 0) < CORRECTION_REASON_MIN) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'correctionReason',
        'reason_required',
        'say why the facts of the incident are corrected',
      );
    }
    return this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      this.assertStoryAllowed(found, dto.description, 'description');
      // The facts above were read before the lock: a change saved since makes this edit stale.
      const version = await this.cases.lockIncidentVersion(tx.manager, caseId, incidentId);
      if (version !== existing.version) {
        assertCurrentVersion(version ?? 0, existing.version);
      }
      if (givenVersion !== undefined) assertCurrentVersion(existing.version, givenVersion);
      if (corrected.length > 0) {
        // The version it replaces, as the incident had it (the description decrypted, then kept encrypted).
        await this.corrections.record(tx, actor, {
          caseId,
          subjectType: 'Incident',
          subjectId: incidentId,
          before: current,
          after: Object.fromEntries(corrected.map((k) => [k, changes[k]])),
          reason: correctionReason ?? '',
        });
      }
      const descriptionEnc =
        dto.description === undefined
          ? existing.descriptionEnc
          : this.cipher.encryptOptional(dto.description);
      const saved = await this.cases.saveIncident(tx.manager, {
        ...existing,
        ...facts,
        descriptionEnc,
        version: existing.version + 1,
      });
      await this.cases.updateCase(tx.manager, caseId, {
        seriousIncident: await this.cases.hasSeriousIncident(tx.manager, caseId),
      });
      await tx.audit({
        actor,
        caseId,
        action: 'incident.update',
        subjectType: 'Incident',
        subjectId: incidentId,
        fields: Object.keys(changes),
        ...(corrected.length > 0 ? { details: { corrected: corrected.join(',') } } : {}),
      });
      // Serious starts (or, if discovery moved, moves) the clock; un-marking cancels it with the reason.
      if (saved.serious) await this.deadlines.startIncidentReportClock(tx, saved, found);
      else
        await this.deadlines.cancelIncidentReportClock(
          tx,
          incidentId,
          dto.unmarkReason?.trim() || 'not serious',
        );
      return mapIncident(saved, this.cipher.decryptOptional(descriptionEnc));
    });
  }

  /** Consent to share data categories with agency types; the same child rules as for case management. */
  async addSharingConsent(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: CreateSharingConsentDto,
  ): Promise<ConsentView> {
    return this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      if (found.survivor.anonymous) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'givenBy',
          'consent_required',
          'an anonymous record has no consent to case management to build on',
        );
      }
      const age = this.consentPolicy.currentAge(this.identity.read(found));
      this.consentPolicy.assert(actor, age, dto, 'givenBy');
      const givenAt = this.clock.now();
      const expiresOn = this.consentPolicy.expiresOn(givenAt, dto.expiresOn);
      const saved = await this.cases.saveConsent(tx.manager, {
        caseId,
        kind: 'information_sharing',
        givenBy: dto.givenBy,
        method: dto.method,
        childAssent: dto.childAssent ?? null,
        guardianIsSuspect: dto.guardianIsSuspect ?? false,
        bestInterestReasonEnc: null,
        agencyTypes: dto.agencyTypes,
        dataCategories: dto.dataCategories,
        givenAt,
        expiresOn,
        recordedByUserId: actor.id,
      });
      await this.deadlines.startConsentExpiryClock(tx, saved, found);
      await tx.audit({
        actor,
        caseId,
        action: 'consent.create',
        subjectType: 'ConsentRecord',
        subjectId: saved.id,
        fields: ['agencyTypes', 'dataCategories', 'expiresOn'],
        details: { kind: 'information_sharing' },
      });
      return mapConsent(saved, null);
    });
  }

  /**
   * Withdrawing a sharing consent also withdraws the open referrals it covered, in the same
   * transaction: the receiving agencies lose access at the moment the survivor says no.
   */
  async withdrawConsent(
    { user: actor, ability }: Caller,
    caseId: string,
    consentId: string,
    reason: string,
  ): Promise<ConsentView> {
    return this.work.run(async (tx) => {
      // The survivor may take consent back even after the case closed.
      await this.access.loadForUpdate(tx.manager, ability, caseId, 'update', { allowClosed: true });
      const consent = await this.cases.getConsent(caseId, consentId);
      if (!consent) throw new NotFoundException('Consent not found');
      if (consent.withdrawnAt) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'consentId',
          'already_withdrawn',
          'this consent was already withdrawn',
        );
      }
      consent.withdrawnAt = this.clock.now();
      consent.withdrawnReasonEnc = this.cipher.encrypt(reason);
      consent.withdrawnByUserId = actor.id;
      const saved = await this.cases.saveConsent(tx.manager, consent);
      await this.deadlines.cancelConsentExpiryClock(tx, consentId);
      await tx.audit({
        actor,
        caseId,
        action: 'consent.withdraw',
        subjectType: 'ConsentRecord',
        subjectId: consentId,
        fields: ['withdrawnAt'],
      });
      const remaining = await this.cases.getConsents(caseId, tx.manager);
      await this.referralLifecycle.onConsentWithdrawn(tx, actor, caseId, remaining);
      return mapConsent(saved, reason);
    });
  }

  async listNotes({ user: actor, ability }: Caller, caseId: string): Promise<CaseNoteView[]> {
    await this.access.load(ability, caseId, 'read');
    const notes = await this.cases.getNotes(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'case_note.read',
      subjectType: 'CaseNote',
      details: { count: notes.length },
    });
    return notes.map((n) => ({
      id: n.id,
      body: this.cipher.decrypt(n.bodyEnc),
      authorUserId: n.authorUserId,
      authorName: n.authorName,
      createdAt: n.createdAt.toISOString(),
      version: n.version,
    }));
  }

  async addNote(
    { user: actor, ability }: Caller,
    caseId: string,
    body: string,
  ): Promise<CaseNoteView> {
    return this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      this.assertStoryAllowed(found, body, 'body');
      const note = await this.cases.insertNote(tx.manager, {
        caseId,
        authorUserId: actor.id,
        bodyEnc: this.cipher.encrypt(body),
      });
      await tx.audit({
        actor,
        caseId,
        action: 'case_note.create',
        subjectType: 'CaseNote',
        subjectId: note.id,
        fields: ['body'],
      });
      return {
        id: note.id,
        body,
        authorUserId: actor.id,
        authorName: actor.displayName,
        createdAt: note.createdAt.toISOString(),
        version: note.version,
      };
    });
  }

  /** Without consent to case management only an anonymous record is kept: no story, no notes. */
  private assertStoryAllowed(
    found: CaseWithPeople,
    text: string | null | undefined,
    field: string,
  ): void {
    if (found.survivor.anonymous && text) {
      throw fieldError(
        HttpStatus.CONFLICT,
        field,
        'consent_required',
        'an anonymous record keeps no free text',
      );
    }
  }
}
