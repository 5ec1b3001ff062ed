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
import type { AppAbility } from '@caunoi/shared/authz';
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
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
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
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<CaseReferralView[]> {
    return this.referrals.listForCase(actor, ability, id);
  }

  @Post(`:id/${C.referrals}`)
  @RequirePermission('create', 'Referral')
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateReferralsDto,
  ): Promise<CaseReferralView[]> {
    return this.referrals.create(actor, ability, id, dto);
  }

  @Get(`:id/${C.referralSuggestions}`)
  @RequirePermission('read', 'Case')
  suggestions(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<ReferralSuggestionView[]> {
    return this.referrals.suggestions(actor, ability, id);
  }

  @Post(`:id/${C.referrals}/:referralId/${R.withdraw}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  withdraw(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id, referralId }: ReferralChildParamDto,
    @Body() dto: WithdrawReferralDto,
  ): Promise<CaseReferralView> {
    return this.referrals.withdraw(actor, ability, id, referralId, dto);
  }

  @Post(`:id/${C.referrals}/:referralId/${R.reroute}`)
  @RequirePermission('create', 'Referral')
  reroute(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id, referralId }: ReferralChildParamDto,
    @Body() dto: RerouteReferralDto,
  ): Promise<CaseReferralView> {
    return this.referrals.reroute(actor, ability, id, referralId, dto);
  }

  @Post(`:id/${C.referrals}/:referralId/${R.reviewOverride}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  reviewOverride(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id, referralId }: ReferralChildParamDto,
  ): Promise<CaseReferralView> {
    return this.referrals.reviewOverride(actor, ability, id, referralId);
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
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: InboxQueryDto,
  ): Promise<Page<InboxReferralView>> {
    return this.inbox.list(actor, ability, query);
  }

  @Get(':id')
  @RequirePermission('read', 'Referral')
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.get(actor, ability, id);
  }

  @Post(`:id/${R.accept}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Referral')
  accept(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: AcceptReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.accept(actor, ability, id, dto);
  }

  @Post(`:id/${R.decline}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Referral')
  decline(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: DeclineReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.decline(actor, ability, id, dto);
  }

  @Post(`:id/${R.services}`)
  @RequirePermission('create', 'ServiceRecord')
  recordService(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: RecordServiceDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.recordService(actor, ability, id, dto);
  }

  @Post(`:id/${R.complete}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Referral')
  complete(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: CompleteReferralDto,
  ): Promise<InboxReferralDetailView> {
    return this.inbox.complete(actor, ability, id, dto);
  }
}

@ApiTags('referrals')
@ApiBearerAuth()
@Controller(ApiRoutes.serviceRecords)
export class ServiceRecordsController {
  constructor(private readonly inbox: ReferralInboxService) {}

  @Get()
  @RequirePermission('read', 'ServiceRecord')
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: PageQueryDto,
  ): Promise<Page<ServiceRecordView>> {
    return this.inbox.serviceRecords(actor, ability, query);
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
    @CurrentUser() actor: AuthenticatedUser,
    @Body() dto: UpdateResponseTimesDto,
  ): Promise<ResponseTimeView[]> {
    return this.responseTimes.update(actor, dto);
  }
}
