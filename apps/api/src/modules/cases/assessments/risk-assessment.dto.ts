import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type {
  CorrectRiskAssessmentRequest,
  CreateRiskAssessmentRequest,
  CreateRiskInstrumentRequest,
} from '@caunoi/shared/contracts';
import type {
  LocalisedText,
  RiskAnswers,
  RiskAudience,
  RiskItem,
  RiskItemKind,
  RiskLevel,
  RiskThresholds,
} from '@caunoi/shared/domain';
import {
  MAX_RISK_ITEMS,
  MAX_RISK_TEXT,
  RISK_AUDIENCES,
  RISK_ITEM_KINDS,
  RISK_LEVELS,
} from '@caunoi/shared/domain';
import { IsOmittable, NestedArray, NestedObject } from '../../../common/dto-decorators';
import { CorrectionReasonDto } from '../corrections/case-correction.dto';

/** Shapes only: the domain's checkRiskInstrument judges ranges, keys and thresholds. */
export class LocalisedTextDto implements LocalisedText {
  @ApiProperty()
  @IsString()
  @MaxLength(MAX_RISK_TEXT)
  vi!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(MAX_RISK_TEXT)
  en!: string;
}

export class RiskItemDto implements RiskItem {
  @ApiProperty({ example: 'strangulation' })
  @IsString()
  @MaxLength(40)
  key!: string;

  @ApiProperty({ enum: RISK_ITEM_KINDS })
  @IsIn(RISK_ITEM_KINDS)
  kind!: RiskItemKind;

  @ApiProperty()
  @IsInt()
  weight!: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  scaleMax?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  critical?: boolean;

  @ApiProperty({ type: LocalisedTextDto })
  @NestedObject(() => LocalisedTextDto)
  text!: LocalisedTextDto;

  @ApiPropertyOptional({ type: [LocalisedTextDto] })
  @IsOmittable()
  @ArrayMaxSize(11)
  @NestedArray(() => LocalisedTextDto)
  scaleLabels?: LocalisedTextDto[];
}

export class RiskThresholdsDto implements RiskThresholds {
  @ApiProperty()
  @IsInt()
  medium!: number;

  @ApiProperty()
  @IsInt()
  high!: number;
}

export class CreateRiskInstrumentDto implements CreateRiskInstrumentRequest {
  @ApiProperty({ example: 'caunoi-danger-adult' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{2,59}$/, {
    message: 'code is lower-case letters, digits and - (3 to 60), starting with a letter',
  })
  code!: string;

  @ApiProperty({ enum: RISK_AUDIENCES })
  @IsIn(RISK_AUDIENCES)
  audience!: RiskAudience;

  @ApiProperty({ type: LocalisedTextDto })
  @NestedObject(() => LocalisedTextDto)
  title!: LocalisedTextDto;

  @ApiProperty({ type: [RiskItemDto] })
  @ArrayMaxSize(MAX_RISK_ITEMS)
  @NestedArray(() => RiskItemDto)
  items!: RiskItemDto[];

  @ApiProperty({ type: RiskThresholdsDto })
  @NestedObject(() => RiskThresholdsDto)
  thresholds!: RiskThresholdsDto;
}

/** The answers and the judgement, as an assessment and its correction both send them. */
export class RiskJudgementDto {
  @ApiProperty({ description: 'item key → true/false, a scale step, or null for "not known"' })
  @IsObject({ message: 'answers must be an object' })
  answers!: RiskAnswers;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  overrideLevel?: RiskLevel | null;

  @ApiPropertyOptional({ description: 'Why judgement raises the level (kept encrypted)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  overrideReason?: string | null;
}

export class CreateRiskAssessmentDto
  extends RiskJudgementDto
  implements CreateRiskAssessmentRequest
{
  @ApiProperty()
  @IsUUID('all', { message: 'instrumentId must be a UUID' })
  instrumentId!: string;
}

/** The assessment's answers and judgement again, with why and the version the editor opened. */
export class CorrectRiskAssessmentDto
  extends IntersectionType(RiskJudgementDto, CorrectionReasonDto)
  implements CorrectRiskAssessmentRequest
{
  @ApiProperty({ description: 'The version the editor opened: a stale one is a 409 stale_version' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}
