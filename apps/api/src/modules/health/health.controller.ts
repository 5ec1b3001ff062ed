import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthResponse } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Public } from '../authz/policy.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller(ApiRoutes.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when PostgreSQL and Redis both answer, 503 otherwise. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    res.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
