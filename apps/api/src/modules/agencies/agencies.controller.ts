import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AgencyView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { AgenciesService } from './agencies.service';
import { AgencyListQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller(ApiRoutes.agencies)
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('read', 'Agency')
  list(@Query() query: AgencyListQueryDto): Promise<Page<AgencyView>> {
    return this.agencies.list(query);
  }

  @Get(':id')
  @RequirePermission('read', 'Agency')
  get(@Param() { id }: UuidParamDto): Promise<AgencyView> {
    return this.agencies.get(id);
  }

  @Post()
  @RequirePermission('create', 'Agency')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateAgencyDto,
  ): Promise<AgencyView> {
    return this.agencies.create(user, dto);
  }

  @Patch(':id')
  @RequirePermission('update', 'Agency')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyView> {
    return this.agencies.update(user, id, dto);
  }
}
