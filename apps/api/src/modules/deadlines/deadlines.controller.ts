import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DeadlineBoardQuery, DeadlineView, Page } from '@caunoi/shared/contracts';
import { RequirePermission } from '../authz/policy.decorators';
import { DeadlinesService } from './deadlines.service';
import { PageQueryDto } from '../../common/page-query.dto';
import { Caller } from '../authz/caller';

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
    @Caller() caller: Caller,
    @Query() query: DeadlineBoardQueryDto,
  ): Promise<Page<DeadlineView>> {
    return this.deadlines.board(caller, query);
  }
}
