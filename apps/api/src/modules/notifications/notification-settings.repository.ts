import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '@caunoi/shared/domain';
import { UserEntity } from '../users/user.entity';

export interface NotificationSettingsRow {
  email: string | null;
  language: Language;
  emailTopics: Record<string, boolean>;
}

/**
 * The notification columns of a user's own row (language and email topics; the address is the
 * users module's, set by an admin): read and written here so the users module stays about accounts.
 */
@Injectable()
export class NotificationSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getForUser(userId: string): Promise<NotificationSettingsRow | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      where: { id: userId },
      select: { id: true, email: true, language: true, emailTopics: true },
    });
    return user
      ? { email: user.email, language: user.language, emailTopics: user.emailTopics }
      : null;
  }

  /** Merges the named topics into the stored choices in one statement (two tabs cannot lose one). */
  async update(
    m: EntityManager,
    userId: string,
    changes: { language?: Language; emailTopics?: Record<string, boolean> },
  ): Promise<void> {
    await m.query(
      `UPDATE users SET language = coalesce($2, language),
                        email_topics = email_topics || coalesce($3::jsonb, '{}'::jsonb),
                        updated_at = now()
        WHERE id = $1`,
      [
        userId,
        changes.language ?? null,
        changes.emailTopics ? JSON.stringify(changes.emailTopics) : null,
      ],
    );
  }
}
