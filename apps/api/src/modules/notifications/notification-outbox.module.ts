import { Module } from '@nestjs/common';
import { NotificationOutbox } from './notification-outbox';

/** The outbox alone, for the worker's deadline stages and the API's referral answers. */
@Module({ providers: [NotificationOutbox], exports: [NotificationOutbox] })
export class NotificationOutboxModule {}
