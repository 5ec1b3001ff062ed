import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountChangeKind, AccountChangeStatus, Role } from '@caunoi/shared/domain';
import { NotificationOutbox } from '../notifications/notification-outbox';

/** Where approvers decide (the web's approvals screen). */
export const APPROVALS_LINK = '/approvals';

export interface NoticeFacts {
  kind: AccountChangeKind;
  targetUserId: string;
  username: string;
  targetRole: Role;
  targetAgencyId: string;
  fromAgencyId: string | null;
  requestedByUserId: string;
}

/**
 * Who hears about a request and its decision: the account holder, the supervisors of the agency the
 * account belongs to (and of the one it leaves), and whoever may decide. The params name the
 * account and the kind of change: staff data, never survivor data.
 */
@Injectable()
export class AccountChangeNotices {
  constructor(private readonly outbox: NotificationOutbox) {}

  /** Tells the people who may decide, and the holder, that a request waits. */
  async requested(m: EntityManager, change: NoticeFacts): Promise<void> {
    const approvers = [
      ...(await this.outbox.activeUsers(m, null, ['admin'])),
      ...(await this.supervisors(m, change)),
    ];
    const others = new Set([change.requestedByUserId, change.targetUserId]);
    await this.send(m, change, 'account_change.requested', approvers, others);
  }

  /** Tells the holder, the requester and the agency's supervisors how it was decided. */
  async decided(
    m: EntityManager,
    change: NoticeFacts,
    status: Exclude<AccountChangeStatus, 'pending'>,
    deciderId: string,
  ): Promise<void> {
    const approvers = [change.requestedByUserId, ...(await this.supervisors(m, change))];
    const others = new Set([deciderId, change.targetUserId]);
    await this.send(m, change, `account_change.${status}`, approvers, others);
  }

  private async supervisors(m: EntityManager, change: NoticeFacts): Promise<string[]> {
    const agencies = new Set([change.targetAgencyId, change.fromAgencyId ?? change.targetAgencyId]);
    const ids: string[] = [];
    for (const agencyId of agencies) {
      ids.push(...(await this.outbox.activeUsers(m, agencyId, ['supervisor'])));
    }
    return ids;
  }

  /** Approvers get a link to the approvals screen; the holder is told without one. */
  private async send(
    m: EntityManager,
    change: NoticeFacts,
    kind: string,
    approvers: string[],
    excluded: Set<string>,
  ): Promise<void> {
    const params = { changeKind: change.kind, username: change.username, role: change.targetRole };
    const withLink = approvers.filter((id) => !excluded.has(id));
    await this.outbox.send(m, withLink, kind, null, params, APPROVALS_LINK);
    // Never the requester nor the decider: nobody asks for or decides a change to their own account.
    await this.outbox.send(m, [change.targetUserId], kind, null, params, null);
  }
}
