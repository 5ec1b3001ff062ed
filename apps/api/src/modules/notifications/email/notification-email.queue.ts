import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { JobPayloads } from '@caunoi/shared/contracts';
import {
  JobName,
  notificationEmailJobId,
  oneTimeCodeEmailJobId,
  QueueName,
} from '@caunoi/shared/contracts';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { bullmqPrefix } from '../../jobs/bullmq-prefix';

type Payload =
  | JobPayloads[JobName.SendNotificationEmail]
  | JobPayloads[JobName.SendOneTimeCodeEmail];

/**
 * BullMQ's side of an email: one job per notification with a deterministic id (adding it twice is a
 * no-op), retried with exponential backoff. Finished jobs leave Redis; Postgres keeps the outcome.
 */
@Injectable()
export class NotificationEmailQueue implements OnApplicationShutdown {
  private queue: Queue<Payload> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get(): Queue<Payload> {
    this.queue ??= new Queue(QueueName.Email, {
      connection: { url: this.config.redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false },
      prefix: bullmqPrefix(this.config.queuePrefix),
    });
    return this.queue;
  }

  private get opts() {
    const { retryAttempts, retryDelayMs } = this.config.email;
    return {
      attempts: retryAttempts,
      backoff: { type: 'exponential', delay: retryDelayMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  async add(notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    await this.get().addBulk(
      notificationIds.map((notificationId) => ({
        name: JobName.SendNotificationEmail,
        data: { notificationId },
        opts: { ...this.opts, jobId: notificationEmailJobId(notificationId) },
      })),
    );
  }

  async addCodes(oneTimeCodeIds: string[]): Promise<void> {
    if (oneTimeCodeIds.length === 0) return;
    await this.get().addBulk(
      oneTimeCodeIds.map((oneTimeCodeId) => ({
        name: JobName.SendOneTimeCodeEmail,
        data: { oneTimeCodeId },
        opts: { ...this.opts, jobId: oneTimeCodeEmailJobId(oneTimeCodeId) },
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
