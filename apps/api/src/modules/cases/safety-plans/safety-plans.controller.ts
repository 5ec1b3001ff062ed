import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@caunoi/shared/authz';
import type { SafetyPlanView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../../authz/policy.decorators';
import { SaveSafetyPlanDto } from './safety-plan.dto';
import { SafetyPlansService } from './safety-plans.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class SafetyPlansController {
  constructor(private readonly plans: SafetyPlansService) {}

  @Get(`:id/${C.safetyPlans}`)
  @RequirePermission('read', 'Case')
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() params: UuidParamDto,
  ): Promise<SafetyPlanView[]> {
    return this.plans.list(actor, ability, params.id);
  }

  @Post(`:id/${C.safetyPlans}`)
  @RequirePermission('update', 'Case')
  save(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() params: UuidParamDto,
    @Body() dto: SaveSafetyPlanDto,
  ): Promise<SafetyPlanView> {
    return this.plans.save(actor, ability, params.id, dto);
  }
}
