import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthResponse, QueueOverview } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Public, RequirePermission } from '../authz/policy.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller(ApiRoutes.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * 200 when PostgreSQL and Redis both answer (status `degraded` when the audit log needs an
   * operator), 503 otherwise; queue depth, late stages and the audit log's integrity in details.
   */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    res.status(result.status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return result;
  }
}

/** Admin-only queue overview: counts per state and the latest failures (never job data). */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueuesController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @RequirePermission('manage', 'Setting')
  overview(): Promise<QueueOverview> {
    return this.health.overview();
  }
}
