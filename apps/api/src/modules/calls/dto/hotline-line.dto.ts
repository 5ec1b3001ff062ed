import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { CreateHotlineLineRequest, UpdateHotlineLineRequest } from '@caunoi/shared/contracts';
import { IsOmittable } from '../../../common/dto-decorators';

const NUMBER = /^[0-9 ]{3,20}$/;

export class CreateHotlineLineDto implements CreateHotlineLineRequest {
  @ApiProperty()
  @IsUUID('all')
  agencyId!: string;

  @ApiProperty({ example: '1800 1581' })
  @Matches(NUMBER, { message: 'number may contain only digits and spaces (3-20)' })
  number!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;
}

export class UpdateHotlineLineDto implements UpdateHotlineLineRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(NUMBER, { message: 'number may contain only digits and spaces (3-20)' })
  number?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}
