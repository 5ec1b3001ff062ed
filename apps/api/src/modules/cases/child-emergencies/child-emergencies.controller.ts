import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChildEmergencyView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { CaseChildParamDto } from '../dto/case.dto';
import { MarkChildEmergencyDto, RecordChildInterventionDto } from './child-emergency.dto';
import { ChildEmergenciesService } from './child-emergencies.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class ChildEmergenciesController {
  constructor(private readonly emergencies: ChildEmergenciesService) {}

  @Get(`:id/${C.childEmergencies}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<ChildEmergencyView[]> {
    return this.emergencies.list(caller, params.id);
  }

  @Post(`:id/${C.childEmergencies}`)
  @RequirePermission('update', 'Case')
  mark(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: MarkChildEmergencyDto,
  ): Promise<ChildEmergencyView> {
    return this.emergencies.mark(caller, params.id, dto);
  }

  @Post(`:id/${C.childEmergencies}/:childId/${C.intervention}`)
  @RequirePermission('update', 'Case')
  recordIntervention(
    @Caller() caller: Caller,
    @Param() params: CaseChildParamDto,
    @Body() dto: RecordChildInterventionDto,
  ): Promise<ChildEmergencyView> {
    return this.emergencies.recordIntervention(caller, params.id, params.childId, dto);
  }
}
