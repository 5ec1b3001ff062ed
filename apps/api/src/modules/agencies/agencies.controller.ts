import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AgencyView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { AgenciesService } from './agencies.service';
import { AgencyListQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { Caller } from '../authz/caller';

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
  create(@Caller() caller: Caller, @Body() dto: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(caller.user, dto);
  }

  @Patch(':id')
  @RequirePermission('update', 'Agency')
  update(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyView> {
    return this.agencies.update(caller.user, id, dto);
  }
}
