import { CORRECTION_REASON_MAX } from '@caunoi/shared/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type {
  CreateIncidentRequest,
  PerpetratorInput,
  UpdateIncidentRequest,
} from '@caunoi/shared/contracts';
import type {
  AgeGroup,
  ContextFlag,
  DatePrecision,
  DvForm,
  InjuryType,
  PerpetratorRelationship,
  SeriousReason,
  Sex,
} from '@caunoi/shared/domain';
import {
  AGE_GROUPS,
  CONTEXT_FLAGS,
  DATE_PRECISIONS,
  DV_FORMS,
  INJURY_TYPES,
  PERPETRATOR_RELATIONSHIPS,
  SERIOUS_REASONS,
  SEXES,
} from '@caunoi/shared/domain';
import { IsInstant, NestedArray } from '../../../common/dto-decorators';

export class PerpetratorDto implements PerpetratorInput {
  @ApiProperty({ enum: PERPETRATOR_RELATIONSHIPS })
  @IsIn(PERPETRATOR_RELATIONSHIPS)
  relationship!: PerpetratorRelationship;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;

  @ApiProperty({ enum: AGE_GROUPS })
  @IsIn(AGE_GROUPS)
  ageGroup!: AgeGroup;
}

export class CreateIncidentDto implements CreateIncidentRequest {
  @ApiProperty()
  @IsInstant()
  occurredAt!: string;

  @ApiProperty({ enum: DATE_PRECISIONS })
  @IsIn(DATE_PRECISIONS)
  occurredPrecision!: DatePrecision;

  @ApiProperty()
  @IsInstant()
  discoveredAt!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  communeCode!: string;

  @ApiProperty({
    description: 'Answers keyed by CLASSIFICATION_QUESTIONS, in order until the first yes',
  })
  @IsObject()
  classificationAnswers!: Record<string, boolean>;

  @ApiProperty({ enum: DV_FORMS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(DV_FORMS, { each: true })
  dvForms!: DvForm[];

  @ApiProperty({ enum: CONTEXT_FLAGS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CONTEXT_FLAGS, { each: true })
  contextFlags!: ContextFlag[];

  @ApiProperty({ type: [PerpetratorDto] })
  @NestedArray(() => PerpetratorDto)
  @ArrayMaxSize(20)
  perpetrators!: PerpetratorDto[];

  @ApiProperty({ enum: INJURY_TYPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(INJURY_TYPES, { each: true })
  injuries!: InjuryType[];

  @ApiProperty()
  @IsBoolean()
  serious!: boolean;

  @ApiProperty({ enum: SERIOUS_REASONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SERIOUS_REASONS, { each: true })
  seriousReasons!: SeriousReason[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
}

// skipNullProperties: false: a field left out is kept, but `null` is validated (and refused), not stored.
export class UpdateIncidentDto
  extends PartialType(CreateIncidentDto, { skipNullProperties: false })
  implements UpdateIncidentRequest
{
  @ApiPropertyOptional({
    description: 'Why an incident is no longer serious (cancels its 10-day clock)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  unmarkReason?: string | null;

  @ApiPropertyOptional({
    description:
      'Why the facts are corrected: required when anything but the serious mark changes (kept with the previous version)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(CORRECTION_REASON_MAX)
  correctionReason?: string | null;

  @ApiPropertyOptional({
    description: 'The version the editor opened: a stale one is a 409 stale_version',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
