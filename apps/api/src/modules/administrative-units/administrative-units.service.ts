import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  AdministrativeUnitDetailView,
  AdministrativeUnitView,
  Page,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { MergeSuccessor, UnitChangeError } from '@caunoi/shared/domain';
import {
  checkMerge,
  checkRename,
  checkRetire,
  normaliseName,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { AgenciesRepository } from '../agencies/agencies.repository';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { AdministrativeUnitsRepository } from './administrative-units.repository';
import type {
  AdministrativeUnitListQueryDto,
  MergeAdministrativeUnitsDto,
  RenameAdministrativeUnitDto,
  RetireAdministrativeUnitDto,
} from './dto/administrative-unit.dto';
import { mapAdministrativeUnit } from './dto/administrative-unit.dto';
import { UnitOfWork } from '../../database/unit-of-work';

/**
 * The list every picker reads, and the admin's changes: rename, retire, merge. Each change runs in
 * one transaction with its audit row, after locking the units it rewrites.
 */
@Injectable()
export class AdministrativeUnitsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly units: AdministrativeUnitsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: AdministrativeUnitListQueryDto): Promise<Page<AdministrativeUnitView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { searchName: 'text', code: 'text' });
    // Named codes are looked up whatever their status: a list shows the names of old records too.
    const status = query.codes ? undefined : (query.status ?? 'active');
    const rows = await this.units.getPage({
      level: query.level,
      parentCode: query.parentCode,
      searchKey: query.q ? (normaliseName(query.q) ?? undefined) : undefined,
      status: status === 'all' ? undefined : status,
      codes: query.codes,
      after,
      limit: limit + 1,
    });
    const page = keysetPage(rows, limit, (last) => ({
      searchName: last.searchName,
      code: last.code,
    }));
    return { items: page.items.map(mapAdministrativeUnit), nextCursor: page.nextCursor };
  }

  async get(code: string): Promise<AdministrativeUnitDetailView> {
    const unit = await this.units.getByCode(code);
    if (!unit) throw new NotFoundException('Administrative unit not found');
    const [names, predecessors, chain, children] = await Promise.all([
      this.units.getNames(code),
      this.units.getPredecessors(code),
      this.units.resolveCurrentCodes([code]),
      this.units.countActiveChildren([code]),
    ]);
    const related = await this.units.getByCodes(
      [unit.parentCode, unit.successorCode, chain.get(code)].filter((c): c is string => !!c),
    );
    const byCode = new Map(related.map((u) => [u.code, u]));
    const current = byCode.get(chain.get(code) ?? code) ?? unit;
    const successor = unit.successorCode ? byCode.get(unit.successorCode) : undefined;
    return {
      ...mapAdministrativeUnit(unit),
      parentName: unit.parentCode ? (byCode.get(unit.parentCode)?.name ?? null) : null,
      names: names.map((n) => ({
        name: n.name,
        effectiveFrom: n.effectiveFrom,
        effectiveTo: n.effectiveTo,
      })),
      predecessors: predecessors.map(mapAdministrativeUnit),
      successor: successor ? mapAdministrativeUnit(successor) : null,
      current: mapAdministrativeUnit(current),
      activeCommunes: children.get(code) ?? 0,
    };
  }

  async rename(
    actor: AuthenticatedUser,
    code: string,
    dto: RenameAdministrativeUnitDto,
  ): Promise<AdministrativeUnitDetailView> {
    const name = dto.name.trim();
    await this.work.run(async (tx) => {
      await this.units.lockByCodes(tx.manager, [code]);
      const unit = await this.units.getByCode(code, tx.manager);
      if (!unit) throw new NotFoundException('Administrative unit not found');
      const error = checkRename(
        {
          unit,
          currentNameFrom:
            (await this.units.getCurrentNameFrom(code, tx.manager)) ?? unit.effectiveFrom,
          siblingNames: await this.units.getActiveSiblingNames(
            unit.level,
            unit.parentCode,
            code,
            tx.manager,
          ),
          today: this.today(),
        },
        { name, effectiveFrom: dto.effectiveFrom },
      );
      if (error) throw refusal(error);
      await this.units.rename(tx.manager, code, name, dto.effectiveFrom);
      await tx.audit({
        actor,
        action: 'administrative_unit.rename',
        subjectType: 'AdministrativeUnit',
        subjectId: code,
        fields: ['name'],
        details: { effectiveFrom: dto.effectiveFrom },
      });
    });
    return this.get(code);
  }

  async retire(
    actor: AuthenticatedUser,
    code: string,
    dto: RetireAdministrativeUnitDto,
  ): Promise<AdministrativeUnitDetailView> {
    await this.work.run(async (tx) => {
      await this.units.lockByCodes(tx.manager, [code]);
      const unit = await this.units.getByCode(code, tx.manager);
      if (!unit) throw new NotFoundException('Administrative unit not found');
      const children = await this.units.countActiveChildren([code], tx.manager);
      const error = checkRetire(
        { unit, activeChildren: children.get(code) ?? 0, today: this.today() },
        dto,
      );
      if (error) throw refusal(error);
      await this.units.retire(tx.manager, [code], dto.effectiveTo, null);
      await tx.audit({
        actor,
        action: 'administrative_unit.retire',
        subjectType: 'AdministrativeUnit',
        subjectId: code,
        fields: ['status', 'effectiveTo'],
        details: { effectiveTo: dto.effectiveTo },
      });
    });
    return this.get(code);
  }

  /** Retires the sources into the successor (created when new); agencies covering them cover it. */
  async merge(
    actor: AuthenticatedUser,
    dto: MergeAdministrativeUnitsDto,
  ): Promise<AdministrativeUnitDetailView> {
    const successor: MergeSuccessor =
      dto.successor.name === undefined
        ? { kind: 'existing', code: dto.successor.code }
        : {
            kind: 'new',
            code: dto.successor.code,
            name: dto.successor.name.trim(),
            parentCode: dto.successor.parentCode ?? null,
          };
    await this.work.run(async (tx) => {
      const parentCode = successor.kind === 'new' ? successor.parentCode : null;
      await this.units.lockByCodes(tx.manager, [
        ...dto.codes,
        successor.code,
        ...(parentCode ? [parentCode] : []),
      ]);
      const found = await this.units.getByCodes(
        [...dto.codes, successor.code, ...(parentCode ? [parentCode] : [])],
        tx.manager,
      );
      const byCode = new Map(found.map((u) => [u.code, u]));
      const children = await this.units.countActiveChildren(dto.codes, tx.manager);
      const sources = dto.codes.map((c) => byCode.get(c) ?? null);
      const level = sources[0]?.level ?? 'commune';
      const error = checkMerge(
        {
          sources,
          activeChildren: dto.codes.map((c) => children.get(c) ?? 0),
          successor: successor.kind === 'existing' ? (byCode.get(successor.code) ?? null) : null,
          newSuccessorParent: parentCode ? (byCode.get(parentCode) ?? null) : null,
          newSuccessorCodeTaken: successor.kind === 'new' && byCode.has(successor.code),
          siblingNames:
            successor.kind === 'new'
              ? await this.units.getActiveSiblingNames(level, parentCode, null, tx.manager)
              : [],
          today: this.today(),
        },
        { codes: dto.codes, effectiveOn: dto.effectiveOn, successor },
      );
      if (error) throw refusal(error);
      if (successor.kind === 'new') {
        await this.units.insert(tx.manager, {
          code: successor.code,
          name: successor.name,
          level,
          parentCode,
          effectiveFrom: dto.effectiveOn,
        });
      }
      await this.units.retire(tx.manager, dto.codes, dto.effectiveOn, successor.code);
      if (level === 'commune')
        await this.agencies.replaceCoverageCodes(tx.manager, dto.codes, successor.code);
      await tx.audit({
        actor,
        action: 'administrative_unit.merge',
        subjectType: 'AdministrativeUnit',
        subjectId: successor.code,
        fields: ['status', 'effectiveTo', 'successorCode'],
        details: {
          merged: dto.codes.join(','),
          effectiveOn: dto.effectiveOn,
          newSuccessor: successor.kind === 'new',
        },
      });
    });
    return this.get(successor.code);
  }

  private today(): string {
    return vietnamDateOf(this.clock.now());
  }
}

function refusal(error: UnitChangeError) {
  // A unit that is gone or already retired is a conflict with the current state; the rest is bad input.
  const status =
    error.code === 'unit_retired' ||
    error.code === 'has_active_communes' ||
    error.code === 'code_taken'
      ? HttpStatus.CONFLICT
      : HttpStatus.BAD_REQUEST;
  return fieldError(
    status,
    error.field,
    error.code,
    `${error.field}: ${error.code.replace(/_/g, ' ')}`,
  );
}
