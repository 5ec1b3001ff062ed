import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type {
  AcceptReferralRequest,
  CompleteReferralRequest,
  CreateReferralInput,
  CreateReferralsRequest,
  DeclineReferralRequest,
  InboxQuery,
  InboxView,
  RecordServiceRequest,
  ReferralOverrideInput,
  RerouteReferralRequest,
  ResponseTimeView,
  UpdateResponseTimesRequest,
  WithdrawReferralRequest,
} from '@caunoi/shared/contracts';
import { INBOX_VIEWS } from '@caunoi/shared/contracts';
import { IsCalendarDate, NestedArray, NestedObject } from '../../../common/dto-decorators';
import { PageQueryDto } from '../../../common/page-query.dto';
import type {
  AgencyType,
  DataCategory,
  DeclineReason,
  OverrideReason,
  ReferralUrgency,
  SectorOutcome,
  ServiceOutcome,
  ServiceType,
  WithdrawReason,
} from '@caunoi/shared/domain';
import {
  DATA_CATEGORIES,
  DECLINE_REASONS,
  OVERRIDE_REASONS,
  REFERRAL_TARGET_TYPES,
  REFERRAL_URGENCIES,
  RESPONSE_HOURS_MAX,
  RESPONSE_HOURS_MIN,
  SENDER_WITHDRAW_REASONS,
  SERVICE_OUTCOMES,
  SERVICE_TYPES,
} from '@caunoi/shared/domain';

/** At most this many agencies in one "refer" action. */
export const MAX_REFERRALS_PER_BATCH = 10;
const NOTE_MAX = 2000;

export class ReferralOverrideDto implements ReferralOverrideInput {
  @ApiProperty({ enum: OVERRIDE_REASONS })
  @IsIn(OVERRIDE_REASONS)
  reason!: OverrideReason;

  @ApiProperty({ minLength: 20 })
  @IsString()
  @MinLength(20, { message: 'justification must say why, in at least 20 characters' })
  @MaxLength(NOTE_MAX)
  justification!: string;
}

export class CreateReferralInputDto implements CreateReferralInput {
  @ApiProperty()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId!: string;

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one service' })
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  services!: ServiceType[];

  @ApiProperty({ enum: REFERRAL_URGENCIES })
  @IsIn(REFERRAL_URGENCIES)
  urgency!: ReferralUrgency;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(NOTE_MAX)
  reason!: string;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, {
    each: true,
    message: 'packet may hold only the shareable data categories (never counselling notes)',
  })
  packet!: DataCategory[];

  @ApiPropertyOptional({ type: ReferralOverrideDto })
  @NestedObject(() => ReferralOverrideDto, { nullable: true })
  override?: ReferralOverrideDto | null;
}

export class CreateReferralsDto implements CreateReferralsRequest {
  @ApiProperty({ type: [CreateReferralInputDto] })
  @NestedArray(() => CreateReferralInputDto)
  @ArrayMinSize(1, { message: 'refer to at least one agency' })
  @ArrayMaxSize(MAX_REFERRALS_PER_BATCH)
  referrals!: CreateReferralInputDto[];
}

export class WithdrawReferralDto implements WithdrawReferralRequest {
  @ApiProperty({ enum: SENDER_WITHDRAW_REASONS })
  @IsIn(SENDER_WITHDRAW_REASONS)
  reason!: WithdrawReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

export class RerouteReferralDto implements RerouteReferralRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId!: string;

  @ApiPropertyOptional({ type: ReferralOverrideDto })
  @NestedObject(() => ReferralOverrideDto, { nullable: true })
  override?: ReferralOverrideDto | null;
}

export class DeclineReferralDto implements DeclineReferralRequest {
  @ApiProperty({ enum: DECLINE_REASONS })
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

export class RecordServiceDto implements RecordServiceRequest {
  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES)
  serviceType!: ServiceType;

  @ApiProperty({ example: '2026-11-20' })
  @IsCalendarDate({ message: 'providedOn must be a date (YYYY-MM-DD)' })
  providedOn!: string;

  @ApiProperty({ enum: SERVICE_OUTCOMES })
  @IsIn(SERVICE_OUTCOMES)
  outcome!: ServiceOutcome;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  sectorOutcome!: SectorOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

export class AcceptReferralDto implements AcceptReferralRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

export class CompleteReferralDto implements CompleteReferralRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

export class InboxQueryDto extends PageQueryDto implements InboxQuery {
  @IsOptional()
  @IsIn(INBOX_VIEWS)
  view?: InboxView;
}

export class ResponseTimeDto implements ResponseTimeView {
  @ApiProperty({ enum: REFERRAL_TARGET_TYPES })
  @IsIn(REFERRAL_TARGET_TYPES)
  agencyType!: AgencyType;

  @ApiProperty({ enum: REFERRAL_URGENCIES })
  @IsIn(REFERRAL_URGENCIES)
  urgency!: ReferralUrgency;

  @ApiProperty({ minimum: RESPONSE_HOURS_MIN, maximum: RESPONSE_HOURS_MAX })
  @IsInt({ message: 'hours must be a whole number' })
  @Min(RESPONSE_HOURS_MIN)
  @Max(RESPONSE_HOURS_MAX)
  hours!: number;
}

export class UpdateResponseTimesDto implements UpdateResponseTimesRequest {
  @ApiProperty({ type: [ResponseTimeDto] })
  @NestedArray(() => ResponseTimeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(REFERRAL_TARGET_TYPES.length * REFERRAL_URGENCIES.length)
  settings!: ResponseTimeDto[];
}

export class ReferralChildParamDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @IsUUID('all', { message: 'referralId must be a UUID' })
  referralId!: string;
}
