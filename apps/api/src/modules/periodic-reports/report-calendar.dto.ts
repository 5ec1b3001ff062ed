import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { UpdateReportCalendarEntryRequest } from '@caunoi/shared/contracts';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import { PERIODIC_REPORT_KINDS, REPORT_CALENDAR_YEARS } from '@caunoi/shared/domain';
import { IsCalendarDate } from '../../common/dto-decorators';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class ReportCalendarQueryDto {
  @ApiProperty({ example: '48' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  provinceCode!: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(REPORT_CALENDAR_YEARS.min)
  @Max(REPORT_CALENDAR_YEARS.max)
  year!: number;
}

export class ReportCalendarEntryParamDto extends ReportCalendarQueryDto {
  @ApiProperty({ enum: PERIODIC_REPORT_KINDS })
  @IsIn(PERIODIC_REPORT_KINDS)
  kind!: PeriodicReportKind;
}

export class UpdateReportCalendarEntryDto implements UpdateReportCalendarEntryRequest {
  @ApiProperty({ example: '2026-05-15' })
  @IsCalendarDate({ message: 'dueOn must be a real date (YYYY-MM-DD)' })
  dueOn!: string;

  @ApiProperty({ example: '2025-11' })
  @Matches(YEAR_MONTH, { message: 'periodFrom must be a month (YYYY-MM)' })
  periodFrom!: string;

  @ApiProperty({ example: '2026-04' })
  @Matches(YEAR_MONTH, { message: 'periodTo must be a month (YYYY-MM)' })
  periodTo!: string;
}
