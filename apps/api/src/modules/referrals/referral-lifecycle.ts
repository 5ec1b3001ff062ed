import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  AgencyType,
  ReferralEventKind,
  ReferralStatus,
  SharingConsentFacts,
  WithdrawReason,
} from '@caunoi/shared/domain';
import { consentCoverage, isReferralOpen } from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { FieldCipher } from '../crypto/field-cipher';
import type { Tx } from '../../database/unit-of-work';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { NotificationParams } from '../notifications/notification-outbox';
import { NotificationOutbox } from '../notifications/notification-outbox';
import type { ReferralEntity } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';

/**
 * What happens to a referral whoever causes it: a timeline event, a status change that purges the
 * disclosed packet when the referral closes, notifications to the other end, and the audit row, all
 * in the caller's transaction. Shared by the sender, the receiving agency and consent withdrawal.
 */
@Injectable()
export class ReferralLifecycle {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly outbox: NotificationOutbox,
    private readonly deadlines: DeadlinesService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async recordEvent(
    m: EntityManager,
    referral: ReferralEntity,
    event: ReferralEventKind,
    actor: AuthenticatedUser | null,
    reason: string | null = null,
    note: string | null = null,
  ): Promise<void> {
    await this.referrals.insertEvent(m, {
      referralId: referral.id,
      caseId: referral.caseId,
      event,
      actorUserId: actor?.id ?? null,
      actorAgencyId: actor?.agencyId ?? null,
      reason,
      noteEnc: this.cipher.encryptOptional(note?.trim() || null),
      at: this.clock.now(),
    });
  }

  /**
   * Moves a referral to `status`. Closing it (completed, declined, withdrawn) drops the packet data
   * the receiving agency could read: their access ends with the data itself, not only a check.
   */
  async changeStatus(
    m: EntityManager,
    referral: ReferralEntity,
    status: ReferralStatus,
    patch: Partial<ReferralEntity> = {},
  ): Promise<void> {
    const closing = !isReferralOpen(status);
    const change: Partial<ReferralEntity> = {
      ...patch,
      status,
      ...(closing ? { packetEnc: null, closedAt: this.clock.now() } : {}),
    };
    await this.referrals.update(m, referral.id, change);
    Object.assign(referral, change);
  }

  /** Tells the referring caseworker (or, if they have left, the centre's supervisors). */
  async notifySender(
    m: EntityManager,
    referral: ReferralEntity,
    kind: string,
    params: NotificationParams,
    survivorCode: string,
  ): Promise<void> {
    await this.outbox.send(
      m,
      await this.outbox.userOrSupervisors(m, referral.referredByUserId, referral.fromAgencyId),
      kind,
      referral.caseId,
      { referralCode: referral.code, survivorCode, ...params },
      `/cases/${referral.caseId}`,
    );
  }

  /** Tells the receiving agency's inbox users: the referral code only, never the case. */
  async notifyReceivers(
    m: EntityManager,
    referral: ReferralEntity,
    toAgencyType: AgencyType | undefined,
    kind: string,
    params: NotificationParams,
  ): Promise<void> {
    await this.outbox.send(
      m,
      await this.outbox.receivingAgencyUsers(m, referral.toAgencyId, toAgencyType),
      kind,
      null,
      { referralCode: referral.code, ...params },
      `/inbox/referrals/${referral.id}`,
    );
  }

  /** Withdraws an open referral (sender, re-route or consent withdrawal) and stops its clock. */
  async withdraw(
    tx: Tx,
    actor: AuthenticatedUser | null,
    referral: ReferralEntity,
    reason: WithdrawReason,
    note: string | null,
  ): Promise<void> {
    const m = tx.manager;
    await this.changeStatus(m, referral, 'withdrawn', {
      withdrawReason: reason,
      withdrawNoteEnc: this.cipher.encryptOptional(note?.trim() || null),
    });
    await this.recordEvent(m, referral, 'withdrawn', actor, reason, note);
    const agencies = await this.referrals.getAgencyRefs([referral.toAgencyId], m);
    await this.notifyReceivers(
      m,
      referral,
      agencies.get(referral.toAgencyId)?.type,
      'referral.withdrawn',
      { reason },
    );
    await tx.audit({
      actor,
      caseId: referral.caseId,
      action: 'referral.withdraw',
      subjectType: 'Referral',
      subjectId: referral.id,
      fields: ['status'],
      details: { reason },
    });
    await this.deadlines.cancelReferralResponseClock(tx, referral.id, `withdrawn:${reason}`);
  }

  /**
   * After a consent is withdrawn: every open referral of the case that relied on consent and is no
   * longer covered is withdrawn, and its recipients lose access. Referrals sent under an override
   * did not rest on consent and stay (the supervisor reviews them).
   */
  async onConsentWithdrawn(
    tx: Tx,
    actor: AuthenticatedUser,
    caseId: string,
    consents: readonly SharingConsentFacts[],
  ): Promise<void> {
    const open = await this.referrals.getOpenForCaseForUpdate(tx.manager, caseId);
    const agencies = await this.referrals.getAgencyRefs(
      open.map((r) => r.toAgencyId),
      tx.manager,
    );
    for (const referral of open) {
      if (referral.overrideReason) continue;
      const type = agencies.get(referral.toAgencyId)?.type;
      if (type && consentCoverage(consents, type, referral.packet).covered) continue;
      await this.withdraw(tx, actor, referral, 'consent_withdrawn', null);
    }
  }
}
