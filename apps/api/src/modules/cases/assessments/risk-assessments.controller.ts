import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@caunoi/shared/authz';
import type { RiskAssessmentView, RiskInstrumentView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../../authz/policy.decorators';
import { CreateRiskAssessmentDto, CreateRiskInstrumentDto } from './risk-assessment.dto';
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
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() params: UuidParamDto,
  ): Promise<RiskAssessmentView[]> {
    return this.assessments.list(actor, ability, params.id);
  }

  @Post(`:id/${C.assessments}`)
  @RequirePermission('update', 'Case')
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() params: UuidParamDto,
    @Body() dto: CreateRiskAssessmentDto,
  ): Promise<RiskAssessmentView> {
    return this.assessments.create(actor, ability, params.id, dto);
  }
}

@ApiTags('risk-instruments')
@ApiBearerAuth()
@Controller(I.root)
export class RiskInstrumentsController {
  constructor(private readonly instruments: RiskInstrumentsService) {}

  @Get()
  @RequirePermission('read', 'RiskInstrument')
  list(@CurrentAbility() ability: AppAbility): Promise<RiskInstrumentView[]> {
    return this.instruments.list(ability);
  }

  @Get(':id')
  @RequirePermission('read', 'RiskInstrument')
  get(
    @CurrentAbility() ability: AppAbility,
    @Param() params: UuidParamDto,
  ): Promise<RiskInstrumentView> {
    return this.instruments.get(ability, params.id);
  }

  @Post()
  @RequirePermission('create', 'RiskInstrument')
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() dto: CreateRiskInstrumentDto,
  ): Promise<RiskInstrumentView> {
    return this.instruments.createDraft(actor, dto);
  }

  @Post(`:id/${I.publish}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'RiskInstrument')
  publish(
    @CurrentUser() actor: AuthenticatedUser,
    @Param() params: UuidParamDto,
  ): Promise<RiskInstrumentView> {
    return this.instruments.publish(actor, params.id);
  }
}
