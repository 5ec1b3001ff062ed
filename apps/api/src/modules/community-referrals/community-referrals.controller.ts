import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommunityReferralStatusView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { RequirePermission } from '../authz/policy.decorators';
import {
  CommunityReferralListQueryDto,
  CreateCommunityReferralDto,
} from './community-referral.dto';
import { CommunityReferralsService } from './community-referrals.service';
import { Caller } from '../authz/caller';

const R = ApiRoutes.communityReferrals;

@ApiTags('community-referrals')
@ApiBearerAuth()
@Controller(R.root)
export class CommunityReferralsController {
  constructor(private readonly referrals: CommunityReferralsService) {}

  @Post()
  @RequirePermission('create', 'CommunityReferral')
  submit(
    @Caller() caller: Caller,
    @Body() dto: CreateCommunityReferralDto,
  ): Promise<CommunityReferralStatusView> {
    return this.referrals.submit(caller.user, dto);
  }

  @Get(R.mine)
  @RequirePermission('read', 'CommunityReferral')
  mine(
    @Caller() caller: Caller,
    @Query() query: CommunityReferralListQueryDto,
  ): Promise<Page<CommunityReferralStatusView>> {
    return this.referrals.mine(caller, query);
  }
}
