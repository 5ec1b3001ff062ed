import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  AccessLogEntryView,
  CaseTimelineEntry,
  CaseDetailView,
  CaseSummaryView,
  DeadlineView,
  Page,
  PossibleDuplicate,
  RevealedIdentity,
} from '@caunoi/shared/contracts';
import { CASE_TIMELINE_ACTIONS, PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import {
  canMoveCase,
  isClosureStep,
  isSurvivorCode,
  nameAndBirthDateKey,
  normalisePhone,
} from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { AuditRepository } from '../audit/audit.repository';
import { accessibleWhere } from '../authz/accessible-where';
import { BlindIndexer } from '../crypto/blind-indexer';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { UsersRepository } from '../users/users.repository';
import type { CaseWithPeople } from './cases.repository';
import { CASE_RULE_COLUMNS, CasesRepository } from './cases.repository';
import { CaseAccess } from './case-access';
import { mapCaseDetail, mapConsent, mapIncident } from './case.mapper';
import type { AssignCaseDto, CaseListQueryDto, CaseSearchDto, UpdateCaseDto } from './dto/case.dto';
import { SurvivorIdentity } from './survivor-identity';
import { splitDuplicates } from './duplicate-check';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

@Injectable()
export class CasesService {
  constructor(
    private readonly work: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly users: UsersRepository,
    private readonly auditLog: AuditRepository,
    private readonly cipher: FieldCipher,
    private readonly blind: BlindIndexer,
    private readonly deadlines: DeadlinesService,
    private readonly identity: SurvivorIdentity,
  ) {}

  async list(
    { user: actor, ability }: Caller,
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
    const page = keysetPage(rows, limit, (last) => ({ openedAt: last.openedAt, id: last.id }));
    const items = page.items;
    await this.work.audit({
      actor,
      action: 'case.list',
      subjectType: 'Case',
      details: { count: items.length, scope },
    });
    return {
      items,
      nextCursor: page.nextCursor,
    };
  }

  /** Exact search through the blind index; identifiers arrive in a POST body and are never logged. */
  async search({ user: actor, ability }: Caller, dto: CaseSearchDto): Promise<CaseSummaryView[]> {
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
    await this.work.audit({
      actor,
      action: 'case.search',
      subjectType: 'Case',
      details: { by: dto.phone ? 'phone' : 'name_and_birth_date', count: rows.length },
    });
    return rows;
  }

  async get({ user: actor, ability }: Caller, id: string): Promise<CaseDetailView> {
    const found = await this.access.load(ability, id, 'read');
    const duplicates = await this.cases.getPossibleDuplicates(
      this.dataSource.manager,
      found.survivorId,
      found.survivor.phoneBidx ? [found.survivor.phoneBidx] : [],
      found.survivor.nameDobBidx ? [found.survivor.nameDobBidx] : [],
    );
    const view = await this.detail(found, splitDuplicates(ability, duplicates));
    await this.work.audit({
      actor,
      caseId: id,
      action: 'case.read',
      subjectType: 'Case',
      subjectId: id,
      fields: ['overview', 'incidents', 'consents'],
    });
    return view;
  }

  async update(
    { user: actor, ability }: Caller,
    id: string,
    dto: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    await this.work.run(async (tx) => {
      const current = await this.access.loadForUpdate(tx.manager, ability, id, 'update');
      if (dto.stage !== current.stage) {
        if (isClosureStep(current.stage, dto.stage)) {
          throw fieldError(
            HttpStatus.BAD_REQUEST,
            'stage',
            'use_closure_request',
            'closing and reopening go through the closure request (cases/:id/closure)',
          );
        }
        if (!canMoveCase(current.stage, dto.stage)) {
          throw fieldError(
            HttpStatus.BAD_REQUEST,
            'stage',
            'invalid_transition',
            `a case cannot move from ${current.stage} to ${dto.stage}`,
          );
        }
      }
      await this.cases.updateCase(tx.manager, id, { stage: dto.stage });
      await tx.audit({
        actor,
        caseId: id,
        action: 'case.update',
        subjectType: 'Case',
        subjectId: id,
        fields: Object.keys(dto),
      });
    });
    return this.detail(id, { possibleDuplicates: [], hiddenDuplicateExists: false });
  }

  async assign(
    { user: actor, ability }: Caller,
    id: string,
    dto: AssignCaseDto,
  ): Promise<CaseDetailView> {
    await this.work.run(async (tx) => {
      const current = await this.access.loadForUpdate(tx.manager, ability, id, 'assign');
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
      await this.cases.updateCase(tx.manager, id, { assignedUserId: dto.userId });
      await tx.audit({
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
  async revealIdentity({ user: actor, ability }: Caller, id: string): Promise<RevealedIdentity> {
    const found = await this.access.load(ability, id, 'reveal_identity');
    const identity = this.identity.read(found);
    await this.work.audit({
      actor,
      caseId: id,
      action: 'survivor.reveal',
      subjectType: 'Survivor',
      subjectId: found.survivorId,
      fields: found.survivor.identityFields,
    });
    return {
      sex: found.survivor.sex,
      disabilityStatus: found.survivor.disabilityStatus,
      ethnicMinority: found.survivor.ethnicMinority,
      ...identity,
      version: found.survivor.identityVersion,
    };
  }

  /** "Who saw this file", newest first. */
  async accessLog(
    { user: actor, ability }: Caller,
    id: string,
    after: string | undefined,
  ): Promise<Page<AccessLogEntryView>> {
    await this.access.load(ability, id, 'audit');
    const cursor = decodeCursor(after, { id: 'bigint' });
    const limit = 50;
    const rows = await this.auditLog.getForCase(id, cursor?.id ?? null, limit + 1);
    await this.work.audit({
      actor,
      caseId: id,
      action: 'case.access_log_read',
      subjectType: 'Case',
      subjectId: id,
    });
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

  /**
   * What was done to the case, newest first: its audit rows of the steps that make its story (no
   * reads), with who and when and the names of the fields touched, never values.
   */
  async timeline(
    { user: actor, ability }: Caller,
    id: string,
    after: string | undefined,
  ): Promise<Page<CaseTimelineEntry>> {
    await this.access.load(ability, id, 'read');
    const cursor = decodeCursor(after, { id: 'bigint' });
    const limit = 50;
    const rows = await this.auditLog.getTimelineForCase(
      id,
      CASE_TIMELINE_ACTIONS,
      cursor?.id ?? null,
      limit + 1,
    );
    await this.work.audit({
      actor,
      caseId: id,
      action: 'case.timeline_read',
      subjectType: 'Case',
      subjectId: id,
    });
    const page = keysetPage(rows, limit, (last) => ({ id: last.id }));
    return {
      items: page.items.map((r) => ({
        id: r.id,
        occurredAt: r.occurredAt.toISOString(),
        action: r.action as CaseTimelineEntry['action'],
        actorName: r.actorName,
        subjectType: r.subjectType,
        fields: r.fields ?? [],
      })),
      nextCursor: page.nextCursor,
    };
  }

  async clocks({ user: actor, ability }: Caller, id: string): Promise<DeadlineView[]> {
    const found = await this.access.load(ability, id, 'read');
    await this.work.audit({
      actor,
      action: 'deadline.read',
      subjectType: 'Case',
      subjectId: id,
      caseId: id,
      details: { via: 'case_file' },
    });
    return this.deadlines.forCase(id, found.survivor.code);
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
}
