import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AdministrativeUnitDetailView,
  AdministrativeUnitView,
  Page,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { AdministrativeUnitsService } from './administrative-units.service';
import {
  AdministrativeUnitListQueryDto,
  MergeAdministrativeUnitsDto,
  RenameAdministrativeUnitDto,
  RetireAdministrativeUnitDto,
  UnitCodeParamDto,
} from './dto/administrative-unit.dto';

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
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: MergeAdministrativeUnitsDto,
  ): Promise<AdministrativeUnitDetailView> {
    return this.units.merge(user, dto);
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
    @CurrentUser() user: AuthenticatedUser,
    @Param() { code }: UnitCodeParamDto,
    @Body() dto: RenameAdministrativeUnitDto,
  ): Promise<AdministrativeUnitDetailView> {
    return this.units.rename(user, code, dto);
  }

  @Post(`:code/${retire}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'AdministrativeUnit')
  retire(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { code }: UnitCodeParamDto,
    @Body() dto: RetireAdministrativeUnitDto,
  ): Promise<AdministrativeUnitDetailView> {
    return this.units.retire(user, code, dto);
  }
}
