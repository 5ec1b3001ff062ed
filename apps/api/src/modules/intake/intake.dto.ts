import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { IntakeListQuery } from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type { IntakeItemStatus } from '@caunoi/shared/domain';
import { INTAKE_ITEM_STATUSES } from '@caunoi/shared/domain';

export class IntakeListQueryDto implements IntakeListQuery {
  @IsOptional()
  @IsString()
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;

  @IsOptional()
  @IsIn(INTAKE_ITEM_STATUSES)
  status?: IntakeItemStatus;
}
