import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@caunoi/shared/contracts';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(private readonly health: HealthRepository) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      this.health.isDatabaseUp(),
      this.health.isRedisUp(),
    ]);
    return {
      status: database && redis ? 'ok' : 'error',
      details: { database: database ? 'up' : 'down', redis: redis ? 'up' : 'down' },
    };
  }
}
