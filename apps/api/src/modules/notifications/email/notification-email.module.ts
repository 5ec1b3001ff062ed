import { Module } from '@nestjs/common';
import { MailTransport } from './mail-transport';
import { NotificationEmailDispatcher } from './notification-email-dispatcher';
import { NotificationEmailJobs } from './notification-email.jobs';
import { NotificationEmailQueue } from './notification-email.queue';
import { NotificationEmailsRepository } from './notification-emails.repository';

/** The worker's side of email notifications: the dispatcher's timer and the sending job. */
@Module({
  providers: [
    NotificationEmailDispatcher,
    NotificationEmailJobs,
    NotificationEmailQueue,
    NotificationEmailsRepository,
    MailTransport,
  ],
  exports: [NotificationEmailJobs],
})
export class NotificationEmailModule {}
