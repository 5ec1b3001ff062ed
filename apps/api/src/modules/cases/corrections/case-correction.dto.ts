import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type {
  CorrectCaseNoteRequest,
  CorrectionSubject,
  CorrectionsQuery,
} from '@caunoi/shared/contracts';
import {
  CORRECTION_REASON_MAX,
  CORRECTION_REASON_MIN,
  CORRECTION_SUBJECTS,
} from '@caunoi/shared/contracts';

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
