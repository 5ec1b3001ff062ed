import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type {
  ChildEmergencyView,
  DeadlineView,
  MarkChildEmergencyRequest,
  RecordChildInterventionRequest,
} from '@caunoi/shared/contracts';
import type { ChildInterventionMeasure } from '@caunoi/shared/domain';
import {
  CHILD_EMERGENCY_REASON_MIN,
  CHILD_EMERGENCY_TEXT_MAX,
  CHILD_INTERVENTION_MEASURES,
} from '@caunoi/shared/domain';
import { IsInstant } from '../../../common/dto-decorators';
import type { ChildEmergencyRow } from './child-emergencies.repository';

export class MarkChildEmergencyDto implements MarkChildEmergencyRequest {
  @ApiProperty({ minLength: CHILD_EMERGENCY_REASON_MIN, maxLength: CHILD_EMERGENCY_TEXT_MAX })
  @IsString()
  @MinLength(CHILD_EMERGENCY_REASON_MIN, {
    message: `reason needs at least ${CHILD_EMERGENCY_REASON_MIN} characters`,
  })
  @MaxLength(CHILD_EMERGENCY_TEXT_MAX)
  reason!: string;
}

export class RecordChildInterventionDto implements RecordChildInterventionRequest {
  @ApiProperty({ enum: CHILD_INTERVENTION_MEASURES })
  @IsIn(CHILD_INTERVENTION_MEASURES, {
    message: `measure must be one of: ${CHILD_INTERVENTION_MEASURES.join(', ')}`,
  })
  measure!: ChildInterventionMeasure;

  @ApiPropertyOptional({ nullable: true, maxLength: CHILD_EMERGENCY_TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(CHILD_EMERGENCY_TEXT_MAX)
  note?: string | null;

  @ApiProperty({ example: '2026-12-05T16:30:00.000Z' })
  @IsInstant()
  takenAt!: string;
}

export function mapChildEmergency(
  row: ChildEmergencyRow,
  text: { reason: string | null; note: string | null },
  clocks: {
    emergency: DeadlineView | null;
    supportPlan: DeadlineView | null;
  },
): ChildEmergencyView {
  return {
    id: row.id,
    caseId: row.caseId,
    source: row.source,
    reason: text.reason,
    startedAt: row.startedAt.toISOString(),
    markedByName: row.markedByName,
    ...clocks,
    intervention:
      row.interventionMeasure && row.interventionTakenAt && row.interventionRecordedAt
        ? {
            measure: row.interventionMeasure,
            note: text.note,
            takenAt: row.interventionTakenAt.toISOString(),
            recordedByName: row.interventionByName,
            recordedAt: row.interventionRecordedAt.toISOString(),
          }
        : null,
  };
}
