import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  CaseReferralView,
  InboxReferralDetailView,
  InboxReferralView,
  Page,
  ReferralSuggestionView,
  ResponseTimeView,
  ServiceRecordView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { PageQueryDto } from '../../common/page-query.dto';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import {
  AcceptReferralDto,
  CompleteReferralDto,
  CreateReferralsDto,
  DeclineReferralDto,
  InboxQueryDto,
  RecordServiceDto,
  ReferralChildParamDto,
  RerouteReferralDto,
  UpdateResponseTimesDto,
  WithdrawReferralDto,
} from './dto/referral.dto';
import { ReferralInboxService } from './referral-inbox.service';
import { ReferralsService } from './referrals.service';
import { ResponseTimesService } from './response-times.service';
import { Caller } from '../authz/caller';

const C = ApiRoutes.cases;
const R = ApiRoutes.referrals;

/** The sending side, under the case: `cases/:id/referrals/...`. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller(C.root)
export class CaseReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get(`:id/${C.referrals}`)
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<CaseReferralView[]> {
    return this.referrals.listForCase(caller, id);
  }

  @Post(`:id/${C.referrals}`)
  @RequirePermission('create', 'Referral')
  create(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateReferralsDto,
  ): Promise<CaseReferralView[]> {
    return this.referrals.create(caller, id, dto);
  }

  @Get(`:id/${C.referralSuggestions}`)
  @RequirePermission('read', 'Case')
  suggestions(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
  ): Promise<ReferralSuggestionView[]> {
    return this.referrals.suggestions(caller, id);
  }

  @Post(`:id/${C.referrals}/:referralId/${R.withdraw}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  withdraw(
    @Caller() caller: Caller,
    @Param() { id, referralId }: ReferralChildParamDto,
    @Body() dto: WithdrawReferralDto,
  ): Promise<CaseReferralView> {
    return this.referrals.withdraw(caller, id, referralId, dto);
  }

  @Post(`:id/${C.referrals}/:referralId/${R.reroute}`)
  @RequirePermission('create', 'Referral')
  reroute(
    @Caller() caller: Caller,
    @Param() { id, referralId }: ReferralChildParamDto,
    @Body() dto: RerouteReferralDto,
  ): Promise<CaseReferralView> {
    return this.referrals.reroute(caller, id, referralId, dto);
  }

  @Post(`:id/${C.referrals}/:referralId/${R.reviewOverride}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  reviewOverride(
    @Caller() caller: Caller,
    @Param() { id, referralId }: ReferralChildParamDto,
  ): Promise<CaseReferralView> {
    return this.referrals.reviewOverride(caller, id, referralId);
  }
}

/** The receiving agency's inbox: `referrals/...`. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller(R.root)
export class ReferralInboxController {
  constructor(private readonly inbox: ReferralInboxService) {}

  @Get()
  @RequirePermission('read', 'Referral')
  list(@Caller() caller: Caller, @Query() query: InboxQueryDto): Promise<Page<InboxReferralView>> {
    return this.inbox.list(caller, query);
  }

  @Get(':id')
  @RequirePermission('read', 'Referral')
  get(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<InboxReferralDetailView> {
    return this.inbox.get(caller, id);
  }

  @Post(`:id/${R.accept}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Referral')
  accept(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: AcceptReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.accept(caller, id, dto);
  }

  @Post(`:id/${R.decline}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Referral')
  decline(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: DeclineReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.decline(caller, id, dto);
  }

  @Post(`:id/${R.services}`)
  @RequirePermission('create', 'ServiceRecord')
  recordService(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: RecordServiceDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.recordService(caller, id, dto);
  }

  @Post(`:id/${R.complete}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Referral')
  complete(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CompleteReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.complete(caller, id, dto);
  }
}

@ApiTags('referrals')
@ApiBearerAuth()
@Controller(ApiRoutes.serviceRecords)
export class ServiceRecordsController {
  constructor(private readonly inbox: ReferralInboxService) {}

  @Get()
  @RequirePermission('read', 'ServiceRecord')
  list(@Caller() caller: Caller, @Query() query: PageQueryDto): Promise<Page<ServiceRecordView>> {
    return this.inbox.serviceRecords(caller, query);
  }
}

@ApiTags('settings')
@ApiBearerAuth()
@Controller(ApiRoutes.responseTimes)
export class ResponseTimesController {
  constructor(private readonly responseTimes: ResponseTimesService) {}

  @Get()
  @RequirePermission('read', 'Setting')
  list(): Promise<ResponseTimeView[]> {
    return this.responseTimes.list();
  }

  @Put()
  @RequirePermission('update', 'Setting')
  update(
    @Caller() caller: Caller,
    @Body() dto: UpdateResponseTimesDto,
  ): Promise<ResponseTimeView[]> {
    return this.responseTimes.update(caller.user, dto);
  }
}
