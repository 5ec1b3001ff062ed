import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlineScheduler } from './deadline-scheduler';

// Jobs must exist before their stage is due; farther ones are re-created as they come into this window.
const HORIZON_MS = 2 * 60 * 60 * 1000;
const BATCH = 1000;

/**
 * Postgres is the truth: at worker start and every minute (ReconcileLoop), every unfired stage of an open
 * clock that is due within the horizon gets its job (adding an existing job id is a no-op), and those
 * already due fire at once. After Redis lost its data, `everything` re-creates the job of every unfired
 * stage, however far away. Losing Redis entirely loses no deadline.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly logger = new Logger('DeadlineReconciler');

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly clock: Clock,
  ) {}

  async reconcile(scope: 'horizon' | 'everything' = 'horizon'): Promise<number> {
    const until =
      scope === 'everything'
        ? new Date(8_640_000_000_000_000) // the largest Date: no stage is beyond it
        : new Date(this.clock.now().getTime() + HORIZON_MS);
    let afterId: string | null = null;
    let total = 0;
    for (;;) {
      const batch = await this.deadlines.getUnfiredDueBefore(until, BATCH, afterId);
      if (batch.length === 0) break;
      total += await this.scheduler.schedule(batch);
      afterId = batch[batch.length - 1]?.id ?? null;
      if (batch.length < BATCH) break;
    }
    if (total > 0) this.logger.log(`Reconciled ${total} deadline stage job(s)`);
    return total;
  }
}
