import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@caunoi/shared/authz';
import type { CommunityReferralStatusView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import {
  CommunityReferralListQueryDto,
  CreateCommunityReferralDto,
} from './community-referral.dto';
import { CommunityReferralsService } from './community-referrals.service';

const R = ApiRoutes.communityReferrals;

@ApiTags('community-referrals')
@ApiBearerAuth()
@Controller(R.root)
export class CommunityReferralsController {
  constructor(private readonly referrals: CommunityReferralsService) {}

  @Post()
  @RequirePermission('create', 'CommunityReferral')
  submit(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() dto: CreateCommunityReferralDto,
  ): Promise<CommunityReferralStatusView> {
    return this.referrals.submit(actor, dto);
  }

  @Get(R.mine)
  @RequirePermission('read', 'CommunityReferral')
  mine(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: CommunityReferralListQueryDto,
  ): Promise<Page<CommunityReferralStatusView>> {
    return this.referrals.mine(actor, ability, query);
  }
}
