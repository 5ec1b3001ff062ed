import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type {
  CasePlanVersionRequest,
  ReturnCasePlanRequest,
  SaveCasePlanRequest,
} from '@caunoi/shared/contracts';
import type {
  CasePlanAction,
  CasePlanDomain,
  CasePlanGoal,
  CasePlanNeed,
  PlanActionStatus,
} from '@caunoi/shared/domain';
import {
  CASE_PLAN_ACTIONS_MAX,
  CASE_PLAN_COMMENT_MAX,
  CASE_PLAN_DOMAINS,
  CASE_PLAN_GOALS_MAX,
  CASE_PLAN_NEEDS_MAX,
  CASE_PLAN_TEXT_MAX,
  PLAN_ACTION_STATUSES,
} from '@caunoi/shared/domain';
import { IsCalendarDate, NestedArray } from '../../../common/dto-decorators';

export class CasePlanNeedDto implements CasePlanNeed {
  @ApiProperty({ enum: CASE_PLAN_DOMAINS })
  @IsIn(CASE_PLAN_DOMAINS)
  domain!: CasePlanDomain;

  @ApiProperty({ maxLength: CASE_PLAN_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_PLAN_TEXT_MAX)
  text!: string;
}

export class CasePlanGoalDto extends CasePlanNeedDto implements CasePlanGoal {}

export class CasePlanActionDto extends CasePlanNeedDto implements CasePlanAction {
  @ApiProperty({
    required: false,
    description: 'The action of the version this one is made from; left out for a new action',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({
    nullable: true,
    description: 'null: the centre; else an agency the case is referred to',
  })
  @IsOptional()
  @IsUUID()
  ownerAgencyId!: string | null;

  @ApiProperty({ example: '2026-12-20' })
  @IsCalendarDate()
  dueOn!: string;

  @ApiProperty({ enum: PLAN_ACTION_STATUSES })
  @IsIn(PLAN_ACTION_STATUSES)
  status!: PlanActionStatus;
}

export class SaveCasePlanDto implements SaveCasePlanRequest {
  @ApiProperty({
    nullable: true,
    description: 'The version the edit started from; null for the first',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  baseVersion!: number | null;

  @ApiProperty({ type: [CasePlanNeedDto] })
  @NestedArray(() => CasePlanNeedDto)
  @ArrayMaxSize(CASE_PLAN_NEEDS_MAX)
  needs!: CasePlanNeedDto[];

  @ApiProperty({ type: [CasePlanGoalDto] })
  @NestedArray(() => CasePlanGoalDto)
  @ArrayMaxSize(CASE_PLAN_GOALS_MAX)
  goals!: CasePlanGoalDto[];

  @ApiProperty({ type: [CasePlanActionDto] })
  @NestedArray(() => CasePlanActionDto)
  @ArrayMaxSize(CASE_PLAN_ACTIONS_MAX)
  actions!: CasePlanActionDto[];

  @ApiProperty({ description: 'Submit the new version for approval at once' })
  @IsBoolean()
  submit!: boolean;
}

export class CasePlanVersionDto implements CasePlanVersionRequest {
  @ApiProperty({ description: 'The version the person saw' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class ReturnCasePlanDto extends CasePlanVersionDto implements ReturnCasePlanRequest {
  @ApiProperty({ maxLength: CASE_PLAN_COMMENT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_PLAN_COMMENT_MAX)
  comment!: string;
}
