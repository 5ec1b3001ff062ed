import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import type {
  CancelConferenceRequest,
  ConferenceActionView,
  ConferenceAttendanceInput,
  ConferenceView,
  ConveneConferenceRequest,
  CreateConferenceActionRequest,
  RecordConferenceRequest,
  RescheduleConferenceRequest,
  UpdateConferenceActionStatusRequest,
} from '@caunoi/shared/contracts';
import type { Attendance } from '@caunoi/shared/domain';
import { ATTENDANCE_VALUES, CONFERENCE_LIMITS as L } from '@caunoi/shared/domain';
import { IsCalendarDate, IsInstant, NestedArray } from '../../common/dto-decorators';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { ActionRow, ConferenceRow, InvitationRow } from './conferences.repository';

export class ConveneConferenceDto implements ConveneConferenceRequest {
  @ApiProperty({ example: '2026-12-10T02:00:00.000Z' })
  @IsInstant()
  scheduledAt!: string;

  @ApiProperty({ maxLength: L.agenda })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.agenda)
  agenda!: string;

  @ApiProperty({ type: [String], description: 'Agencies of the service directory' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.invited)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedAgencyIds!: string[];

  @ApiPropertyOptional({ nullable: true, example: '2027-01-10' })
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string | null;
}

export class ConferenceAttendanceDto implements ConferenceAttendanceInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  agencyId!: string;

  @ApiProperty({ enum: ATTENDANCE_VALUES })
  @IsIn(ATTENDANCE_VALUES, {
    message: `attendance must be one of: ${ATTENDANCE_VALUES.join(', ')}`,
  })
  attendance!: Attendance;
}

export class RecordConferenceDto implements RecordConferenceRequest {
  @ApiProperty({ type: [ConferenceAttendanceDto] })
  @NestedArray(() => ConferenceAttendanceDto)
  @ArrayMaxSize(L.invited)
  attendance!: ConferenceAttendanceDto[];

  @ApiProperty({ maxLength: L.minutes })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.minutes)
  minutes!: string;

  @ApiPropertyOptional({ nullable: true, example: '2027-01-10' })
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string | null;
}

export class CreateConferenceActionDto implements CreateConferenceActionRequest {
  @ApiProperty({ format: 'uuid', description: 'The convening centre or an invited agency' })
  @IsUUID('all', { message: 'ownerAgencyId must be the id of the agency that owns the action' })
  ownerAgencyId!: string;

  @ApiProperty({ maxLength: L.actionDescription })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.actionDescription)
  description!: string;

  @ApiProperty({ example: '2026-12-20' })
  @IsCalendarDate()
  dueOn!: string;
}

const CLOSING = ['done', 'cancelled'] as const;

export class UpdateConferenceActionStatusDto implements UpdateConferenceActionStatusRequest {
  @ApiProperty({ enum: CLOSING })
  @IsIn(CLOSING, { message: `status must be one of: ${CLOSING.join(', ')}` })
  status!: (typeof CLOSING)[number];

  @ApiPropertyOptional({ nullable: true, maxLength: L.note })
  @IsOptional()
  @IsString()
  @MaxLength(L.note)
  note?: string | null;
}

export class CancelConferenceDto implements CancelConferenceRequest {
  @ApiProperty({ maxLength: L.reason })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.reason)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class RescheduleConferenceDto implements RescheduleConferenceRequest {
  @ApiProperty({ example: '2026-12-12T02:00:00.000Z' })
  @IsInstant()
  scheduledAt!: string;

  @ApiProperty({ maxLength: L.reason })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.reason)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ConferenceActionParamsDto extends UuidParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'actionId must be a UUID' })
  actionId!: string;
}

/** Plain values a view is built from: rows with their encrypted fields already opened. */
export interface ConferenceViewParts {
  row: ConferenceRow;
  viewer: 'convener' | 'invitee';
  agenda: string;
  minutes: string | null;
  invitations: InvitationRow[];
  actions: ConferenceActionView[];
  /** Decrypted for the convening side only (null for an invitee). */
  cancelReason: string | null;
  rescheduleReason: string | null;
}

export function mapConference(p: ConferenceViewParts): ConferenceView {
  const convener = p.viewer === 'convener';
  return {
    id: p.row.id,
    code: p.row.code,
    status: p.row.status,
    scheduledAt: p.row.scheduledAt.toISOString(),
    agenda: p.agenda,
    reviewOn: p.row.reviewOn,
    convenerAgencyId: p.row.agencyId,
    convenerAgencyName: p.row.agencyName,
    viewer: p.viewer,
    // An invitee sees the conference, never the case.
    caseId: convener ? p.row.caseId : null,
    survivorCode: convener ? p.row.survivorCode : null,
    invitations: p.invitations.map((i) => ({
      agencyId: i.agencyId,
      agencyName: i.agencyName,
      agencyType: i.agencyType,
      attendance: i.attendance,
    })),
    minutesRecorded: p.row.minutesEnc !== null,
    minutes: p.minutes,
    actions: p.actions,
    cancelledAt: p.row.cancelledAt?.toISOString() ?? null,
    cancelReason: convener ? p.cancelReason : null,
    rescheduledAt: p.row.rescheduledAt?.toISOString() ?? null,
    rescheduleReason: convener ? p.rescheduleReason : null,
  };
}

export function mapConferenceAction(
  a: ActionRow,
  description: string,
  note: string | null,
): ConferenceActionView {
  return {
    id: a.id,
    conferenceId: a.conferenceId,
    conferenceCode: a.conferenceCode,
    ownerAgencyId: a.ownerAgencyId,
    ownerAgencyName: a.ownerAgencyName,
    description,
    dueOn: a.dueOn,
    dueAt: a.dueAt?.toISOString() ?? null,
    status: a.status,
    note,
    statusChangedAt: a.statusChangedAt?.toISOString() ?? null,
  };
}
