import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AdministrativeUnitDetailView,
  AdministrativeUnitView,
  Page,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { RequirePermission } from '../authz/policy.decorators';
import { AdministrativeUnitsService } from './administrative-units.service';
import {
  AdministrativeUnitListQueryDto,
  MergeAdministrativeUnitsDto,
  RenameAdministrativeUnitDto,
  RetireAdministrativeUnitDto,
  UnitCodeParamDto,
} from './dto/administrative-unit.dto';
import { Caller } from '../authz/caller';

const { rename, retire, merge } = ApiRoutes.administrativeUnitChanges;

@ApiTags('administrative-units')
@ApiBearerAuth()
@Controller(ApiRoutes.administrativeUnits)
export class AdministrativeUnitsController {
  constructor(private readonly units: AdministrativeUnitsService) {}

  @Get()
  @RequirePermission('read', 'AdministrativeUnit')
  list(@Query() query: AdministrativeUnitListQueryDto): Promise<Page<AdministrativeUnitView>> {
    return this.units.list(query);
  }

  @Post(merge)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'AdministrativeUnit')
  merge(
    @Caller() caller: Caller,
    @Body() dto: MergeAdministrativeUnitsDto,
  ): Promise<AdministrativeUnitDetailView> {
    return this.units.merge(caller.user, dto);
  }

  @Get(':code')
  @RequirePermission('read', 'AdministrativeUnit')
  get(@Param() { code }: UnitCodeParamDto): Promise<AdministrativeUnitDetailView> {
    return this.units.get(code);
  }

  @Post(`:code/${rename}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'AdministrativeUnit')
  rename(
    @Caller() caller: Caller,
    @Param() { code }: UnitCodeParamDto,
    @Body() dto: RenameAdministrativeUnitDto,
  ): Promise<AdministrativeUnitDetailView> {
    return this.units.rename(caller.user, code, dto);
  }

  @Post(`:code/${retire}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'AdministrativeUnit')
  retire(
    @Caller() caller: Caller,
    @Param() { code }: UnitCodeParamDto,
    @Body() dto: RetireAdministrativeUnitDto,
  ): Promise<AdministrativeUnitDetailView> {
    return this.units.retire(caller.user, code, dto);
  }
}
