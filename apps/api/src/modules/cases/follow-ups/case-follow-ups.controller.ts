import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FollowUpView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { CaseChildParamDto } from '../dto/case.dto';
import { RecordFollowUpOutcomeDto, ScheduleFollowUpDto } from './case-follow-up.dto';
import { CaseFollowUpsService } from './case-follow-ups.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class CaseFollowUpsController {
  constructor(private readonly followUps: CaseFollowUpsService) {}

  @Get(`:id/${C.followUps}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<FollowUpView[]> {
    return this.followUps.list(caller, params.id);
  }

  @Post(`:id/${C.followUps}`)
  @RequirePermission('update', 'Case')
  schedule(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: ScheduleFollowUpDto,
  ): Promise<FollowUpView> {
    return this.followUps.schedule(caller, params.id, dto);
  }

  @Post(`:id/${C.followUps}/:childId/${C.outcome}`)
  @RequirePermission('update', 'Case')
  recordOutcome(
    @Caller() caller: Caller,
    @Param() params: CaseChildParamDto,
    @Body() dto: RecordFollowUpOutcomeDto,
  ): Promise<FollowUpView> {
    return this.followUps.recordOutcome(caller, params.id, params.childId, dto);
  }
}
