import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type {
  PerpetratorIdentity,
  SavePerpetratorRequest,
  UpdatePerpetratorRequest,
} from '@caunoi/shared/contracts';
import {
  CORRECTION_REASON_MAX,
  CORRECTION_REASON_MIN,
  PERPETRATOR_LIMITS as L,
} from '@caunoi/shared/contracts';
import { NestedObject } from '../../../common/dto-decorators';
import { PerpetratorDto } from '../dto/incident.dto';
import { UuidParamDto } from '../../../common/uuid-param.dto';

export class PerpetratorIdentityDto implements PerpetratorIdentity {
  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.name)
  fullName!: string | null;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(L.aliases)
  @IsString({ each: true })
  @MaxLength(L.alias, { each: true })
  aliases!: string[];

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.phone)
  phone!: string | null;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.address)
  address!: string | null;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.idNumber)
  idNumber!: string | null;
}

/** The coded facts are validated as on an incident. */
export class SavePerpetratorDto extends PerpetratorDto implements SavePerpetratorRequest {
  @ApiProperty({ type: PerpetratorIdentityDto })
  @NestedObject(() => PerpetratorIdentityDto)
  identity!: PerpetratorIdentityDto;

  @ApiProperty({ type: [String], description: 'Incidents of the same case' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  incidentIds!: string[];
}

export class UpdatePerpetratorDto extends SavePerpetratorDto implements UpdatePerpetratorRequest {
  @ApiProperty({ description: 'The version the edit started from' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  @ApiProperty({ minLength: CORRECTION_REASON_MIN, maxLength: CORRECTION_REASON_MAX })
  @IsString()
  @MinLength(CORRECTION_REASON_MIN, {
    message: `reason needs at least ${CORRECTION_REASON_MIN} characters`,
  })
  @MaxLength(CORRECTION_REASON_MAX)
  reason!: string;
}

export class PerpetratorParamsDto extends UuidParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'perpetratorId must be a UUID' })
  perpetratorId!: string;
}
