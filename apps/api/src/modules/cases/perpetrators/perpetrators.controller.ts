import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PerpetratorView, RevealedPerpetratorView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../../common/uuid-param.dto';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { PerpetratorParamsDto, SavePerpetratorDto, UpdatePerpetratorDto } from './perpetrator.dto';
import { PerpetratorsService } from './perpetrators.service';

const C = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(C.root)
export class PerpetratorsController {
  constructor(private readonly perpetrators: PerpetratorsService) {}

  @Get(`:id/${C.perpetrators}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<PerpetratorView[]> {
    return this.perpetrators.list(caller, params.id);
  }

  @Post(`:id/${C.perpetrators}`)
  @RequirePermission('update', 'Case')
  create(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: SavePerpetratorDto,
  ): Promise<PerpetratorView> {
    return this.perpetrators.create(caller, params.id, dto);
  }

  @Put(`:id/${C.perpetrators}/:perpetratorId`)
  @RequirePermission('update', 'Case')
  update(
    @Caller() caller: Caller,
    @Param() params: PerpetratorParamsDto,
    @Body() dto: UpdatePerpetratorDto,
  ): Promise<PerpetratorView> {
    return this.perpetrators.update(caller, params.id, params.perpetratorId, dto);
  }

  @Post(`:id/${C.perpetrators}/:perpetratorId/${C.reveal}`)
  @HttpCode(200)
  @RequirePermission('reveal_identity', 'Case')
  reveal(
    @Caller() caller: Caller,
    @Param() params: PerpetratorParamsDto,
  ): Promise<RevealedPerpetratorView> {
    return this.perpetrators.reveal(caller, params.id, params.perpetratorId);
  }
}
