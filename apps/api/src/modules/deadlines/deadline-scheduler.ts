import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { JobPayloads } from '@caunoi/shared/contracts';
import { deadlineStageJobId, JobName, QueueName } from '@caunoi/shared/contracts';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { StageToSchedule } from './deadlines.repository';
import { EnqueueFailuresRepository } from './enqueue-failures.repository';

/**
 * A queue that never reached Redis waits for it without end (BullMQ waits until the connection is
 * ready), and the API awaits this after a commit: past this, Redis counts as unreachable.
 */
const ENQUEUE_TIMEOUT_MS = 3_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // answered after the timeout: nothing is waiting for it any more
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * BullMQ's side of a deadline: one delayed job per unfired stage, with a deterministic id so adding
 * it twice is a no-op. Called after the transaction that wrote the stages has committed; if Redis is
 * away, the reconciler re-creates the jobs from Postgres later, so nothing is lost.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private queue: Queue<JobPayloads[JobName.FireDeadlineStage]> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly failures: EnqueueFailuresRepository,
  ) {}

  private getQueue(): Queue<JobPayloads[JobName.FireDeadlineStage]> {
    this.queue ??= new Queue(QueueName.Deadlines, {
      connection: { url: this.config.redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false },
      prefix: this.config.queuePrefix,
    });
    return this.queue;
  }

  /** Enqueues the stages; returns how many were handed to Redis (0 when Redis is unreachable). */
  async schedule(stages: StageToSchedule[]): Promise<number> {
    if (stages.length === 0) return 0;
    const now = this.clock.now().getTime();
    try {
      const added = this.getQueue().addBulk(
        stages.map((s) => ({
          name: JobName.FireDeadlineStage,
          data: { deadlineId: s.deadlineId, stage: s.stage },
          opts: {
            jobId: deadlineStageJobId(s.deadlineId, s.stage),
            delay: Math.max(0, s.dueAt.getTime() - now),
            attempts: 5,
            backoff: { type: 'exponential', delay: 2000 },
            // Finished jobs leave Redis, so the same stage id can be enqueued again after a reschedule.
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
      await withinTime(added, ENQUEUE_TIMEOUT_MS);
      return stages.length;
    } catch (error) {
      this.logger.warn(
        `Could not enqueue ${stages.length} deadline stage(s); the reconciler will: ${(error as Error).message}`,
      );
      // The worker's next tick re-adds its whole window once instead of only what is new in it.
      await this.failures
        .record(stages.length)
        .catch((e: Error) =>
          this.logger.warn(`Could not record the enqueue failure: ${e.message}`),
        );
      return 0;
    }
  }

  /** Removes waiting jobs of stages that were cancelled or moved (a job already running re-checks Postgres). */
  async unschedule(stages: StageToSchedule[]): Promise<void> {
    if (stages.length === 0) return;
    try {
      const queue = this.getQueue();
      await withinTime(
        Promise.all(stages.map((s) => queue.remove(deadlineStageJobId(s.deadlineId, s.stage)))),
        ENQUEUE_TIMEOUT_MS,
      );
    } catch (error) {
      this.logger.warn(
        `Could not remove deadline jobs (harmless: handlers re-check): ${(error as Error).message}`,
      );
    }
  }

  async reschedule(stages: StageToSchedule[]): Promise<void> {
    await this.unschedule(stages);
    await this.schedule(stages);
  }

  async counts(): Promise<Record<string, number>> {
    return this.getQueue().getJobCounts('waiting', 'delayed', 'active', 'failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
