import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import type {
  AdministrativeUnitListQuery,
  AdministrativeUnitView,
  MergeAdministrativeUnitsRequest,
  RenameAdministrativeUnitRequest,
  RetireAdministrativeUnitRequest,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type { AdministrativeUnitLevel, AdministrativeUnitStatus } from '@caunoi/shared/domain';
import {
  ADMINISTRATIVE_UNIT_LEVELS,
  ADMINISTRATIVE_UNIT_NAME_MAX,
  ADMINISTRATIVE_UNIT_STATUSES,
  MERGE_SOURCES_MAX,
} from '@caunoi/shared/domain';
import { PageQueryDto } from '../../../common/page-query.dto';
import type { AdministrativeUnitEntity } from '../administrative-unit.entity';
import { IsCalendarDate, IsOmittable, NestedObject } from '../../../common/dto-decorators';

const CODE = /^\d{2}$|^\d{5}$/;
const CODE_MESSAGE = 'must be a unit code (2 or 5 digits)';
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

export class UnitCodeParamDto {
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;
}

/** `codes` arrives as one comma-separated string and is split here. */
export class AdministrativeUnitListQueryDto
  extends PageQueryDto
  implements Omit<AdministrativeUnitListQuery, 'codes'>
{
  @IsOptional()
  @IsIn(ADMINISTRATIVE_UNIT_LEVELS)
  level?: AdministrativeUnitLevel;

  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'parentCode must be a province code (2 digits)' })
  parentCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn([...ADMINISTRATIVE_UNIT_STATUSES, 'all'])
  status?: AdministrativeUnitStatus | 'all';

  /** Comma-separated codes; checked as a list after splitting. */
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.split(',').filter((c) => c !== '') : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PAGE_SIZE_MAX)
  @Matches(CODE, { each: true, message: `each of codes ${CODE_MESSAGE}` })
  codes?: string[];
}

export class RenameAdministrativeUnitDto implements RenameAdministrativeUnitRequest {
  @ApiProperty({ example: 'Phường Hải Châu' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ADMINISTRATIVE_UNIT_NAME_MAX)
  name!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate({ message: `effectiveFrom ${DATE_MESSAGE}` })
  effectiveFrom!: string;
}

export class RetireAdministrativeUnitDto implements RetireAdministrativeUnitRequest {
  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate({ message: `effectiveTo ${DATE_MESSAGE}` })
  effectiveTo!: string;
}

export class MergeSuccessorDto {
  @ApiProperty()
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @ApiPropertyOptional({ description: 'for a new unit' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ADMINISTRATIVE_UNIT_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ description: 'for a new commune: its province' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'parentCode must be a province code (2 digits)' })
  parentCode?: string | null;
}

export class MergeAdministrativeUnitsDto implements MergeAdministrativeUnitsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MERGE_SOURCES_MAX)
  @Matches(CODE, { each: true, message: `each of codes ${CODE_MESSAGE}` })
  codes!: string[];

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate({ message: `effectiveOn ${DATE_MESSAGE}` })
  effectiveOn!: string;

  @ApiProperty({ type: MergeSuccessorDto })
  @NestedObject(() => MergeSuccessorDto)
  successor!: MergeSuccessorDto;
}

export function mapAdministrativeUnit(u: AdministrativeUnitEntity): AdministrativeUnitView {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    parentCode: u.parentCode,
    status: u.status,
    effectiveFrom: u.effectiveFrom,
    effectiveTo: u.effectiveTo,
    successorCode: u.successorCode,
  };
}
