import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { NotificationSettingsView } from '@caunoi/shared/contracts';
import { isEmailTopic } from '@caunoi/shared/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import type { UpdateNotificationSettingsDto } from './dto/notification-settings.dto';
import { mapNotificationSettings } from './dto/notification-settings.dto';
import { NotificationSettingsRepository } from './notification-settings.repository';

/** The signed-in user's own language and email choices; nobody sets them for someone else. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly settings: NotificationSettingsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'email'>,
  ) {}

  async get(user: AuthenticatedUser): Promise<NotificationSettingsView> {
    const row = await this.settings.getForUser(user.id);
    if (!row) throw new NotFoundException('User not found');
    return mapNotificationSettings(row, this.config.email.enabled);
  }

  async update(
    user: AuthenticatedUser,
    dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsView> {
    const emailTopics = dto.emailTopics
      ? Object.fromEntries(
          Object.entries(dto.emailTopics).filter(
            ([topic, on]) => isEmailTopic(topic) && typeof on === 'boolean',
          ),
        )
      : undefined;
    const fields = [
      ...(dto.language ? ['language'] : []),
      ...Object.keys(emailTopics ?? {}).map((t) => `emailTopics.${t}`),
    ];
    if (fields.length > 0) {
      await this.work.run(async (tx) => {
        await this.settings.update(tx.manager, user.id, { language: dto.language, emailTopics });
        await tx.audit({
          actor: user,
          action: 'user.notification_settings',
          subjectType: 'User',
          subjectId: user.id,
          fields,
        });
      });
    }
    return this.get(user);
  }
}
