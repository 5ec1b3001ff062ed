import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlineScheduler } from './deadline-scheduler';
import { EnqueueFailuresRepository } from './enqueue-failures.repository';

// Jobs must exist before their stage is due; the API adds every stage's job when the clock opens, and
// the reconciler makes sure of those within this window.
const HORIZON_MS = 2 * 60 * 60 * 1000;
// A stage's job runs within seconds of its instant: one unfired this long after has lost its job.
const OVERDUE_AFTER_MS = 60_000;
const BATCH = 1000;

/**
 * Postgres is the truth; adding a job whose id exists is a no-op. At worker start (`reconcile`) every
 * unfired stage of an open clock due within the horizon gets its job, and those already due fire at
 * once; after Redis lost its data, `everything` re-creates the job of every unfired stage however far.
 * Each tick after that (`catchUp`, every minute) adds only the stages that came into the window since
 * the last tick, and re-adds those overdue (a job lost); when the API reported that Redis refused
 * some stages, the whole window once. Losing Redis entirely loses no deadline.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly logger = new Logger('DeadlineReconciler');
  /** The end of the window whose jobs this process has made sure of (null: none yet). */
  private coveredUntil: Date | null = null;

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly failures: EnqueueFailuresRepository,
    private readonly clock: Clock,
  ) {}

  /** Makes sure of every job in the horizon (or of every job); returns how many were handed to Redis. */
  async reconcile(scope: 'horizon' | 'everything' = 'horizon'): Promise<number> {
    const horizon = this.horizon();
    const until =
      scope === 'everything'
        ? new Date(8_640_000_000_000_000) // the largest Date: no stage is beyond it
        : horizon;
    const { added, refused } = await this.scheduleDue({ after: null, until });
    // A rebuild after Redis lost its data counts only when every job is back: the caller repeats it.
    if (scope === 'everything' && refused > 0) {
      throw new Error(`Redis refused ${refused} of ${added + refused} deadline stage job(s)`);
    }
    this.coveredUntil = horizon;
    if (added > 0) this.logger.log(`Reconciled ${added} deadline stage job(s)`);
    return added;
  }

  /** One tick: what came into the window, what is overdue; the whole window after an enqueue failure. */
  async catchUp(): Promise<number> {
    if (this.coveredUntil === null || (await this.failures.take())) {
      return this.reconcile();
    }
    const until = this.horizon();
    const entering =
      until > this.coveredUntil
        ? (await this.scheduleDue({ after: this.coveredUntil, until })).added
        : 0;
    const { added: overdue } = await this.scheduleDue({
      after: null,
      until: new Date(this.clock.now().getTime() - OVERDUE_AFTER_MS),
    });
    if (until > this.coveredUntil) this.coveredUntil = until;
    if (overdue > 0) this.logger.warn(`Re-added ${overdue} overdue deadline stage job(s)`);
    return entering + overdue;
  }

  private horizon(): Date {
    return new Date(this.clock.now().getTime() + HORIZON_MS);
  }

  /**
   * Reads the window a page at a time; each page is read while Redis adds the previous one. Answers
   * how many jobs Redis took and how many it refused (the scheduler records those for the next tick).
   */
  private async scheduleDue(window: {
    after: Date | null;
    until: Date;
  }): Promise<{ added: number; refused: number }> {
    let afterId: string | null = null;
    let added = 0;
    let refused = 0;
    const settle = async (batch: number, adding: Promise<number>): Promise<void> => {
      const taken = await adding;
      added += taken;
      refused += batch - taken;
    };
    let pending: Promise<void> = Promise.resolve();
    for (;;) {
      const batch = await this.deadlines.getUnfiredDue(window, BATCH, afterId);
      await pending;
      pending = settle(batch.length, this.scheduler.schedule(batch));
      if (batch.length < BATCH) break;
      afterId = batch[batch.length - 1]?.id ?? null;
    }
    await pending;
    return { added, refused };
  }
}
