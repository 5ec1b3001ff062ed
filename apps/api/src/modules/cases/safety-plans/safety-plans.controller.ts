import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SafetyPlanView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
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
  list(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<SafetyPlanView[]> {
    return this.plans.list(caller, params.id);
  }

  @Post(`:id/${C.safetyPlans}`)
  @RequirePermission('update', 'Case')
  save(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: SaveSafetyPlanDto,
  ): Promise<SafetyPlanView> {
    return this.plans.save(caller, params.id, dto);
  }
}
