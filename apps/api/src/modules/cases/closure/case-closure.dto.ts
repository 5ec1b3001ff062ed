import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type {
  ClosureRequestView,
  ReopenCaseRequest,
  RequestClosureRequest,
  ReturnClosureRequest,
} from '@caunoi/shared/contracts';
import type { ClosureGoalStatus, ClosureReason } from '@caunoi/shared/domain';
import {
  CLOSURE_COMMENT_MAX,
  CLOSURE_GOAL_STATUSES,
  CLOSURE_REASONS,
  CLOSURE_SUMMARY_MAX,
} from '@caunoi/shared/domain';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { CaseClosureEntity } from './case-closure.entity';

export class RequestClosureDto implements RequestClosureRequest {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS)
  reason!: ClosureReason;

  @ApiProperty({ enum: CLOSURE_GOAL_STATUSES })
  @IsIn(CLOSURE_GOAL_STATUSES)
  goalStatus!: ClosureGoalStatus;

  @ApiProperty({ maxLength: CLOSURE_SUMMARY_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLOSURE_SUMMARY_MAX)
  summary!: string;
}

export class ReturnClosureDto implements ReturnClosureRequest {
  @ApiProperty({ maxLength: CLOSURE_COMMENT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLOSURE_COMMENT_MAX)
  comment!: string;
}

export class ReopenCaseDto implements ReopenCaseRequest {
  @ApiProperty({ maxLength: CLOSURE_COMMENT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLOSURE_COMMENT_MAX)
  reason!: string;
}

export function mapClosure(c: CaseClosureEntity, cipher: FieldCipher): ClosureRequestView {
  return {
    id: c.id,
    status: c.status,
    reason: c.reason,
    goalStatus: c.goalStatus,
    summary: cipher.decrypt(c.summaryEnc),
    previousStage: c.previousStage,
    requestedByUserId: c.requestedByUserId,
    requestedByName: c.requestedBy?.displayName ?? null,
    requestedAt: c.requestedAt.toISOString(),
    decidedByUserId: c.decidedByUserId,
    decidedByName: c.decidedBy?.displayName ?? null,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    comment: cipher.decryptOptional(c.commentEnc),
    reopenedByUserId: c.reopenedByUserId,
    reopenedAt: c.reopenedAt?.toISOString() ?? null,
    reopenReason: cipher.decryptOptional(c.reopenReasonEnc),
  };
}
