import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RiskAssessmentView, RiskInstrumentView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { CaseChildParamDto } from '../dto/case.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import {
  CorrectRiskAssessmentDto,
  CreateRiskAssessmentDto,
  CreateRiskInstrumentDto,
} from './risk-assessment.dto';
import { RiskAssessmentsService } from './risk-assessments.service';
import { RiskInstrumentsService } from './risk-instruments.service';

const C = ApiRoutes.cases;
const I = ApiRoutes.riskInstruments;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class RiskAssessmentsController {
  constructor(private readonly assessments: RiskAssessmentsService) {}

  @Get(`:id/${C.assessments}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<RiskAssessmentView[]> {
    return this.assessments.list(caller, params.id);
  }

  @Post(`:id/${C.assessments}`)
  @RequirePermission('update', 'Case')
  create(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: CreateRiskAssessmentDto,
  ): Promise<RiskAssessmentView> {
    return this.assessments.create(caller, params.id, dto);
  }

  @Put(`:id/${C.assessments}/:childId`)
  @RequirePermission('update', 'Case')
  correct(
    @Caller() caller: Caller,
    @Param() params: CaseChildParamDto,
    @Body() dto: CorrectRiskAssessmentDto,
  ): Promise<RiskAssessmentView> {
    return this.assessments.correct(caller, params.id, params.childId, dto);
  }
}

@ApiTags('risk-instruments')
@ApiBearerAuth()
@Controller(I.root)
export class RiskInstrumentsController {
  constructor(private readonly instruments: RiskInstrumentsService) {}

  @Get()
  @RequirePermission('read', 'RiskInstrument')
  list(@Caller() caller: Caller): Promise<RiskInstrumentView[]> {
    return this.instruments.list(caller);
  }

  @Get(':id')
  @RequirePermission('read', 'RiskInstrument')
  get(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<RiskInstrumentView> {
    return this.instruments.get(caller, params.id);
  }

  @Post()
  @RequirePermission('create', 'RiskInstrument')
  create(
    @Caller() caller: Caller,
    @Body() dto: CreateRiskInstrumentDto,
  ): Promise<RiskInstrumentView> {
    return this.instruments.createDraft(caller, dto);
  }

  @Post(`:id/${I.publish}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'RiskInstrument')
  publish(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<RiskInstrumentView> {
    return this.instruments.publish(caller, params.id);
  }
}
