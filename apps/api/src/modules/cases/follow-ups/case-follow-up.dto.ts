import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type {
  FollowUpView,
  RecordFollowUpOutcomeRequest,
  ScheduleFollowUpRequest,
} from '@caunoi/shared/contracts';
import type { FollowUpMethod, FollowUpOutcome } from '@caunoi/shared/domain';
import { FOLLOW_UP_METHODS, FOLLOW_UP_NOTE_MAX, FOLLOW_UP_OUTCOMES } from '@caunoi/shared/domain';
import { IsCalendarDate } from '../../../common/dto-decorators';
import type { FollowUpRow } from './case-follow-ups.repository';

export class ScheduleFollowUpDto implements ScheduleFollowUpRequest {
  @ApiProperty({ example: '2026-12-12' })
  @IsCalendarDate()
  plannedOn!: string;

  @ApiProperty({ enum: FOLLOW_UP_METHODS })
  @IsIn(FOLLOW_UP_METHODS, { message: `method must be one of: ${FOLLOW_UP_METHODS.join(', ')}` })
  method!: FollowUpMethod;
}

export class RecordFollowUpOutcomeDto implements RecordFollowUpOutcomeRequest {
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES })
  @IsIn(FOLLOW_UP_OUTCOMES, { message: `outcome must be one of: ${FOLLOW_UP_OUTCOMES.join(', ')}` })
  outcome!: FollowUpOutcome;

  @ApiPropertyOptional({ nullable: true, maxLength: FOLLOW_UP_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(FOLLOW_UP_NOTE_MAX)
  note?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-12-19' })
  @IsOptional()
  @IsCalendarDate()
  nextOn?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: FOLLOW_UP_METHODS })
  @IsOptional()
  @IsIn(FOLLOW_UP_METHODS, {
    message: `nextMethod must be one of: ${FOLLOW_UP_METHODS.join(', ')}`,
  })
  nextMethod?: FollowUpMethod | null;
}

export function mapFollowUp(row: FollowUpRow, note: string | null): FollowUpView {
  return {
    id: row.id,
    caseId: row.caseId,
    plannedOn: row.plannedOn,
    method: row.method,
    status: row.status,
    outcome: row.outcome,
    note,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneByName: row.doneByName,
    nextFollowUpId: row.nextFollowUpId,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}
