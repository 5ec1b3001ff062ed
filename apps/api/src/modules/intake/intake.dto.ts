import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { DismissIntakeItemRequest, IntakeListQuery } from '@caunoi/shared/contracts';
import type { IntakeDismissalReason, IntakeItemStatus } from '@caunoi/shared/domain';
import { INTAKE_DISMISSAL_REASONS, INTAKE_ITEM_STATUSES } from '@caunoi/shared/domain';
import { PageQueryDto } from '../../common/page-query.dto';

export class IntakeListQueryDto extends PageQueryDto implements IntakeListQuery {
  @IsOptional()
  @IsIn(INTAKE_ITEM_STATUSES)
  status?: IntakeItemStatus;
}

export class DismissIntakeItemDto implements DismissIntakeItemRequest {
  @ApiProperty({ enum: INTAKE_DISMISSAL_REASONS })
  @IsIn(INTAKE_DISMISSAL_REASONS)
  reason!: IntakeDismissalReason;

  /** "Other" must say what it was; the other reasons speak for themselves. */
  @ApiProperty({ required: false, nullable: true, maxLength: 1000 })
  @ValidateIf((dto: DismissIntakeItemDto) => dto.reason === 'other' || (dto.note ?? null) !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note?: string | null;
}
