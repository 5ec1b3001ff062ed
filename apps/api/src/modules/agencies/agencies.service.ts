import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AgencyView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { AgencyType } from '@caunoi/shared/domain';
import { isReferralTargetType } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { AgenciesRepository } from './agencies.repository';
import type { AgencyEntity } from './agency.entity';
import type { AgencyListQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { mapAgency } from './dto/agency.dto';
import { UnitOfWork } from '../../database/unit-of-work';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly agencies: AgenciesRepository,
    private readonly units: AdministrativeUnitLookup,
  ) {}

  async list(query: AgencyListQueryDto): Promise<Page<AgencyView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { name: 'text', id: 'uuid' });
    const coversCommune = query.coversCommune
      ? await this.communeForFilter(query.coversCommune)
      : undefined;
    const rows = await this.agencies.getPage({
      after,
      limit: limit + 1,
      type: query.type,
      provinceCode: query.provinceCode,
      nameContains: query.q?.trim() || undefined,
      includeInactive: query.includeInactive ?? false,
      coversCommune,
      service: query.service,
      acceptingReferrals: query.acceptingReferrals,
    });
    const page = keysetPage(rows, limit, (last) => ({ name: last.name, id: last.id }));
    return { items: page.items.map(mapAgency), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<AgencyView> {
    return mapAgency(await this.getEntity(id));
  }

  async create(actor: AuthenticatedUser, dto: CreateAgencyDto): Promise<AgencyView> {
    await this.assertUnits(dto.provinceCode, dto.communeCode ?? null);
    const directory = {
      coversWholeProvince: dto.coversWholeProvince ?? false,
      coverageCommuneCodes: dto.coverageCommuneCodes ?? [],
      open24h: dto.open24h ?? false,
      openingHours: dto.openingHours?.trim() || null,
      capacityNote: dto.capacityNote?.trim() || null,
      acceptingReferrals: dto.acceptingReferrals ?? true,
    };
    await this.assertDirectory(dto.type, dto.provinceCode, directory);
    const saved = await this.work.run(async (tx) => {
      const agency = await this.agencies.insert(tx.manager, {
        type: dto.type,
        name: dto.name.trim(),
        provinceCode: dto.provinceCode,
        communeCode: dto.communeCode ?? null,
        address: dto.address ?? null,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        services: dto.services,
        ...directory,
      });
      await tx.audit({
        actor,
        action: 'agency.create',
        subjectType: 'Agency',
        subjectId: agency.id,
        fields: Object.keys(dto),
      });
      return agency;
    });
    return mapAgency(saved);
  }

  async update(actor: AuthenticatedUser, id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    const agency = await this.getEntity(id);
    const provinceCode = dto.provinceCode ?? agency.provinceCode;
    const communeCode = dto.communeCode === undefined ? agency.communeCode : dto.communeCode;
    if (dto.provinceCode !== undefined || dto.communeCode !== undefined) {
      await this.assertUnits(provinceCode, communeCode, agency);
    }
    const changed = Object.keys(dto);
    Object.assign(agency, { ...dto, provinceCode, communeCode });
    if (dto.name !== undefined) agency.name = dto.name.trim();
    if (dto.openingHours !== undefined) agency.openingHours = dto.openingHours?.trim() || null;
    if (dto.capacityNote !== undefined) agency.capacityNote = dto.capacityNote?.trim() || null;
    await this.assertDirectory(agency.type, provinceCode, agency);
    const saved = await this.work.run(async (tx) => {
      const result = await this.agencies.save(tx.manager, agency);
      await tx.audit({
        actor,
        action: dto.active === false ? 'agency.disable' : 'agency.update',
        subjectType: 'Agency',
        subjectId: id,
        fields: changed,
      });
      return result;
    });
    return mapAgency(saved);
  }

  /** The directory's suggestion candidates: active agencies of the given types in a province. */
  referralCandidates(types: readonly AgencyType[], provinceCode: string): Promise<AgencyEntity[]> {
    return this.agencies.getActiveOfTypes(types, provinceCode);
  }

  private async communeForFilter(code: string): Promise<{ code: string; provinceCode: string }> {
    // A search may name a retired commune: the agencies that still list it are found.
    const commune = await this.units.requireCommune(code, 'coversCommune', { keep: code });
    return { code, provinceCode: commune.parentCode ?? '' };
  }

  /**
   * Directory entries must be usable: the communes covered lie in the agency's province, and an
   * agency that takes referrals says when it is open (or that it is open 24/7).
   */
  private async assertDirectory(
    type: AgencyType,
    provinceCode: string,
    d: Pick<
      AgencyEntity,
      'coverageCommuneCodes' | 'open24h' | 'openingHours' | 'acceptingReferrals'
    >,
  ): Promise<void> {
    if (d.coverageCommuneCodes.length > 0) {
      if (!(await this.units.allActiveCommunesOf(d.coverageCommuneCodes, provinceCode))) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'coverageCommuneCodes',
          'not_in_province',
          'coverageCommuneCodes must be communes in force in the agency province',
        );
      }
    }
    if (isReferralTargetType(type) && d.acceptingReferrals && !d.open24h && !d.openingHours) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'openingHours',
        'required_unless_24h',
        'openingHours is required for an agency taking referrals unless it is open 24/7',
      );
    }
  }

  private async getEntity(id: string): Promise<AgencyEntity> {
    const agency = await this.agencies.getById(id);
    if (!agency) throw new NotFoundException('Agency not found');
    return agency;
  }

  /**
   * The province must be in force, and the commune, if given, must lie in it. Codes the agency
   * already had may stay after their unit was retired (agencies keep the code they had).
   */
  private async assertUnits(
    provinceCode: string,
    communeCode: string | null,
    current?: Pick<AgencyEntity, 'provinceCode' | 'communeCode'>,
  ): Promise<void> {
    await this.units.requireProvince(provinceCode, 'provinceCode', { keep: current?.provinceCode });
    if (communeCode === null) return;
    const commune = await this.units.requireCommune(communeCode, 'communeCode', {
      keep: current?.communeCode,
    });
    if (commune.parentCode !== provinceCode) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'communeCode',
        'not_in_province',
        'communeCode is not a commune of the given province',
      );
    }
  }
}
