import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseDetailView, IntakeItemView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { OpenCaseDto } from '../cases/dto/open-case.dto';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { DismissIntakeItemDto, IntakeListQueryDto } from './intake.dto';
import { IntakeService } from './intake.service';
import { Caller } from '../authz/caller';

const R = ApiRoutes.intake;

@ApiTags('intake')
@ApiBearerAuth()
@Controller(R.root)
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Get()
  @RequirePermission('read', 'IntakeItem')
  list(
    @Caller() caller: Caller,
    @Query() query: IntakeListQueryDto,
  ): Promise<Page<IntakeItemView>> {
    return this.intake.list(caller, query);
  }

  @RateLimit('identity_lookup')
  @Post(`:id/${R.openCase}`)
  @RequirePermission('create', 'Case')
  openCase(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: OpenCaseDto,
  ): Promise<CaseDetailView> {
    return this.intake.openCase(caller, id, dto);
  }

  @Post(`:id/${R.dismiss}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'IntakeItem')
  dismiss(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: DismissIntakeItemDto,
  ): Promise<IntakeItemView> {
    return this.intake.dismiss(caller, id, dto);
  }
}
