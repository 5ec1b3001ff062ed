import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';

/** A keyset page request: the opaque cursor of the last page and a page size. Lists extend it. */
export class PageQueryDto {
  @IsOptional()
  @IsString()
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}
