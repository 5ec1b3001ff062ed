import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { emailTopicEnabled, emailTopicOf } from '@caunoi/shared/domain';
import { Clock } from '../../../common/clock';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { UndecidedNotification } from './notification-emails.repository';
import { NotificationEmailsRepository } from './notification-emails.repository';
import { NotificationEmailQueue } from './notification-email.queue';

const BATCH = 200;
/** A queued email whose job is older than this may have lost its job (Redis flushed): enqueue again. */
const REQUEUE_AFTER_MS = 2 * 60_000;
const REQUEUE_BATCH = 1000;

/** Whether a notification goes by email: delivery on, an active recipient with an address who wants its topic. */
export function shouldEmail(n: UndecidedNotification, deliveryEnabled: boolean): boolean {
  return (
    deliveryEnabled &&
    !n.disabled &&
    !!n.email &&
    emailTopicEnabled(emailTopicOf(n.kind, n.params), n.emailTopics)
  );
}

/**
 * Postgres decides, BullMQ sends (as for deadlines). Every writer of a notification leaves its email
 * state undecided; this timer of the worker decides each one once (queued or none, in a transaction
 * that skips rows another worker holds) and enqueues the queued ones after commit. Queued rows whose
 * job Redis lost are enqueued again, so an email is never lost, only late.
 */
@Injectable()
export class NotificationEmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationEmails');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly emails: NotificationEmailsRepository,
    private readonly queue: NotificationEmailQueue,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.email.dispatchIntervalMs);
    void this.tick();
  }

  /** One pass; a pass still running when the next is due is not doubled. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      for (;;) {
        const queued = await this.emails.transaction(async (m) => {
          const batch = await this.emails.lockUndecided(m, BATCH);
          const yes = batch
            .filter((n) => shouldEmail(n, this.config.email.enabled))
            .map((n) => n.id);
          const no = batch.filter((n) => !yes.includes(n.id)).map((n) => n.id);
          await this.emails.setStatus(m, yes, 'queued');
          await this.emails.setStatus(m, no, 'none');
          return { ids: yes, size: batch.length };
        });
        await this.queue.add(queued.ids);
        if (queued.ids.length > 0) this.logger.log(`Queued ${queued.ids.length} email(s)`);
        if (queued.size < BATCH) break;
      }
      if (this.config.email.enabled) {
        const before = new Date(this.clock.now().getTime() - REQUEUE_AFTER_MS);
        await this.queue.add(await this.emails.getQueuedBefore(before, REQUEUE_BATCH));
        // One-time codes are queued by the API's approvals: enqueued here, within a tick.
        await this.queue.addCodes(await this.emails.getQueuedCodes(REQUEUE_BATCH));
      }
    } catch (error) {
      this.logger.error(`Email dispatch failed, will retry: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
