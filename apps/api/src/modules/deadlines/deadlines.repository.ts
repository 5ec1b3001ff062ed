import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { DeadlineKind } from '@caunoi/shared/domain';
import type { SqlFilter } from '../authz/accessible-where';
import { DeadlineStageEntity } from './deadline-stage.entity';
import { DeadlineEntity } from './deadline.entity';

/** Rule field → SQL column (deadlines joined with their case) for CASL-filtered lists. */
export const DEADLINE_RULE_COLUMNS = {
  agencyId: 'd.agency_id',
  assignedUserId: 'c.assigned_user_id',
} as const;

/** A stage that should have a job: enough to enqueue it, nothing else. */
export interface StageToSchedule {
  deadlineId: string;
  stage: string;
  dueAt: Date;
}

export interface BoardRow {
  deadline: DeadlineEntity;
  survivorCode: string | null;
}

/**
 * A clock still running: pending, or breached and not yet met. A clock met late keeps the status
 * `breached` (that is the record) with `met_at` set: it is over, and nothing may cancel it.
 */
const RUNNING = `d.status IN ('pending', 'breached') AND d.met_at IS NULL`;

@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    deadline: Omit<
      DeadlineEntity,
      'id' | 'createdAt' | 'updatedAt' | 'metAt' | 'cancelledAt' | 'cancelReason' | 'status'
    >,
    stages: Omit<DeadlineStageEntity, 'id' | 'deadlineId' | 'firedAt' | 'cancelledAt'>[],
  ): Promise<{ deadline: DeadlineEntity; stages: DeadlineStageEntity[] }> {
    const saved = await manager.getRepository(DeadlineEntity).save(
      manager.create(DeadlineEntity, {
        ...deadline,
        status: 'pending',
        metAt: null,
        cancelledAt: null,
        cancelReason: null,
      }),
    );
    const savedStages = await manager.getRepository(DeadlineStageEntity).save(
      stages.map((s) =>
        manager.create(DeadlineStageEntity, {
          ...s,
          deadlineId: saved.id,
          firedAt: null,
          cancelledAt: null,
        }),
      ),
    );
    return { deadline: saved, stages: savedStages };
  }

  /** The running (pending or breached) clock of a kind for a subject, locked for change. */
  /** The running one of a kind for a case (a case review clock: one per case and kind), locked. */
  getRunningForCaseForUpdate(
    manager: EntityManager,
    caseId: string,
    kind: DeadlineKind,
  ): Promise<DeadlineEntity | null> {
    return manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where(`d.case_id = :caseId AND d.kind = :kind AND ${RUNNING}`, { caseId, kind })
      .getOne();
  }

  async getOpenForSubjectForUpdate(
    manager: EntityManager,
    kind: DeadlineKind,
    subjectId: string,
  ): Promise<DeadlineEntity | null> {
    return manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where(`d.kind = :kind AND d.subject_id = :subjectId AND ${RUNNING}`, { kind, subjectId })
      .getOne();
  }

  /** Running clocks of one kind for a case (e.g. 10-day reports not yet submitted). */
  countOpenForCase(manager: EntityManager, caseId: string, kind: DeadlineKind): Promise<number> {
    return manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .where(`d.case_id = :caseId AND d.kind = :kind AND ${RUNNING}`, {
        caseId,
        kind,
      })
      .getCount();
  }

  /** Every running clock of a case (pending or already breached), locked. */
  getOpenForCaseForUpdate(manager: EntityManager, caseId: string): Promise<DeadlineEntity[]> {
    return manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where(`d.case_id = :caseId AND ${RUNNING}`, { caseId })
      .getMany();
  }

  /**
   * Whether a subject ever had a clock of this kind (met and cancelled ones too), under a transaction
   * lock on the pair so two starters (a draft and the maintenance pass) cannot both insert.
   */
  async lockAndHasAny(
    manager: EntityManager,
    kind: DeadlineKind,
    subjectId: string,
  ): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `${kind}:${subjectId}`,
    ]);
    const [row] = (await manager.query(
      `SELECT 1 FROM deadlines WHERE kind = $1 AND subject_id = $2 LIMIT 1`,
      [kind, subjectId],
    )) as unknown[];
    return row !== undefined;
  }

  /** The clocks of these kinds on these subjects, newest first, in one query. */
  getForSubject(
    kinds: DeadlineKind | readonly DeadlineKind[],
    subjectIds: string[],
  ): Promise<DeadlineEntity[]> {
    if (subjectIds.length === 0) return Promise.resolve([]);
    const kind = typeof kinds === 'string' ? kinds : In([...kinds]);
    return this.dataSource
      .getRepository(DeadlineEntity)
      .find({ where: { kind, subjectId: In(subjectIds) }, order: { createdAt: 'DESC' } });
  }

  getStages(deadlineIds: string[], manager?: EntityManager): Promise<DeadlineStageEntity[]> {
    if (deadlineIds.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager)
      .getRepository(DeadlineStageEntity)
      .find({ where: { deadlineId: In(deadlineIds) }, order: { dueAt: 'ASC' } });
  }

  async close(
    manager: EntityManager,
    id: string,
    change: Pick<Partial<DeadlineEntity>, 'status' | 'metAt' | 'cancelledAt' | 'cancelReason'>,
    at: Date,
  ): Promise<StageToSchedule[]> {
    await manager.getRepository(DeadlineEntity).update({ id }, change);
    const open = await manager
      .getRepository(DeadlineStageEntity)
      .find({ where: { deadlineId: id, firedAt: IsNull(), cancelledAt: IsNull() } });
    await manager
      .getRepository(DeadlineStageEntity)
      .update({ deadlineId: id, firedAt: IsNull(), cancelledAt: IsNull() }, { cancelledAt: at });
    return open.map((s) => ({ deadlineId: id, stage: s.stage, dueAt: s.dueAt }));
  }

  /** The event that started a clock moved (an incident's discovery was corrected). */
  async moveStart(manager: EntityManager, id: string, startedAt: Date): Promise<void> {
    await manager.getRepository(DeadlineEntity).update({ id }, { startedAt });
  }

  /** A day clock's period changed with its due date (a periodic report's entry was moved). */
  async setPeriodAmount(manager: EntityManager, id: string, periodAmount: number): Promise<void> {
    await manager.getRepository(DeadlineEntity).update({ id }, { periodAmount });
  }

  /** Moves a deadline and its unfired stages to a new due instant; returns the stages to reschedule. */
  async moveDue(manager: EntityManager, id: string, dueAt: Date): Promise<StageToSchedule[]> {
    await manager.getRepository(DeadlineEntity).update({ id }, { dueAt });
    await manager.query(
      `UPDATE deadline_stages SET due_at = $2::timestamptz + (offset_ms * interval '1 millisecond')
        WHERE deadline_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
      [id, dueAt],
    );
    const stages = await manager
      .getRepository(DeadlineStageEntity)
      .find({ where: { deadlineId: id, firedAt: IsNull(), cancelledAt: IsNull() } });
    return stages.map((s) => ({ deadlineId: id, stage: s.stage, dueAt: s.dueAt }));
  }

  /** Pending day-based clocks: the ones a calendar change can move. */
  getOpenDayBased(manager: EntityManager): Promise<DeadlineEntity[]> {
    return manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where(`d.status = 'pending' AND d.period_unit IN ('days', 'working_days')`)
      .getMany();
  }

  /** Unfired stages of open clocks due before `until`, oldest first (the reconciler's work list). */
  /** Unfired stages of open clocks due in (`after`, `until`] (`after` null: any time up to `until`). */
  async getUnfiredDue(
    window: { after: Date | null; until: Date },
    limit: number,
    afterId: string | null,
  ): Promise<(StageToSchedule & { id: string })[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.deadline_id AS "deadlineId", s.stage, s.due_at AS "dueAt"
         FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
        WHERE s.fired_at IS NULL AND s.cancelled_at IS NULL AND s.due_at <= $1
          AND ($4::timestamptz IS NULL OR s.due_at > $4)
          AND d.status IN ('pending', 'breached') AND ($3::uuid IS NULL OR s.id > $3)
        ORDER BY s.id LIMIT $2`,
      [window.until, limit, afterId, window.after],
    )) as (StageToSchedule & { id: string })[];
    return rows;
  }

  async countOverdueUnfired(before: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
        WHERE s.fired_at IS NULL AND s.cancelled_at IS NULL AND s.due_at < $1 AND d.status IN ('pending', 'breached')`,
      [before],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The board: open clocks the caller may see, soonest first, keyset on (due_at, id). */
  async getBoard(
    access: SqlFilter,
    until: Date | null,
    after: { dueAt: string; id: string } | null,
    limit: number,
    overdueBefore: Date | null,
  ): Promise<BoardRow[]> {
    const qb = this.dataSource
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .leftJoin('cases', 'c', 'c.id = d.case_id')
      .leftJoin('survivors', 's', 's.id = c.survivor_id')
      .addSelect('s.code', 'survivor_code')
      .where(access.sql, access.params)
      .andWhere(`d.status IN ('pending', 'breached')`);
    if (until) qb.andWhere('d.due_at < :until', { until });
    if (overdueBefore) qb.andWhere('d.due_at <= :overdueBefore', { overdueBefore });
    if (after)
      qb.andWhere('(d.due_at, d.id) > (:afterDue, :afterId)', {
        afterDue: after.dueAt,
        afterId: after.id,
      });
    const { entities, raw } = await qb
      .orderBy('d.due_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(limit)
      .getRawAndEntities();
    return entities.map((deadline, i) => ({
      deadline,
      survivorCode: (raw[i] as { survivor_code: string | null }).survivor_code,
    }));
  }
}
