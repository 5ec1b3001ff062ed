import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type {
  CorrectCaseNoteRequest,
  CorrectSurvivorIdentityRequest,
  CorrectionSubject,
  CorrectionsQuery,
  SurvivorIdentityCorrection,
} from '@caunoi/shared/contracts';
import {
  CORRECTION_REASON_MAX,
  CORRECTION_REASON_MIN,
  CORRECTION_SUBJECTS,
} from '@caunoi/shared/contracts';
import type { Sex } from '@caunoi/shared/domain';
import { SEXES } from '@caunoi/shared/domain';
import { IsOmittable, NestedObject } from '../../../common/dto-decorators';
import { SurvivorIdentityDto } from '../dto/open-case.dto';

/** Why a record is corrected: required, kept encrypted with the version it replaces. */
export class CorrectionReasonDto {
  @ApiProperty({ minLength: CORRECTION_REASON_MIN, maxLength: CORRECTION_REASON_MAX })
  @IsString()
  @MinLength(CORRECTION_REASON_MIN, {
    message: `reason needs at least ${CORRECTION_REASON_MIN} characters`,
  })
  @MaxLength(CORRECTION_REASON_MAX)
  reason!: string;
}

export class CorrectCaseNoteDto extends CorrectionReasonDto implements CorrectCaseNoteRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body!: string;

  @ApiProperty({ description: 'The version the editor opened: a stale one is a 409 stale_version' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

/**
 * The identity fields exactly as at intake (same limits and checks); the coded facts (sex,
 * disability, ethnic minority) stay as they are when left out.
 */
export class SurvivorIdentityCorrectionDto
  extends OmitType(SurvivorIdentityDto, ['sex'] as const)
  implements SurvivorIdentityCorrection
{
  @ApiPropertyOptional({ enum: SEXES })
  @IsOmittable()
  @IsIn(SEXES)
  sex?: Sex;
}

export class CorrectSurvivorIdentityDto
  extends CorrectionReasonDto
  implements CorrectSurvivorIdentityRequest
{
  @ApiProperty({ type: SurvivorIdentityCorrectionDto })
  @NestedObject(() => SurvivorIdentityCorrectionDto)
  identity!: SurvivorIdentityCorrectionDto;

  @ApiProperty({ description: 'The identity version revealed: a stale one is a 409 stale_version' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class CorrectionsQueryDto implements CorrectionsQuery {
  @ApiProperty({ enum: CORRECTION_SUBJECTS })
  @IsIn(CORRECTION_SUBJECTS, {
    message: `subjectType must be one of: ${CORRECTION_SUBJECTS.join(', ')}`,
  })
  subjectType!: CorrectionSubject;

  @ApiProperty()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId!: string;
}
