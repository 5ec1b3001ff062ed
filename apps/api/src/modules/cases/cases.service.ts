import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppAbility } from '@caunoi/shared/authz';
import { subjectOf } from '@caunoi/shared/authz';
import type {
  AccessLogEntryView,
  CaseDetailView,
  CaseSummaryView,
  DeadlineView,
  Page,
  PossibleDuplicate,
  RevealedIdentity,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { CaseSource } from '@caunoi/shared/domain';
import {
  ageGroupOf,
  canMoveCase,
  formatSurvivorCode,
  isChild,
  isSurvivorCode,
  nameAndBirthDateKey,
  normalisePhone,
  survivorCodePrefix,
  transitionNeedsSupervisor,
} from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { vietnamDate } from '../../common/vietnam-date';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { survivorIndexValues } from './survivor-index';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { BlindIndexer } from '../crypto/blind-indexer';
import { FieldCipher } from '../crypto/field-cipher';
import type { AfterCommit } from '../deadlines/deadlines.service';
import { DeadlinesService, NOTHING_AFTER_COMMIT } from '../deadlines/deadlines.service';
import { UsersRepository } from '../users/users.repository';
import type { CaseWithPeople } from './cases.repository';
import { CASE_RULE_COLUMNS, CasesRepository } from './cases.repository';
import { CaseAccess } from './case-access';
import type { IdentityDocument } from './case.mapper';
import {
  IDENTITY_FIELDS,
  mapCaseDetail,
  mapCaseSummary,
  mapConsent,
  mapIncident,
} from './case.mapper';
import { ConsentPolicy } from './consent-policy';
import type { AssignCaseDto, CaseListQueryDto, CaseSearchDto, UpdateCaseDto } from './dto/case.dto';
import type { OpenCaseDto, SurvivorIdentityDto } from './dto/open-case.dto';
import { DuplicateCheck } from './duplicate-check';
import { IncidentInput } from './incident-input';

/** Where a new case comes from, and what to mark once it is open. */
export interface CaseOrigin {
  source: CaseSource;
  intakeItemId: string | null;
  /** The receiving centre; for a walk-in, the caller's own agency. */
  agencyId: string;
  childFlagged: boolean;
  onOpened?: (manager: EntityManager, caseId: string) => Promise<void>;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly agencies: AgenciesRepository,
    private readonly units: AdministrativeUnitLookup,
    private readonly users: UsersRepository,
    private readonly auditLog: AuditRepository,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly blind: BlindIndexer,
    private readonly consentPolicy: ConsentPolicy,
    private readonly incidentInput: IncidentInput,
    private readonly duplicateCheck: DuplicateCheck,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  /** Opens a case: consent first, then identity (encrypted), then an optional first incident. */
  async open(
    actor: AuthenticatedUser,
    ability: AppAbility,
    dto: OpenCaseDto,
    origin: CaseOrigin,
  ): Promise<CaseDetailView> {
    const identity = this.identityFromInput(dto.survivor, dto.consent.given);
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

    const { caseId, duplicates, after } = await this.dataSource.transaction(async (m) => {
      let after: AfterCommit = NOTHING_AFTER_COMMIT;
      const year = Number(vietnamDate(now).slice(0, 4));
      const prefix = survivorCodePrefix(agency.provinceCode);
      const code = formatSurvivorCode(
        prefix,
        year,
        await this.cases.nextSurvivorSequence(m, prefix, year),
      );
      const presentFields = identity ? IDENTITY_FIELDS.filter((f) => identity[f] !== null) : [];
      const survivor = await this.cases.insertSurvivor(m, {
        code,
        agencyId: origin.agencyId,
        anonymous: identity === null,
        sex: dto.survivor.sex,
        ageGroup: ageGroupOf(age),
        disabilityStatus: dto.survivor.disabilityStatus ?? 'unknown',
        ethnicMinority: dto.survivor.ethnicMinority ?? 'unknown',
        identityEnc: identity ? this.cipher.encrypt(JSON.stringify(identity)) : null,
        identityFields: presentFields,
        phoneBidx,
        nameDobBidx,
        bidxKey: phoneBidx || nameDobBidx ? this.blind.keyId : null,
      });
      const created = await this.cases.insertCase(m, {
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
      await this.audit.record(m, {
        ...base,
        action: 'case.create',
        subjectType: 'Case',
        subjectId: created.id,
        details: { source: origin.source },
      });
      await this.audit.record(m, {
        ...base,
        action: 'survivor.create',
        subjectType: 'Survivor',
        subjectId: survivor.id,
        fields: ['sex', ...presentFields],
      });
      if (dto.consent.given) {
        const consent = await this.cases.saveConsent(m, {
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
          recordedByUserId: actor.id,
        });
        await this.audit.record(m, {
          ...base,
          action: 'consent.create',
          subjectType: 'ConsentRecord',
          subjectId: consent.id,
          details: { kind: 'case_management' },
        });
      }
      if (incident) {
        const saved = await this.cases.saveIncident(m, {
          ...incident,
          caseId: created.id,
          descriptionEnc: this.cipher.encryptOptional(dto.incident?.description),
          createdByUserId: actor.id,
        });
        await this.audit.record(m, {
          ...base,
          action: 'incident.create',
          subjectType: 'Incident',
          subjectId: saved.id,
          fields: Object.keys(dto.incident ?? {}),
        });
        if (saved.serious) after = await this.deadlines.startIncidentReportClock(m, saved, created);
      }
      await origin.onOpened?.(m, created.id);
      return {
        caseId: created.id,
        // Both keys while the blind-index key changes: earlier survivors may not be re-indexed yet.
        duplicates: await this.duplicateCheck.onIdentityRecorded(
          m,
          actor,
          ability,
          { id: survivor.id, caseId: created.id },
          agency.name,
          this.blind.lookupDigests('phone', phone),
          this.blind.lookupDigests('name_dob', nameDob),
        ),
        after,
      };
    });
    await this.deadlines.afterCommit(after);

    return this.detail(caseId, splitDuplicates(ability, duplicates));
  }

  async list(
    actor: AuthenticatedUser,
    ability: AppAbility,
    query: CaseListQueryDto,
  ): Promise<Page<CaseSummaryView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { openedAt: 'instant', id: 'uuid' });
    if (query.code !== undefined && !isSurvivorCode(query.code)) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'code',
        'invalid_code',
        'code must look like DN-2026-000123',
      );
    }
    const scope = query.scope ?? (actor.role === 'supervisor' ? 'all' : 'mine');
    const rows = await this.cases.getPage({
      access: accessibleWhere(ability, 'read', 'Case', CASE_RULE_COLUMNS),
      after,
      limit: limit + 1,
      assignedUserId: scope === 'mine' ? actor.id : scope === 'unassigned' ? null : undefined,
      stage: query.stage,
      riskLevel: query.riskLevel,
      survivorCode: query.code,
    });
    const page = keysetPage(rows, limit, (last) => ({
      openedAt: last.openedAt.toISOString(),
      id: last.id,
    }));
    const items = page.items;
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        actor,
        action: 'case.list',
        subjectType: 'Case',
        details: { count: items.length, scope },
      }),
    );
    return {
      items: items.map(mapCaseSummary),
      nextCursor: page.nextCursor,
    };
  }

  /** Exact search through the blind index; identifiers arrive in a POST body and are never logged. */
  async search(
    actor: AuthenticatedUser,
    ability: AppAbility,
    dto: CaseSearchDto,
  ): Promise<CaseSummaryView[]> {
    let index: { phone?: Buffer[]; nameDob?: Buffer[] };
    if (dto.phone) {
      const phone = normalisePhone(dto.phone);
      if (!phone)
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'phone',
          'invalid_phone',
          'phone is not a valid Vietnamese phone number',
        );
      index = { phone: this.blind.lookupDigests('phone', phone) };
    } else {
      const key = nameAndBirthDateKey(dto.fullName ?? '', dto.dateOfBirth ?? '');
      if (!key)
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'dateOfBirth',
          'invalid_date',
          'dateOfBirth is not a real date',
        );
      index = { nameDob: this.blind.lookupDigests('name_dob', key) };
    }
    const rows = await this.cases.getBySurvivorIndex(
      accessibleWhere(ability, 'read', 'Case', CASE_RULE_COLUMNS),
      index,
    );
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        actor,
        action: 'case.search',
        subjectType: 'Case',
        details: { by: dto.phone ? 'phone' : 'name_and_birth_date', count: rows.length },
      }),
    );
    return rows.map(mapCaseSummary);
  }

  async get(actor: AuthenticatedUser, ability: AppAbility, id: string): Promise<CaseDetailView> {
    const found = await this.access.load(ability, id, 'read');
    const duplicates = await this.cases.getPossibleDuplicates(
      this.dataSource.manager,
      found.survivorId,
      found.survivor.phoneBidx ? [found.survivor.phoneBidx] : [],
      found.survivor.nameDobBidx ? [found.survivor.nameDobBidx] : [],
    );
    const view = await this.detail(found, splitDuplicates(ability, duplicates));
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        actor,
        caseId: id,
        action: 'case.read',
        subjectType: 'Case',
        subjectId: id,
        fields: ['overview', 'incidents', 'consents'],
      }),
    );
    return view;
  }

  async update(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
    dto: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (m) => {
      const current = await this.access.loadForUpdate(m, ability, id, 'update');
      if (dto.stage && dto.stage !== current.stage) {
        if (!canMoveCase(current.stage, dto.stage)) {
          throw fieldError(
            HttpStatus.BAD_REQUEST,
            'stage',
            'invalid_transition',
            `a case cannot move from ${current.stage} to ${dto.stage}`,
          );
        }
        if (transitionNeedsSupervisor(current.stage, dto.stage) && actor.role !== 'supervisor') {
          throw new ForbiddenException({
            statusCode: 403,
            error: 'Forbidden',
            message: 'A supervisor must approve this step',
            errors: [
              {
                field: 'stage',
                code: 'needs_supervisor',
                message: 'A supervisor must approve this step',
              },
            ],
          });
        }
      }
      await this.cases.updateCase(m, id, {
        ...(dto.stage ? { stage: dto.stage } : {}),
        ...(dto.riskLevel ? { riskLevel: dto.riskLevel } : {}),
      });
      await this.audit.record(m, {
        actor,
        caseId: id,
        action: 'case.update',
        subjectType: 'Case',
        subjectId: id,
        fields: Object.keys(dto),
      });
      if (dto.stage === 'closed' && current.intakeItemId) {
        await m.query(
          `UPDATE community_referrals SET status = 'closed', updated_at = now()
            WHERE id = (SELECT community_referral_id FROM intake_items WHERE id = $1)`,
          [current.intakeItemId],
        );
      }
    });
    return this.detail(id, { possibleDuplicates: [], hiddenDuplicateExists: false });
  }

  async assign(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
    dto: AssignCaseDto,
  ): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (m) => {
      const current = await this.access.loadForUpdate(m, ability, id, 'assign');
      if (dto.userId !== null) {
        const assignee = await this.users.getWithAgency(dto.userId);
        const fits =
          assignee !== null &&
          assignee.disabledAt === null &&
          assignee.agencyId === current.agencyId &&
          (assignee.role === 'caseworker' || assignee.role === 'supervisor');
        if (!fits) {
          throw fieldError(
            HttpStatus.BAD_REQUEST,
            'userId',
            'not_a_caseworker_here',
            "userId must be an active caseworker or supervisor of the case's centre",
          );
        }
      }
      await this.cases.updateCase(m, id, { assignedUserId: dto.userId });
      await this.audit.record(m, {
        actor,
        caseId: id,
        action: 'case.assign',
        subjectType: 'Case',
        subjectId: id,
        fields: ['assignedUserId'],
      });
    });
    return this.detail(id, { possibleDuplicates: [], hiddenDuplicateExists: false });
  }

  /** The identity in clear: its own permission and its own audit row. */
  async revealIdentity(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
  ): Promise<RevealedIdentity> {
    const found = await this.access.load(ability, id, 'reveal_identity');
    const identity = this.readIdentity(found);
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        actor,
        caseId: id,
        action: 'survivor.reveal',
        subjectType: 'Survivor',
        subjectId: found.survivorId,
        fields: found.survivor.identityFields,
      }),
    );
    return { sex: found.survivor.sex, ...identity };
  }

  /** "Who saw this file", newest first. */
  async accessLog(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
    after: string | undefined,
  ): Promise<Page<AccessLogEntryView>> {
    await this.access.load(ability, id, 'audit');
    const cursor = decodeCursor(after, { id: 'bigint' });
    const limit = 50;
    const rows = await this.auditLog.getForCase(id, cursor?.id ?? null, limit + 1);
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        actor,
        caseId: id,
        action: 'case.access_log_read',
        subjectType: 'Case',
        subjectId: id,
      }),
    );
    const page = keysetPage(rows, limit, (last) => ({ id: last.id }));
    return {
      items: page.items.map((r) => ({
        id: r.id,
        occurredAt: r.occurredAt.toISOString(),
        actorUserId: r.actorUserId,
        actorName: r.actorName,
        actorRole: r.actorRole,
        action: r.action,
        subjectType: r.subjectType,
        fields: r.fields,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async clocks(actor: AuthenticatedUser, ability: AppAbility, id: string): Promise<DeadlineView[]> {
    const found = await this.access.load(ability, id, 'read');
    const incidents = await this.cases.getIncidents(id);
    await this.audit.record(this.dataSource.manager, {
      actor,
      action: 'deadline.read',
      subjectType: 'Case',
      subjectId: id,
      caseId: id,
      details: { via: 'case_file' },
    });
    return this.deadlines.forIncidents(
      incidents.map((i) => i.id),
      found.survivor.code,
    );
  }

  /** The case file as the caller sees it (identity masked). */
  async detail(
    caseOrId: CaseWithPeople | string,
    duplicates: { possibleDuplicates: PossibleDuplicate[]; hiddenDuplicateExists: boolean },
  ): Promise<CaseDetailView> {
    // A caller that has just loaded the case passes it in; after a change it is read again.
    const found =
      typeof caseOrId === 'string' ? await this.cases.getWithPeople(caseOrId) : caseOrId;
    if (!found) throw new Error(`case ${String(caseOrId)} vanished`);
    const id = found.id;
    const [incidents, consents] = await Promise.all([
      this.cases.getIncidents(id),
      this.cases.getConsents(id),
    ]);
    return mapCaseDetail(found, {
      incidents: incidents.map((i) =>
        mapIncident(i, this.cipher.decryptOptional(i.descriptionEnc)),
      ),
      consents: consents.map((c) =>
        mapConsent(c, this.cipher.decryptOptional(c.withdrawnReasonEnc)),
      ),
      ...duplicates,
    });
  }

  readIdentity(found: CaseWithPeople): IdentityDocument {
    if (!found.survivor.identityEnc) return emptyIdentity();
    return {
      ...emptyIdentity(),
      ...(JSON.parse(this.cipher.decrypt(found.survivor.identityEnc)) as Partial<IdentityDocument>),
    };
  }

  /** Without consent, nothing but sex and age group may be kept. */
  private identityFromInput(
    input: SurvivorIdentityDto,
    consentGiven: boolean,
  ): IdentityDocument | null {
    const identity: IdentityDocument = {
      ...emptyIdentity(),
      ...Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, input[f] ?? null])),
    };
    if (identity.dateOfBirth !== null && identity.age !== null) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'survivor.age',
        'either_birth_date_or_age',
        'give either dateOfBirth or age, not both',
      );
    }
    if (identity.dateOfBirth !== null) {
      if (!nameAndBirthDateKey('x', identity.dateOfBirth)) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'survivor.dateOfBirth',
          'invalid_date',
          'dateOfBirth is not a real date',
        );
      }
      if (identity.dateOfBirth > vietnamDate(this.clock.now())) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'survivor.dateOfBirth',
          'in_future',
          'dateOfBirth cannot be in the future',
        );
      }
    }
    if (identity.phone !== null && normalisePhone(identity.phone) === null) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'survivor.phone',
        'invalid_phone',
        'phone is not a valid Vietnamese phone number',
      );
    }
    if (!consentGiven) {
      // An anonymous record may keep an approximate age (for the age group), nothing that identifies.
      const identifying = IDENTITY_FIELDS.filter((f) => f !== 'age' && identity[f] !== null);
      if (identifying.length > 0) {
        throw new FieldErrorException(
          HttpStatus.BAD_REQUEST,
          identifying.map((f) => ({
            field: `survivor.${f}`,
            code: 'consent_required',
            message: `${f} may only be recorded with consent to case management`,
          })),
        );
      }
      return null;
    }
    return identity;
  }
}

/**
 * Names only the possible duplicates the caller may open; the others are reported as a bare
 * "a match exists" so the caller asks a supervisor instead of learning about another case.
 */
function splitDuplicates(
  ability: AppAbility,
  duplicates: Awaited<ReturnType<CasesRepository['getPossibleDuplicates']>>,
): { possibleDuplicates: PossibleDuplicate[]; hiddenDuplicateExists: boolean } {
  const possibleDuplicates: PossibleDuplicate[] = [];
  let hiddenDuplicateExists = false;
  for (const d of duplicates) {
    if (
      !ability.can(
        'read',
        subjectOf('Case', { agencyId: d.agencyId, assignedUserId: d.assignedUserId }),
      )
    ) {
      hiddenDuplicateExists = true;
      continue;
    }
    const matchedOn: PossibleDuplicate['matchedOn'] = [];
    if (d.phoneMatch) matchedOn.push('phone');
    if (d.nameDobMatch) matchedOn.push('name_and_birth_date');
    possibleDuplicates.push({ caseId: d.id, survivorCode: d.code, matchedOn });
  }
  return { possibleDuplicates, hiddenDuplicateExists };
}

function emptyIdentity(): IdentityDocument {
  return {
    fullName: null,
    dateOfBirth: null,
    age: null,
    phone: null,
    address: null,
    idNumber: null,
    ethnicity: null,
    disability: null,
    safeContactMethod: null,
    safeContactDetails: null,
  };
}
