import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseClosureEntity } from './case-closure.entity';

@Injectable()
export class CaseClosuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(m: EntityManager, row: Partial<CaseClosureEntity>): Promise<CaseClosureEntity> {
    return m.getRepository(CaseClosureEntity).save(m.create(CaseClosureEntity, row));
  }

  async update(m: EntityManager, id: string, change: Partial<CaseClosureEntity>): Promise<void> {
    await m.getRepository(CaseClosureEntity).update({ id }, change);
  }

  /** The request waiting for a supervisor (at most one per case, by a unique index). */
  getWaitingForUpdate(m: EntityManager, caseId: string): Promise<CaseClosureEntity | null> {
    return m
      .getRepository(CaseClosureEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where(`c.case_id = :caseId AND c.status = 'requested'`, { caseId })
      .getOne();
  }

  /** The approved request that closed the case (the latest one), which a reopening annotates. */
  getLatestApprovedForUpdate(m: EntityManager, caseId: string): Promise<CaseClosureEntity | null> {
    return m
      .getRepository(CaseClosureEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where(`c.case_id = :caseId AND c.status = 'approved' AND c.reopened_at IS NULL`, { caseId })
      .orderBy('c.decided_at', 'DESC')
      .getOne();
  }

  /** Every request of a case, newest first, with the names of who asked and who decided. */
  getHistory(caseId: string, m?: EntityManager): Promise<CaseClosureEntity[]> {
    return (
      (m ?? this.dataSource.manager)
        .getRepository(CaseClosureEntity)
        .createQueryBuilder('c')
        .leftJoinAndSelect('c.requestedBy', 'rb')
        .leftJoinAndSelect('c.decidedBy', 'db')
        .where('c.case_id = :caseId', { caseId })
        .orderBy('c.requested_at', 'DESC')
        // The database's own clock breaks ties (a test clock may stand still between two requests).
        .addOrderBy('c.created_at', 'DESC')
        .getMany()
    );
  }
}
