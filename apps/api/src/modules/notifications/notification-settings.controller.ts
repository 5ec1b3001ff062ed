import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationSettingsView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import { UpdateNotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

/** The caller's own settings: every role has some, and nobody reaches another person's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller(ApiRoutes.notificationSettings)
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @RequirePermission('read', 'Notification')
  get(@Caller() caller: Caller): Promise<NotificationSettingsView> {
    return this.settings.get(caller.user);
  }

  @Patch()
  @RequirePermission('update', 'Notification')
  update(
    @Caller() caller: Caller,
    @Body() dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsView> {
    return this.settings.update(caller.user, dto);
  }
}
