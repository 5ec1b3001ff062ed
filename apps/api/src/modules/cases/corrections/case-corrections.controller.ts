import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseDetailView, CaseNoteView, CorrectionView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { CaseChildParamDto } from '../dto/case.dto';
import { RateLimit } from '../../rate-limit/rate-limit.decorator';
import {
  CorrectCaseNoteDto,
  CorrectSurvivorIdentityDto,
  CorrectionsQueryDto,
} from './case-correction.dto';
import { CaseCorrectionsService } from './case-corrections.service';
import { SurvivorIdentityCorrectionService } from './survivor-identity-correction.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class CaseCorrectionsController {
  constructor(
    private readonly corrections: CaseCorrectionsService,
    private readonly identity: SurvivorIdentityCorrectionService,
  ) {}

  /** The history of one corrected record of the case (the versions it replaced), newest first. */
  @Get(`:id/${C.corrections}`)
  @RequirePermission('read', 'Case')
  list(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Query() query: CorrectionsQueryDto,
  ): Promise<CorrectionView[]> {
    return this.corrections.list(caller, params.id, query);
  }

  @Put(`:id/${C.notes}/:childId`)
  @RequirePermission('update', 'Case')
  correctNote(
    @Caller() caller: Caller,
    @Param() params: CaseChildParamDto,
    @Body() dto: CorrectCaseNoteDto,
  ): Promise<CaseNoteView> {
    return this.corrections.correctNote(caller, params.id, params.childId, dto);
  }

  /** The survivor's identity corrected (the whole identity, a reason, the version revealed). */
  @RateLimit('identity_lookup')
  @Put(`:id/${C.identity}`)
  @RequirePermission('update', 'Case')
  correctIdentity(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: CorrectSurvivorIdentityDto,
  ): Promise<CaseDetailView> {
    return this.identity.correct(caller, params.id, dto);
  }
}
