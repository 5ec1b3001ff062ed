import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import type {
  NotificationSettingsView,
  UpdateNotificationSettingsRequest,
} from '@caunoi/shared/contracts';
import type { EmailTopic, Language } from '@caunoi/shared/domain';
import { emailTopicSettings, LANGUAGES } from '@caunoi/shared/domain';
import { IsOmittable, NestedObject } from '../../../common/dto-decorators';

/** One optional boolean per topic; a topic not named keeps its setting, an unknown one is a 400. */
export class EmailTopicsDto implements Partial<Record<EmailTopic, boolean>> {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() emergency_referral?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() clock_escalation?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() hour_clock?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() security_alert?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() referral_received?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() referral_update?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() deadline_reminder?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() duplicate_match?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() account_change?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() other?: boolean;
}

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOmittable()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: EmailTopicsDto })
  @NestedObject(() => EmailTopicsDto, { optional: true })
  emailTopics?: EmailTopicsDto;
}

export function mapNotificationSettings(
  user: { email: string | null; language: Language; emailTopics: Record<string, boolean> },
  emailDelivery: boolean,
): NotificationSettingsView {
  return {
    email: user.email,
    language: user.language,
    emailDelivery,
    emailTopics: emailTopicSettings(user.emailTopics),
  };
}
