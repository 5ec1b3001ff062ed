import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { QueueCounts, QueueOverview } from '@caunoi/shared/contracts';
import { QueueName } from '@caunoi/shared/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { withTimeout } from '../redis/redis.module';
import { bullmqPrefix } from '../jobs/bullmq-prefix';

/** Read-only view of the BullMQ queues for health and the admin overview. Never reads job data. */
@Injectable()
export class QueueStatsRepository implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: {
          url: this.config.redisUrl,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        },
        prefix: bullmqPrefix(this.config.queuePrefix),
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async counts(timeoutMs: number): Promise<Record<string, QueueCounts> | null> {
    try {
      const entries = await withTimeout(
        Promise.all(
          Object.values(QueueName).map(async (name) => {
            const c = await this.queue(name).getJobCounts('waiting', 'delayed', 'active', 'failed');
            return [
              name,
              {
                waiting: c['waiting'] ?? 0,
                delayed: c['delayed'] ?? 0,
                active: c['active'] ?? 0,
                failed: c['failed'] ?? 0,
              },
            ] as const;
          }),
        ),
        timeoutMs,
      );
      return Object.fromEntries(entries);
    } catch {
      return null;
    }
  }

  async failedJobs(limit: number): Promise<QueueOverview['failedJobs']> {
    const lists = await Promise.all(
      Object.values(QueueName).map(async (name) => {
        const jobs = await this.queue(name).getFailed(0, limit - 1);
        return jobs.map((j) => ({
          queue: name,
          id: j.id ?? '',
          name: j.name,
          failedReason: j.failedReason,
          attemptsMade: j.attemptsMade,
        }));
      }),
    );
    return lists.flat();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
