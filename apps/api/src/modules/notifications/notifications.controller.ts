import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { NotificationView, Page, UnreadCountView } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { NotificationsService } from './notifications.service';
import { Caller } from '../authz/caller';

export class NotificationListQueryDto {
  @IsOptional()
  @IsString()
  after?: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('read', 'Notification')
  list(
    @Caller() caller: Caller,
    @Query() query: NotificationListQueryDto,
  ): Promise<Page<NotificationView>> {
    return this.notifications.list(caller.user, query.after);
  }

  /** Polled by the header badge. */
  @Get('unread-count')
  @RequirePermission('read', 'Notification')
  unread(@Caller() caller: Caller): Promise<UnreadCountView> {
    return this.notifications.unread(caller.user);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('update', 'Notification')
  readAll(@Caller() caller: Caller): Promise<void> {
    return this.notifications.markAllRead(caller.user);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('update', 'Notification')
  read(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<void> {
    return this.notifications.markRead(caller, id);
  }
}
