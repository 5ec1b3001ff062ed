import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { CalendarDayKindValue, UpsertCalendarDayRequest } from '@caunoi/shared/contracts';
import { IsCalendarDate } from '../../common/dto-decorators';

const KINDS = ['public_holiday', 'compensatory_day_off', 'makeup_working_day'] as const;

export class CreateCalendarDayDto implements UpsertCalendarDayRequest {
  @ApiProperty({ example: '2026-09-02' })
  @IsCalendarDate({ message: 'date must be a real date (YYYY-MM-DD)' })
  date!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: CalendarDayKindValue;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateCalendarDayDto {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: CalendarDayKindValue;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class CalendarDateParamDto {
  @IsCalendarDate({ message: 'date must be a real date (YYYY-MM-DD)' })
  date!: string;
}

export class CalendarYearQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
