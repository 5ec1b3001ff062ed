import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type {
  CallListQuery,
  CreateCallRequest,
  HandOverCallRequest,
  UpdateCallRequest,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type {
  AgeGroup,
  CallChannel,
  CallerType,
  CallOutcome,
  GbvType,
  NotificationMeans,
  Sex,
} from '@caunoi/shared/domain';
import {
  AGE_GROUPS,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CALLER_TYPES,
  GBV_TYPES,
  NOTIFICATION_MEANS,
  SEXES,
} from '@caunoi/shared/domain';
import { IsInstant } from '../../../common/dto-decorators';

export class CreateCallDto implements CreateCallRequest {
  @ApiProperty()
  @IsUUID('all')
  lineId!: string;

  @ApiProperty({ enum: CALL_CHANNELS })
  @IsIn(CALL_CHANNELS)
  channel!: CallChannel;

  @ApiProperty()
  @IsInstant()
  startedAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  endedAt?: string | null;

  @ApiProperty({ enum: CALLER_TYPES })
  @IsIn(CALLER_TYPES)
  callerType!: CallerType;

  @ApiPropertyOptional({
    description: 'Only used to link repeat callers (blind index); never stored',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  callerPhone?: string | null;

  @ApiPropertyOptional({ enum: SEXES })
  @IsOptional()
  @IsIn(SEXES)
  survivorSex?: Sex | null;

  @ApiPropertyOptional({ enum: AGE_GROUPS })
  @IsOptional()
  @IsIn(AGE_GROUPS)
  survivorAgeGroup?: AgeGroup | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'communeCode must name a commune (or be null)' })
  @MaxLength(16)
  communeCode?: string | null;

  @ApiPropertyOptional({ enum: GBV_TYPES })
  @IsOptional()
  @IsIn(GBV_TYPES)
  gbvTypeHint?: GbvType | null;

  @ApiProperty()
  @IsBoolean()
  childInvolved!: boolean;

  @ApiProperty()
  @IsBoolean()
  dangerNow!: boolean;

  @ApiProperty()
  @IsBoolean()
  crimeSigns!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  chairmanNotifiedAt?: string | null;

  @ApiPropertyOptional({ enum: NOTIFICATION_MEANS })
  @IsOptional()
  @IsIn(NOTIFICATION_MEANS)
  chairmanNotificationMeans?: NotificationMeans | null;

  @ApiPropertyOptional({ enum: CALL_OUTCOMES })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: CallOutcome | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

// skipNullProperties: false: a field left out is kept, but `null` is validated (and refused), not stored.
export class UpdateCallDto
  extends PartialType(OmitType(CreateCallDto, ['lineId', 'callerPhone'] as const), {
    skipNullProperties: false,
  })
  implements UpdateCallRequest {}

export class HandOverCallDto implements HandOverCallRequest {
  @ApiProperty()
  @IsUUID('all')
  agencyId!: string;
}

export class CallListQueryDto implements CallListQuery {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}
