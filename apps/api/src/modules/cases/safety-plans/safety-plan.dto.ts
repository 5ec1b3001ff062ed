import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import type { SaveSafetyPlanRequest } from '@caunoi/shared/contracts';
import type { SafetyPlanSections } from '@caunoi/shared/domain';
import { IsCalendarDate } from '../../../common/dto-decorators';

export class SaveSafetyPlanDto implements SaveSafetyPlanRequest {
  @ApiProperty({
    nullable: true,
    description: 'The version the edit started from; null for the first',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  baseVersion!: number | null;

  @ApiProperty({ description: 'Section name → text; the domain checks names and lengths' })
  @IsObject({ message: 'sections must be an object' })
  sections!: SafetyPlanSections;

  @ApiProperty({ example: '2026-12-12' })
  @IsCalendarDate()
  reviewOn!: string;
}
