import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommunityReferralStatus } from '@caunoi/shared/domain';
import { NotificationOutbox } from '../notifications/notification-outbox';
import type { StatusChange } from './community-referrals.repository';
import { CommunityReferralsRepository } from './community-referrals.repository';

/** Where a volunteer's notification leads: their own referrals, which show status only. */
export const COMMUNITY_LINK = '/community';

/**
 * A volunteer's referral moves (received by the centre, a case opened, the case closed) and the
 * volunteer hears of it in the bell: the reference and the status, never what they wrote.
 */
@Injectable()
export class CommunityReferralStatusChanges {
  constructor(
    private readonly referrals: CommunityReferralsRepository,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** A case was opened from the referral. */
  async accepted(m: EntityManager, id: string): Promise<void> {
    await this.tell(m, await this.referrals.markAccepted(m, id), 'accepted');
  }

  /** The case opened from the referral's intake item was closed, or the item dismissed without a case. */
  async closedForIntakeItem(m: EntityManager, intakeItemId: string): Promise<void> {
    await this.tell(m, await this.referrals.markClosedForIntakeItem(m, intakeItemId), 'closed');
  }

  /** The centre's queue holds it (said once per referral, also when the phone's queue sent it later). */
  received(m: EntityManager, change: StatusChange): Promise<void> {
    return this.tell(m, change, 'received');
  }

  private async tell(
    m: EntityManager,
    change: StatusChange | null,
    status: CommunityReferralStatus,
  ): Promise<void> {
    if (!change) return;
    await this.outbox.send(
      m,
      [change.submittedByUserId],
      `community_referral.${status}`,
      null,
      { reference: change.reference },
      COMMUNITY_LINK,
    );
  }
}
