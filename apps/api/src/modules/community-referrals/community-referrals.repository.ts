import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SqlFilter } from '../authz/accessible-where';
import { AgencyEntity } from '../agencies/agency.entity';
import { CommunityReferralEntity } from './community-referral.entity';

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

  async markAccepted(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(CommunityReferralEntity).update({ id }, { status: 'accepted' });
  }

  /** A case opened from a community referral has closed: the volunteer sees the referral closed. */
  async markClosedForIntakeItem(manager: EntityManager, intakeItemId: string): Promise<void> {
    await manager.query(
      `UPDATE community_referrals SET status = 'closed', updated_at = now()
        WHERE id = (SELECT community_referral_id FROM intake_items WHERE id = $1)`,
      [intakeItemId],
    );
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
