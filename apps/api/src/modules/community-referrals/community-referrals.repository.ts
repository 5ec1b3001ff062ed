import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SqlFilter } from '../authz/accessible-where';
import { AgencyEntity } from '../agencies/agency.entity';
import { CommunityReferralEntity } from './community-referral.entity';

/** Who sent a referral whose status just changed, and its reference: what their notification carries. */
export interface StatusChange {
  reference: string;
  submittedByUserId: string;
}

export const COMMUNITY_REFERRAL_RULE_COLUMNS = {
  submittedByUserId: 'r.submitted_by_user_id',
} as const;

@Injectable()
export class CommunityReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The social-work centre that covers a commune, by the service directory's coverage areas. */
  async findCentreCovering(
    communeCode: string,
    provinceCode: string,
  ): Promise<AgencyEntity | null> {
    return (
      this.dataSource
        .getRepository(AgencyEntity)
        .createQueryBuilder('a')
        .where(`a.type = 'social_work_centre' AND a.active AND a.province_code = :provinceCode`, {
          provinceCode,
        })
        // The service directory decides: a centre naming the commune in its coverage, then one covering the
        // whole province, then one sitting in the commune; the oldest centre is the last resort.
        .orderBy(':communeCode = ANY(a.coverage_commune_codes)', 'DESC')
        .addOrderBy('a.covers_whole_province', 'DESC')
        .addOrderBy('(a.commune_code = :communeCode)', 'DESC')
        .addOrderBy('a.created_at', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .setParameter('communeCode', communeCode)
        .limit(1)
        .getOne()
    );
  }

  async isReferenceTaken(manager: EntityManager, reference: string): Promise<boolean> {
    return manager.getRepository(CommunityReferralEntity).existsBy({ reference });
  }

  insert(
    manager: EntityManager,
    referral: Partial<CommunityReferralEntity>,
  ): Promise<CommunityReferralEntity> {
    return manager
      .getRepository(CommunityReferralEntity)
      .save(manager.create(CommunityReferralEntity, referral));
  }

  /** The volunteer's earlier submission with this key, if any (keys are per submitter). */
  findBySubmitterKey(userId: string, key: string): Promise<CommunityReferralEntity | null> {
    return this.dataSource
      .getRepository(CommunityReferralEntity)
      .findOneBy({ submittedByUserId: userId, idempotencyKey: key });
  }

  async markAccepted(manager: EntityManager, id: string): Promise<StatusChange | null> {
    return this.setStatus(manager, 'accepted', 'id = $1', id);
  }

  /** A case opened from a community referral has closed: the volunteer sees the referral closed. */
  async markClosedForIntakeItem(
    manager: EntityManager,
    intakeItemId: string,
  ): Promise<StatusChange | null> {
    return this.setStatus(
      manager,
      'closed',
      'id = (SELECT community_referral_id FROM intake_items WHERE id = $1)',
      intakeItemId,
    );
  }

  private async setStatus(
    manager: EntityManager,
    status: 'accepted' | 'closed',
    where: string,
    param: string,
  ): Promise<StatusChange | null> {
    const [rows] = (await manager.query(
      `UPDATE community_referrals SET status = '${status}', updated_at = now()
        WHERE ${where} AND status <> '${status}'
        RETURNING reference, submitted_by_user_id AS "submittedByUserId"`,
      [param],
    )) as [StatusChange[], number];
    return rows[0] ?? null;
  }

  getPage(
    access: SqlFilter,
    after: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<CommunityReferralEntity[]> {
    const qb = this.dataSource
      .getRepository(CommunityReferralEntity)
      .createQueryBuilder('r')
      .where(access.sql, access.params);
    if (after)
      qb.andWhere('(r.created_at, r.id) < (:afterAt, :afterId)', {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
  }
}
