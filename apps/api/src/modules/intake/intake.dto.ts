import { IsIn, IsOptional } from 'class-validator';
import type { IntakeListQuery } from '@caunoi/shared/contracts';
import type { IntakeItemStatus } from '@caunoi/shared/domain';
import { INTAKE_ITEM_STATUSES } from '@caunoi/shared/domain';
import { PageQueryDto } from '../../common/page-query.dto';

export class IntakeListQueryDto extends PageQueryDto implements IntakeListQuery {
  @IsOptional()
  @IsIn(INTAKE_ITEM_STATUSES)
  status?: IntakeItemStatus;
}
