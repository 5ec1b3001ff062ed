import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CasePlanView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { CasePlanVersionDto, ReturnCasePlanDto, SaveCasePlanDto } from './case-plan.dto';
import { CasePlansService } from './case-plans.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class CasePlansController {
  constructor(private readonly plans: CasePlansService) {}

  /** Every version of the case's action plan, newest first. */
  @Get(`:id/${C.plans}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<CasePlanView[]> {
    return this.plans.list(caller, id);
  }

  @Post(`:id/${C.plans}`)
  @RequirePermission('update', 'Case')
  save(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: SaveCasePlanDto,
  ): Promise<CasePlanView> {
    return this.plans.save(caller, id, dto);
  }

  @Post(`:id/${C.plans}/${C.submit}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  submit(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CasePlanVersionDto,
  ): Promise<CasePlanView> {
    return this.plans.submit(caller, id, dto.version);
  }

  @Post(`:id/${C.plans}/${C.approve}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  approve(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CasePlanVersionDto,
  ): Promise<CasePlanView> {
    return this.plans.approve(caller, id, dto.version);
  }

  @Post(`:id/${C.plans}/${C.return}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  return(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: ReturnCasePlanDto,
  ): Promise<CasePlanView> {
    return this.plans.return(caller, id, dto.version, dto.comment);
  }
}
