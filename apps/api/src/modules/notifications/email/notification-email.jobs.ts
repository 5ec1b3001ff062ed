import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName } from '@caunoi/shared/contracts';
import { emailTopicOf } from '@caunoi/shared/domain';
import { Clock } from '../../../common/clock';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { JobHandlers } from '../../jobs/job-handlers';
import { FieldCipher } from '../../crypto/field-cipher';
import { MailTransport } from './mail-transport';
import { notificationEmail, oneTimeCodeEmail } from './notification-email-text';
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
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** Sends; on a refusal logs (the id only), gives up after the last attempt, and throws to retry. */
  private async attempt(
    job: Job,
    what: string,
    send: () => Promise<void>,
    giveUp: () => Promise<void>,
  ): Promise<void> {
    try {
      await send();
    } catch (error) {
      const attempt = job.attemptsMade + 1;
      const last = attempt >= (job.opts.attempts ?? 1);
      // The id only: the address and the text stay out of the logs.
      this.logger.warn(
        `Email of ${what} not sent (attempt ${attempt}${last ? ', the last' : ''}): ${(error as Error).message}`,
      );
      if (last) await giveUp();
      throw error;
    }
  }

  readonly handlers: Pick<
    JobHandlers,
    JobName.SendNotificationEmail | JobName.SendOneTimeCodeEmail
  > = {
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
      await this.attempt(
        job,
        `notification ${n.id}`,
        () => this.transport.send({ to: n.email as string, ...email }),
        () => this.emails.finish(n.id, 'failed', this.clock.now()),
      );
      await this.emails.finish(n.id, 'sent', this.clock.now());
    },

    [JobName.SendOneTimeCodeEmail]: async ({ oneTimeCodeId }, job) => {
      const c = await this.emails.getCodeToSend(oneTimeCodeId, this.clock.now());
      if (!c || c.status !== 'queued' || !c.codeEnc) return;
      if (!this.config.email.enabled || !c.email || c.spent) {
        await this.emails.finishCode(c.oneTimeCodeId, 'void', this.clock.now());
        return;
      }
      const email = oneTimeCodeEmail({
        username: c.username,
        code: this.cipher.decrypt(c.codeEnc),
        expiresAt: c.expiresAt,
        language: c.language,
        linkOrigin: this.config.email.linkOrigin,
      });
      await this.attempt(
        job,
        `one-time code ${c.oneTimeCodeId}`,
        () => this.transport.send({ to: c.email as string, ...email }),
        () => this.emails.finishCode(c.oneTimeCodeId, 'failed', this.clock.now()),
      );
      await this.emails.finishCode(c.oneTimeCodeId, 'sent', this.clock.now());
    },
  };
}
