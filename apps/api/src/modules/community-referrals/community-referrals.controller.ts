import { Body, Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
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

  /** 201 for a new referral; 200 with the first one when the same volunteer replays its key. */
  @Post()
  @RequirePermission('create', 'CommunityReferral')
  async submit(
    @Caller() caller: Caller,
    @Body() dto: CreateCommunityReferralDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommunityReferralStatusView> {
    const { referral, replayed } = await this.referrals.submit(caller.user, dto);
    if (replayed) res.status(HttpStatus.OK);
    return referral;
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
