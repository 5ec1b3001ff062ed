import { Injectable } from '@nestjs/common';
import type { NotificationView, Page, UnreadCountView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { assertCan } from '../authz/instance-checks';
import type { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import type { Caller } from '../authz/caller';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async list(
    user: AuthenticatedUser,
    after: string | undefined,
    limit = PAGE_SIZE_DEFAULT,
  ): Promise<Page<NotificationView>> {
    const cursor = decodeCursor(after, { createdAt: 'instant', id: 'uuid' });
    const rows = await this.notifications.getPage(user.id, cursor, limit + 1);
    const page = keysetPage(rows, limit, (last) => ({
      createdAt: last.createdAt.toISOString(),
      id: last.id,
    }));
    return { items: page.items.map(mapNotification), nextCursor: page.nextCursor };
  }

  async unread(user: AuthenticatedUser): Promise<UnreadCountView> {
    return { unread: await this.notifications.countUnread(user.id) };
  }

  async markRead({ user, ability }: Caller, id: string): Promise<void> {
    const found = await this.notifications.getById(id);
    assertCan(
      ability,
      'update',
      'Notification',
      found ? { userId: found.userId } : null,
      'Notification not found',
    );
    await this.notifications.markRead(user.id, id, this.clock.now());
  }

  async markAllRead(user: AuthenticatedUser): Promise<void> {
    await this.notifications.markRead(user.id, null, this.clock.now());
  }
}

function mapNotification(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    params: n.params,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
