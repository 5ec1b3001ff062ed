import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgencyType, Role } from '@caunoi/shared/domain';
import { RECEIVING_ROLES, isReferralTargetType } from '@caunoi/shared/domain';

export type NotificationParams = Record<string, string | number | boolean | null>;

/**
 * Who is told, and the telling: the recipient rules shared by the deadline stages and the referral
 * answers (receiving agency, referring caseworker, supervisors), and the insert of in-app notices.
 */
@Injectable()
export class NotificationOutbox {
  /** Active users of an agency (of any agency when `agencyId` is null) holding one of `roles`. */
  async activeUsers(
    m: EntityManager,
    agencyId: string | null,
    roles: readonly Role[],
  ): Promise<string[]> {
    const rows = (await m.query(
      `SELECT id FROM users
        WHERE ($1::uuid IS NULL OR agency_id = $1) AND role = ANY($2) AND disabled_at IS NULL`,
      [agencyId, [...roles]],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Active users holding `role`, whatever their agency (e.g. every admin). */
  async activeUsersWithRole(m: EntityManager, role: Role): Promise<string[]> {
    const rows = (await m.query(
      `SELECT id FROM users WHERE role = $1 AND disabled_at IS NULL ORDER BY id`,
      [role],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The users who work the referral inbox of an agency (none for a type that cannot receive). */
  receivingAgencyUsers(
    m: EntityManager,
    agencyId: string,
    agencyType: AgencyType | undefined,
  ): Promise<string[]> {
    const roles = agencyType && isReferralTargetType(agencyType) ? RECEIVING_ROLES[agencyType] : [];
    return this.activeUsers(m, agencyId, roles);
  }

  /** The user if still active, else the supervisors of `agencyId` (someone must hear it). */
  async userOrSupervisors(m: EntityManager, userId: string, agencyId: string): Promise<string[]> {
    const [active] = (await m.query(`SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL`, [
      userId,
    ])) as { id: string }[];
    return active ? [active.id] : this.activeUsers(m, agencyId, ['supervisor']);
  }

  /** In-app notifications outside the deadline engine: codes and a link, never survivor data. */
  async send(
    m: EntityManager,
    userIds: string[],
    kind: string,
    caseId: string | null,
    params: NotificationParams,
    link: string | null,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await m.query(
      `INSERT INTO notifications (user_id, kind, case_id, params, link)
       SELECT unnest($1::uuid[]), $2, $3, $4, $5`,
      [[...new Set(userIds)], kind, caseId, JSON.stringify(params), link],
    );
  }
}
