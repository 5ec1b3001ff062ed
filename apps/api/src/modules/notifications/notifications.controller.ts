import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { AppAbility } from '@caunoi/shared/authz';
import type { NotificationView, Page, UnreadCountView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { NotificationsService } from './notifications.service';

export class NotificationListQueryDto {
  @IsOptional()
  @IsString()
  after?: string;
}

const R = ApiRoutes.notifications;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller(R.root)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('read', 'Notification')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: NotificationListQueryDto,
  ): Promise<Page<NotificationView>> {
    return this.notifications.list(user, query.after);
  }

  /** Polled by the header badge. */
  @Get(R.unreadCount)
  @RequirePermission('read', 'Notification')
  unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountView> {
    return this.notifications.unread(user);
  }

  /** One notification: where the link of an email lands, after sign-in. */
  @Get(':id')
  @RequirePermission('read', 'Notification')
  get(
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<NotificationView> {
    return this.notifications.get(ability, id);
  }

  @Post(R.readAll)
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('update', 'Notification')
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.notifications.markAllRead(user);
  }

  @Post(`:id/${R.read}`)
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('update', 'Notification')
  read(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<void> {
    return this.notifications.markRead(user, ability, id);
  }
}
