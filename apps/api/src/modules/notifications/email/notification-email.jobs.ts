import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName } from '@caunoi/shared/contracts';
import { emailTopicOf } from '@caunoi/shared/domain';
import { Clock } from '../../../common/clock';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { JobHandlers } from '../../jobs/job-handlers';
import { MailTransport } from './mail-transport';
import { notificationEmail } from './notification-email-text';
import { NotificationEmailsRepository } from './notification-emails.repository';

/**
 * Sends one notification's email. Idempotent on Postgres' state: a job for an email already sent,
 * given up or no longer wanted changes nothing. A refusal throws, so BullMQ retries with backoff;
 * after the last attempt the email is marked failed (the notification stays in the app).
 */
@Injectable()
export class NotificationEmailJobs {
  private readonly logger = new Logger('NotificationEmails');

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'email'>,
    private readonly emails: NotificationEmailsRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  readonly handlers: Pick<JobHandlers, JobName.SendNotificationEmail> = {
    [JobName.SendNotificationEmail]: async ({ notificationId }, job) => {
      const n = await this.emails.getToSend(notificationId);
      if (!n || n.emailStatus !== 'queued') return;
      if (!this.config.email.enabled || !n.email || n.disabled) {
        await this.emails.finish(n.id, 'none', this.clock.now());
        return;
      }
      const email = notificationEmail({
        notificationId: n.id,
        topic: emailTopicOf(n.kind, n.params),
        params: n.params,
        language: n.language,
        linkOrigin: this.config.email.linkOrigin,
      });
      try {
        await this.transport.send({ to: n.email, ...email });
      } catch (error) {
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        // The notification id only: the address and the text stay out of the logs.
        this.logger.warn(
          `Email of notification ${n.id} not sent (attempt ${job.attemptsMade + 1}${last ? ', the last' : ''}): ${(error as Error).message}`,
        );
        if (last) await this.emails.finish(n.id, 'failed', this.clock.now());
        throw error;
      }
      await this.emails.finish(n.id, 'sent', this.clock.now());
    },
  };
}
