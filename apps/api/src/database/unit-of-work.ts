import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEvent } from '../modules/audit/audit.service';
import { AuditService } from '../modules/audit/audit.service';
import { DeadlineScheduler } from '../modules/deadlines/deadline-scheduler';
import type { StageToSchedule } from '../modules/deadlines/deadlines.repository';

/** What a transaction must tell BullMQ once it has committed: deadline stages to add and to drop. */
export interface AfterCommit {
  schedule: StageToSchedule[];
  unschedule: StageToSchedule[];
}

/**
 * One command's transaction: the manager its repositories write with, its audit rows (written in
 * the same transaction), and the deadline stages to hand to BullMQ once it has committed.
 */
export interface Tx {
  readonly manager: EntityManager;
  /** Appends audit rows in this transaction (AuditService.recordMany). */
  audit(...events: AuditEvent[]): Promise<void>;
  /** Stages to (un)schedule after commit; dropped if the transaction rolls back. */
  afterCommit(stages: Partial<AfterCommit>): void;
}

/**
 * The one way a command runs: `work.run(async (tx) => …)`. The DataSource retries a transaction
 * PostgreSQL aborted for a concurrency conflict (RetryingDataSource), so the callback may run more
 * than once: it only touches the database, and each attempt collects its after-commit work afresh.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditService: AuditService,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let pending: AfterCommit = { schedule: [], unschedule: [] };
    const result = await this.dataSource.transaction((manager) => {
      const collected: AfterCommit = { schedule: [], unschedule: [] };
      pending = collected;
      return work({
        manager,
        audit: async (...events) => {
          if (events.length > 0) await this.auditService.recordMany(manager, events);
        },
        afterCommit: (stages) => {
          collected.schedule.push(...(stages.schedule ?? []));
          collected.unschedule.push(...(stages.unschedule ?? []));
        },
      });
    });
    await this.scheduler.unschedule(pending.unschedule);
    await this.scheduler.schedule(pending.schedule);
    return result;
  }

  /**
   * A read that is audited: its audit rows in one INSERT of their own. No transaction is needed (one
   * statement is atomic, and appending takes no chain lock: decision 0022), which spares a read two
   * round trips.
   */
  async audit(...events: AuditEvent[]): Promise<void> {
    if (events.length > 0) await this.auditService.recordMany(this.dataSource.manager, events);
  }
}
