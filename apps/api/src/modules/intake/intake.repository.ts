import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IntakeDismissalReason, IntakeItemStatus } from '@caunoi/shared/domain';
import type { SqlFilter } from '../authz/accessible-where';
import { CallEntity } from '../calls/call.entity';
import { CommunityReferralEntity } from '../community-referrals/community-referral.entity';
import { IntakeItemEntity } from './intake-item.entity';

export const INTAKE_RULE_COLUMNS = { agencyId: 'i.agency_id' } as const;

/** An intake item with the call or community referral behind it. */
export interface IntakeItemWithSource {
  item: IntakeItemEntity;
  call: CallEntity | null;
  communityReferral: CommunityReferralEntity | null;
}

@Injectable()
export class IntakeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, item: Partial<IntakeItemEntity>): Promise<IntakeItemEntity> {
    return manager.getRepository(IntakeItemEntity).save(manager.create(IntakeItemEntity, item));
  }

  async lock(manager: EntityManager, id: string): Promise<IntakeItemEntity | null> {
    return manager
      .getRepository(IntakeItemEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
  }

  async markOpened(manager: EntityManager, id: string, caseId: string): Promise<void> {
    await manager.getRepository(IntakeItemEntity).update({ id }, { status: 'opened', caseId });
  }

  async markDismissed(
    manager: EntityManager,
    id: string,
    dismissal: {
      at: Date;
      byUserId: string;
      reason: IntakeDismissalReason;
      noteEnc: string | null;
    },
  ): Promise<void> {
    await manager.getRepository(IntakeItemEntity).update(
      { id },
      {
        status: 'dismissed',
        dismissedAt: dismissal.at,
        dismissedByUserId: dismissal.byUserId,
        dismissalReason: dismissal.reason,
        dismissalNoteEnc: dismissal.noteEnc,
      },
    );
  }

  /** Newest first, keyset on (received_at, id), filtered in SQL by the caller's CASL rules. */
  async getPage(
    access: SqlFilter,
    status: IntakeItemStatus,
    after: { receivedAt: string; id: string } | null,
    limit: number,
  ): Promise<IntakeItemWithSource[]> {
    const qb = this.dataSource
      .getRepository(IntakeItemEntity)
      .createQueryBuilder('i')
      .where(access.sql, access.params)
      .andWhere('i.status = :status', { status });
    if (after) {
      qb.andWhere('(i.received_at, i.id) < (:afterAt, :afterId)', {
        afterAt: after.receivedAt,
        afterId: after.id,
      });
    }
    const items = await qb
      .orderBy('i.received_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit)
      .getMany();
    return this.withSources(items);
  }

  async getWithSource(id: string, manager?: EntityManager): Promise<IntakeItemWithSource | null> {
    const item = await (manager ?? this.dataSource.manager)
      .getRepository(IntakeItemEntity)
      .findOneBy({ id });
    if (!item) return null;
    const [withSource] = await this.withSources([item], manager);
    return withSource ?? null;
  }

  private async withSources(
    items: IntakeItemEntity[],
    manager?: EntityManager,
  ): Promise<IntakeItemWithSource[]> {
    const m = manager ?? this.dataSource.manager;
    const callIds = items.flatMap((i) => (i.callId ? [i.callId] : []));
    const referralIds = items.flatMap((i) =>
      i.communityReferralId ? [i.communityReferralId] : [],
    );
    // One after the other: inside a transaction `m` is one connection, which runs one query at a time.
    const calls = callIds.length
      ? await m
          .getRepository(CallEntity)
          .createQueryBuilder('c')
          .where('c.id = ANY(:ids)', { ids: callIds })
          .getMany()
      : [];
    const referrals = referralIds.length
      ? await m
          .getRepository(CommunityReferralEntity)
          .createQueryBuilder('r')
          .where('r.id = ANY(:ids)', { ids: referralIds })
          .getMany()
      : [];
    return items.map((item) => ({
      item,
      call: calls.find((c) => c.id === item.callId) ?? null,
      communityReferral: referrals.find((r) => r.id === item.communityReferralId) ?? null,
    }));
  }
}
