import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import type {
  AgencyListQuery,
  AgencyView,
  CreateAgencyRequest,
  UpdateAgencyRequest,
} from '@caunoi/shared/contracts';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';
import { AGENCY_TYPES, SERVICE_TYPES } from '@caunoi/shared/domain';
import type { AgencyEntity } from '../agency.entity';
import { IsEmailAddress, IsOmittable } from '../../../common/dto-decorators';
import { PageQueryDto } from '../../../common/page-query.dto';

const PHONE_PATTERN = /^[0-9+() .-]{3,40}$/;

export class CreateAgencyDto implements CreateAgencyRequest {
  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  type!: AgencyType;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '48' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  provinceCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'communeCode must name a commune (or be null)' })
  @MaxLength(16)
  communeCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone may contain only digits, spaces and + ( ) . -' })
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmailAddress()
  @MaxLength(200)
  email?: string | null;

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  services!: ServiceType[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  coversWholeProvince?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  coverageCommuneCodes?: string[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  open24h?: boolean;

  @ApiPropertyOptional({ example: 'Thứ 2–Thứ 6, 7:30–17:00' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  openingHours?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  capacityNote?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  acceptingReferrals?: boolean;
}

// skipNullProperties: false: a field left out is kept, but `null` is validated (and refused), not stored.
export class UpdateAgencyDto
  extends PartialType(CreateAgencyDto, { skipNullProperties: false })
  implements UpdateAgencyRequest
{
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class AgencyListQueryDto extends PageQueryDto implements AgencyListQuery {
  @IsOptional()
  @IsIn(AGENCY_TYPES)
  type?: AgencyType;

  @IsOptional()
  @IsString()
  @MaxLength(16)
  provinceCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(16)
  coversCommune?: string;

  @IsOptional()
  @IsIn(SERVICE_TYPES)
  service?: ServiceType;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  acceptingReferrals?: boolean;
}

export function mapAgency(entity: AgencyEntity): AgencyView {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    provinceCode: entity.provinceCode,
    communeCode: entity.communeCode,
    address: entity.address,
    phone: entity.phone,
    email: entity.email,
    services: entity.services,
    coversWholeProvince: entity.coversWholeProvince,
    coverageCommuneCodes: entity.coverageCommuneCodes,
    open24h: entity.open24h,
    openingHours: entity.openingHours,
    capacityNote: entity.capacityNote,
    acceptingReferrals: entity.acceptingReferrals,
    active: entity.active,
    createdAt: entity.createdAt.toISOString(),
  };
}
