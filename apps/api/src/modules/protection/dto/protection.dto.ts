import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import type {
  DecideProtectiveMeasureRequest,
  NoRenewalRequest,
  ProtectionInboxView,
  ReportBreachRequest,
  RequestProtectiveMeasureRequest,
  RevokeProtectiveMeasureRequest,
  SupervisionPlanRequest,
} from '@caunoi/shared/contracts';
import { PROTECTION_INBOX_VIEWS, PROTECTION_TEXT_MAX } from '@caunoi/shared/contracts';
import type {
  BreachKind,
  DecidingBody,
  MeasureRequester,
  ProtectiveMeasureType,
} from '@caunoi/shared/domain';
import {
  BREACH_KINDS,
  DECIDING_BODIES,
  MEASURE_REQUESTERS,
  PROTECTIVE_MEASURE_TYPES,
} from '@caunoi/shared/domain';
import { IsInstant, IsOmittable } from '../../../common/dto-decorators';
import { PageQueryDto } from '../../../common/page-query.dto';

export class RequestProtectiveMeasureDto implements RequestProtectiveMeasureRequest {
  @ApiProperty({ enum: PROTECTIVE_MEASURE_TYPES })
  @IsIn(PROTECTIVE_MEASURE_TYPES)
  type!: ProtectiveMeasureType;

  @ApiProperty({ enum: MEASURE_REQUESTERS })
  @IsIn(MEASURE_REQUESTERS)
  requestedBy!: MeasureRequester;

  @ApiProperty()
  @IsBoolean()
  victimConsent!: boolean;

  @ApiPropertyOptional({ enum: DECIDING_BODIES })
  @IsOmittable()
  @IsIn(DECIDING_BODIES)
  decidingBody?: DecidingBody;

  @ApiProperty({ maxLength: PROTECTION_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROTECTION_TEXT_MAX)
  grounds!: string;
}

export class DecideProtectiveMeasureDto implements DecideProtectiveMeasureRequest {
  @ApiProperty({ enum: ['granted', 'refused'] })
  @IsIn(['granted', 'refused'])
  decision!: 'granted' | 'refused';

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ maxLength: PROTECTION_TEXT_MAX })
  @IsOmittable()
  @IsString()
  @MaxLength(PROTECTION_TEXT_MAX)
  reasons?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOmittable()
  @IsString()
  @MaxLength(60)
  decisionNumber?: string;
}

export class SupervisionPlanDto implements SupervisionPlanRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  supervisingOfficer!: string;

  @ApiProperty({ maxLength: PROTECTION_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROTECTION_TEXT_MAX)
  plan!: string;
}

export class ReportBreachDto implements ReportBreachRequest {
  @ApiProperty({ enum: BREACH_KINDS })
  @IsIn(BREACH_KINDS)
  kind!: BreachKind;

  @ApiProperty()
  @IsInstant()
  occurredAt!: string;
}

export class RevokeProtectiveMeasureDto implements RevokeProtectiveMeasureRequest {
  @ApiProperty({ maxLength: PROTECTION_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROTECTION_TEXT_MAX)
  @Matches(/\S/, { message: 'reasons must not be blank' })
  reasons!: string;
}

export class NoRenewalDto implements NoRenewalRequest {
  @ApiProperty({ maxLength: PROTECTION_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROTECTION_TEXT_MAX)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ProtectionInboxQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PROTECTION_INBOX_VIEWS)
  view?: ProtectionInboxView;
}
