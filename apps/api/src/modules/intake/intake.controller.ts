import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@caunoi/shared/authz';
import type { CaseDetailView, IntakeItemView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { OpenCaseDto } from '../cases/dto/open-case.dto';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { IntakeListQueryDto } from './intake.dto';
import { IntakeService } from './intake.service';

const R = ApiRoutes.intake;

@ApiTags('intake')
@ApiBearerAuth()
@Controller(R.root)
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Get()
  @RequirePermission('read', 'IntakeItem')
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: IntakeListQueryDto,
  ): Promise<Page<IntakeItemView>> {
    return this.intake.list(actor, ability, query);
  }

  @RateLimit('identity_lookup')
  @Post(`:id/${R.openCase}`)
  @RequirePermission('create', 'Case')
  openCase(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: OpenCaseDto,
  ): Promise<CaseDetailView> {
    return this.intake.openCase(actor, ability, id, dto);
  }
}
