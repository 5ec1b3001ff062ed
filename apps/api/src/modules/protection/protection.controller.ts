import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  BreachReceiptView,
  BreachTargetView,
  CaseMeasureView,
  MeasurePacketView,
  Page,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import { CaseChildParamDto } from '../cases/dto/case.dto';
import {
  DecideProtectiveMeasureDto,
  NoRenewalDto,
  ProtectionInboxQueryDto,
  ReportBreachDto,
  RequestProtectiveMeasureDto,
  RevokeProtectiveMeasureDto,
  SupervisionPlanDto,
} from './dto/protection.dto';
import { ProtectionInboxService } from './protection-inbox.service';
import { ProtectionService } from './protection.service';

const C = ApiRoutes.cases;
const P = ApiRoutes.protectiveMeasures;

/** The centre's side, under the case: `cases/:id/protective-measures/...`. */
@ApiTags('protection')
@ApiBearerAuth()
@Controller(C.root)
export class CaseProtectionController {
  constructor(private readonly protection: ProtectionService) {}

  @Get(`:id/${C.protectiveMeasures}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<CaseMeasureView[]> {
    return this.protection.listForCase(caller, id);
  }

  @Post(`:id/${C.protectiveMeasures}`)
  @RequirePermission('create', 'ProtectiveMeasure')
  request(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: RequestProtectiveMeasureDto,
  ): Promise<CaseMeasureView> {
    return this.protection.request(caller, id, dto);
  }

  @Post(`:id/${C.protectiveMeasures}/:childId/${P.decision}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  recordDecision(
    @Caller() caller: Caller,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: DecideProtectiveMeasureDto,
  ): Promise<CaseMeasureView> {
    return this.protection.recordDecision(caller, id, childId, dto);
  }

  @Post(`:id/${C.protectiveMeasures}/:childId/${P.revocation}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  revoke(
    @Caller() caller: Caller,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: RevokeProtectiveMeasureDto,
  ): Promise<CaseMeasureView> {
    return this.protection.revoke(caller, id, childId, dto);
  }

  @Post(`:id/${C.protectiveMeasures}/:childId/${P.noRenewal}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  noRenewal(
    @Caller() caller: Caller,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: NoRenewalDto,
  ): Promise<CaseMeasureView> {
    return this.protection.noRenewal(caller, id, childId, dto);
  }
}

/** The addressed agencies' side and breaches: `protective-measures/...`. */
@ApiTags('protection')
@ApiBearerAuth()
@Controller(P.root)
export class ProtectionInboxController {
  constructor(private readonly inbox: ProtectionInboxService) {}

  @Get()
  @RequirePermission('read', 'ProtectiveMeasure')
  list(
    @Caller() caller: Caller,
    @Query() query: ProtectionInboxQueryDto,
  ): Promise<Page<MeasurePacketView>> {
    return this.inbox.list(caller, query);
  }

  @Get(P.breachTargets)
  @RequirePermission('update', 'ProtectiveMeasure')
  breachTargets(@Caller() caller: Caller): Promise<BreachTargetView[]> {
    return this.inbox.breachTargets(caller);
  }

  @Get(':id')
  @RequirePermission('read', 'ProtectiveMeasure')
  get(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<MeasurePacketView> {
    return this.inbox.get(caller, id);
  }

  @Post(`:id/${P.decision}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'ProtectiveMeasure')
  decide(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: DecideProtectiveMeasureDto,
  ): Promise<MeasurePacketView> {
    return this.inbox.decide(caller, id, dto);
  }

  @Post(`:id/${P.supervisionPlan}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'ProtectiveMeasure')
  supervisionPlan(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: SupervisionPlanDto,
  ): Promise<MeasurePacketView> {
    return this.inbox.supervisionPlan(caller, id, dto);
  }

  @Post(`:id/${P.revocation}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'ProtectiveMeasure')
  revoke(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: RevokeProtectiveMeasureDto,
  ): Promise<MeasurePacketView> {
    return this.inbox.revoke(caller, id, dto);
  }

  @Post(`:id/${P.breaches}`)
  @RequirePermission('update', 'ProtectiveMeasure')
  reportBreach(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: ReportBreachDto,
  ): Promise<BreachReceiptView> {
    return this.inbox.reportBreach(caller, id, dto);
  }
}
