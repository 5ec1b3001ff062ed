import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ClosureRequestView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { ReopenCaseDto, RequestClosureDto, ReturnClosureDto } from './case-closure.dto';
import { CaseClosureService } from './case-closure.service';

const R = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(R.root)
export class CaseClosureController {
  constructor(private readonly closure: CaseClosureService) {}

  /** Every closure request of the case, newest first (with decisions and reopenings). */
  @Get(`:id/${R.closure}`)
  @RequirePermission('read', 'Case')
  history(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<ClosureRequestView[]> {
    return this.closure.history(caller, id);
  }

  @Post(`:id/${R.closure}`)
  @RequirePermission('update', 'Case')
  request(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: RequestClosureDto,
  ): Promise<ClosureRequestView[]> {
    return this.closure.request(caller, id, dto);
  }

  @Post(`:id/${R.closure}/${R.approve}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  approve(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<ClosureRequestView[]> {
    return this.closure.approve(caller, id);
  }

  @Post(`:id/${R.closure}/${R.return}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  return(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: ReturnClosureDto,
  ): Promise<ClosureRequestView[]> {
    return this.closure.return(caller, id, dto.comment);
  }

  @Post(`:id/${R.reopen}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  reopen(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: ReopenCaseDto,
  ): Promise<ClosureRequestView[]> {
    return this.closure.reopen(caller, id, dto.reason);
  }
}
