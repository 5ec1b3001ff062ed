import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseNoteView, CorrectionView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { CaseChildParamDto } from '../dto/case.dto';
import { CorrectCaseNoteDto, CorrectionsQueryDto } from './case-correction.dto';
import { CaseCorrectionsService } from './case-corrections.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class CaseCorrectionsController {
  constructor(private readonly corrections: CaseCorrectionsService) {}

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
}
