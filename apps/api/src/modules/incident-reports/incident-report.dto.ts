import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ExportLanguage, SaveIncidentReportRequest } from '@caunoi/shared/contracts';
import { EXPORT_LANGUAGES } from '@caunoi/shared/contracts';
import { AGENCY_TYPES, SERVICE_TYPES } from '@caunoi/shared/domain';

export class SaveIncidentReportDto implements SaveIncidentReportRequest {
  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  servicesGiven?: string[];

  @ApiPropertyOptional({ enum: AGENCY_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AGENCY_TYPES, { each: true })
  agenciesInvolved?: string[];

  @ApiPropertyOptional({ description: 'Actions taken and result of handling; no identity' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  narrative?: string | null;
}

export class InboxQueryDto {
  @IsOptional()
  @IsString()
  after?: string;
}

/** `…/report/form?lang=vi|en`: the printable form as PDF (Vietnamese by default). */
export class IncidentReportFormQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}
