import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type {
  ExportFormat,
  ExportLanguage,
  ReportExportQuery,
  ConsolidatedReportQuery,
  DraftPeriodicReportRequest,
  UpdatePeriodicReportRequest,
} from '@caunoi/shared/contracts';
import { EXPORT_FORMATS, EXPORT_LANGUAGES, EXPORT_PASSWORD_LENGTH } from '@caunoi/shared/contracts';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import { PERIODIC_REPORT_KINDS, REPORT_CALENDAR_YEARS } from '@caunoi/shared/domain';
import { IsExportPassword, IsOmittable } from '../../common/dto-decorators';

const NARRATIVE_MAX = 20000;

export class PeriodicReportYearQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(REPORT_CALENDAR_YEARS.min)
  @Max(REPORT_CALENDAR_YEARS.max)
  year!: number;
}

export class DraftPeriodicReportDto implements DraftPeriodicReportRequest {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(REPORT_CALENDAR_YEARS.min)
  @Max(REPORT_CALENDAR_YEARS.max)
  year!: number;

  @ApiProperty({ enum: PERIODIC_REPORT_KINDS })
  @IsIn(PERIODIC_REPORT_KINDS)
  kind!: PeriodicReportKind;

  @ApiPropertyOptional({ description: 'The centre’s own words; aggregates only, no identity' })
  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  narrative?: string | null;
}

export class UpdatePeriodicReportDto implements UpdatePeriodicReportRequest {
  @ApiProperty({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  narrative!: string | null;
}

const REPORT_EXPORT_FORMATS = EXPORT_FORMATS.filter((f) => f !== 'csv');

/**
 * `POST /api/periodic-reports/:id/export` (body): XLSX or PDF, Vietnamese unless English is asked for,
 * protected by a password if one is given.
 */
export class ReportExportDto implements ReportExportQuery {
  @ApiProperty({ enum: REPORT_EXPORT_FORMATS })
  @IsIn(REPORT_EXPORT_FORMATS)
  format!: Exclude<ExportFormat, 'csv'>;

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES })
  @IsOmittable()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;

  @ApiPropertyOptional({
    minLength: EXPORT_PASSWORD_LENGTH.min,
    maxLength: EXPORT_PASSWORD_LENGTH.max,
    writeOnly: true,
  })
  @IsExportPassword()
  password?: string;
}

/** `GET /api/periodic-reports/consolidated`: one calendar entry of the officer's province. */
export class ConsolidatedReportQueryDto implements ConsolidatedReportQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(REPORT_CALENDAR_YEARS.min)
  @Max(REPORT_CALENDAR_YEARS.max)
  year!: number;

  @ApiProperty({ enum: PERIODIC_REPORT_KINDS })
  @IsIn(PERIODIC_REPORT_KINDS)
  kind!: PeriodicReportKind;
}

/** The consolidated report's file: the entry and the format. */
export class ConsolidatedExportDto extends IntersectionType(
  ConsolidatedReportQueryDto,
  ReportExportDto,
) {}
