import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import type {
  ExportFormat,
  ExportLanguage,
  StatisticsExportQuery,
  StatisticsQuery,
} from '@caunoi/shared/contracts';
import { EXPORT_FORMATS, EXPORT_LANGUAGES } from '@caunoi/shared/contracts';
import type { PeriodKind } from '@caunoi/shared/domain';
import { PERIOD_KINDS } from '@caunoi/shared/domain';
import { IsExportPassword, IsOmittable } from '../../common/dto-decorators';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `GET /api/statistics`: which fields a period kind needs is checked by the service (400 naming it). */
export class StatisticsQueryDto implements StatisticsQuery {
  @IsIn(PERIOD_KINDS)
  period!: PeriodKind;

  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2)
  half?: number;

  @IsOmittable()
  @Matches(YEAR_MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @IsOmittable()
  @Matches(YEAR_MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;

  /** `all`, or a commune code. */
  @IsOmittable()
  @Matches(/^(all|[0-9]{1,16})$/, { message: 'area must be all or a commune code' })
  area?: string;
}

/**
 * `POST /api/statistics/export` (a body, so a password never sits in a URL or a log): the same query,
 * a file format (CSV by default), a language, and a password for an XLSX or PDF file.
 */
export class StatisticsExportDto extends StatisticsQueryDto implements StatisticsExportQuery {
  @IsOmittable()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @IsOmittable()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;

  @IsExportPassword()
  password?: string;
}
