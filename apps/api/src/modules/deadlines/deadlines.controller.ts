import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { AppAbility } from '@caunoi/shared/authz';
import type { DeadlineBoardQuery, DeadlineView, Page } from '@caunoi/shared/contracts';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { DeadlinesService } from './deadlines.service';
import { PageQueryDto } from '../../common/page-query.dto';

export class DeadlineBoardQueryDto extends PageQueryDto implements DeadlineBoardQuery {
  @IsOptional()
  @IsIn(['overdue', 'today', 'week', 'open'])
  bucket?: 'overdue' | 'today' | 'week' | 'open';
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** The deadline board: a caseworker's cases, or the whole centre for a supervisor. */
  @Get()
  @RequirePermission('read', 'Deadline')
  board(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: DeadlineBoardQueryDto,
  ): Promise<Page<DeadlineView>> {
    return this.deadlines.board(actor, ability, query);
  }
}
